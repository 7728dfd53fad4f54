/**
 * SD Negeri Lulut 2's published PTS (Haratua et al., Tables 1-3), copied from
 * shared/fixtures/sdn-lulut-2.json for the import and export tests: the paper's percentages
 * and criteria, its printed means, and the means Siklus must compute (65.075 -> 65.08; the
 * paper prints 65.05).
 */
export const LULUT_2 = {
  study: { focus: 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif' },
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
      label: 'Kondisi Awal',
      scores: ['35.75', '37.40', '40.50', '42.67', '44.65', '52.75'],
      criteria: ['Kurang', 'Kurang', 'Kurang', 'Kurang', 'Kurang', 'Cukup'],
      reportedMean: '42.29',
      computedMean: '42.29',
    },
    {
      label: 'Siklus I',
      scores: ['46.75', '48.50', '50.50', '55.70', '58.80', '60.60'],
      criteria: ['Kurang', 'Kurang', 'Kurang', 'Cukup', 'Cukup', 'Cukup'],
      reportedMean: '53.48',
      computedMean: '53.48',
    },
    {
      label: 'Siklus II',
      scores: ['53.50', '55.40', '60.55', '68.65', '75.25', '77.10'],
      criteria: ['Cukup', 'Cukup', 'Cukup', 'Cukup', 'Baik', 'Baik'],
      reportedMean: '65.05',
      computedMean: '65.08',
    },
  ],
} as const;
