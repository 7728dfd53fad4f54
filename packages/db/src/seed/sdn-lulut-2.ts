/**
 * SD Negeri Lulut 2's PTS as published (Haratua et al., Universitas Indraprasta PGRI,
 * Tables 1-3), copied from shared/fixtures/sdn-lulut-2.json. The figures are the paper's:
 * percentages per teacher, the printed bands and the printed means (65.05 is a misprint
 * for 65.075 -> 65.08, which the consistency check reports).
 */
export const LULUT_2 = {
  source:
    "Haratua et al., 'Meningkatkan Kinerja Guru SD Melalui Penelitian Tindakan Sekolah: Pendekatan Kolaboratif untuk Peningkatan Pembelajaran', Universitas Indraprasta PGRI. Tables 1-3.",
  school: { name: 'SD Negeri Lulut 2', subdistrict: 'Klapanunggal', npsn: '20201234' },
  study: {
    title:
      'Meningkatkan Kinerja Guru SD Melalui Penelitian Tindakan Sekolah: Pendekatan Kolaboratif untuk Peningkatan Pembelajaran',
    focus: 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif',
  },
  teachers: [
    { className: 'Guru Kelas 1', name: 'Ismiati, S.Pd' },
    { className: 'Guru Kelas 2', name: 'Nanin Sudiar, S.Pd' },
    { className: 'Guru Kelas 3', name: 'Lisda, S.Pd' },
    { className: 'Guru Kelas 4', name: 'Selviani Ayu S.Pd' },
    { className: 'Guru Kelas 5', name: 'Anisha Dwi Lestari, S.Pd' },
    { className: 'Guru Kelas 6', name: 'Dewi Sri Wahyudiningrat, S.Pd' },
  ],
  cycles: [
    {
      ordinal: 0,
      scores: ['35.75', '37.40', '40.50', '42.67', '44.65', '52.75'],
      bands: ['Kurang', 'Kurang', 'Kurang', 'Kurang', 'Kurang', 'Cukup'],
      printedMean: '42.29',
      printedMeanBand: null,
    },
    {
      ordinal: 1,
      scores: ['46.75', '48.50', '50.50', '55.70', '58.80', '60.60'],
      bands: ['Kurang', 'Kurang', 'Kurang', 'Cukup', 'Cukup', 'Cukup'],
      printedMean: '53.48',
      printedMeanBand: 'Cukup',
    },
    {
      ordinal: 2,
      scores: ['53.50', '55.40', '60.55', '68.65', '75.25', '77.10'],
      bands: ['Cukup', 'Cukup', 'Cukup', 'Cukup', 'Baik', 'Baik'],
      printedMean: '65.05',
      printedMeanBand: 'Cukup',
    },
  ],
} as const;
