import type { TRubricDefinition, TSuccessCriteria } from '@siklus/domain';

const LEVELS = [
  { value: 1, label: 'Kurang', descriptor: 'Belum tampak dalam pembelajaran' },
  { value: 2, label: 'Cukup', descriptor: 'Tampak sebagian, belum konsisten' },
  { value: 3, label: 'Baik', descriptor: 'Tampak pada sebagian besar kegiatan' },
  { value: 4, label: 'Sangat Baik', descriptor: 'Tampak menyeluruh dan konsisten' },
];
const scale = { min: 1, max: 4, levels: LEVELS };

/** The demo district's observation sheet for collaborative learning (indicators mode). */
export const COLLABORATIVE_RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Perencanaan pembelajaran kolaboratif',
      indicators: [
        { key: 'A1', text: 'Merumuskan tujuan pembelajaran yang menuntut kerja sama siswa', scale },
        { key: 'A2', text: 'Merancang pembagian kelompok yang heterogen', scale },
        { key: 'A3', text: 'Menyiapkan lembar kerja kelompok dengan peran yang jelas', scale },
      ],
    },
    {
      key: 'B',
      title: 'Pelaksanaan pembelajaran kolaboratif',
      indicators: [
        { key: 'B1', text: 'Menyampaikan tujuan dan aturan kerja kelompok', scale },
        { key: 'B2', text: 'Membimbing diskusi tanpa mengambil alih pekerjaan kelompok', scale },
        { key: 'B3', text: 'Memastikan setiap siswa berperan aktif dalam kelompok', scale },
        { key: 'B4', text: 'Mengelola waktu dan perpindahan kegiatan kelompok', scale },
      ],
    },
    {
      key: 'C',
      title: 'Penilaian dan refleksi',
      indicators: [
        { key: 'C1', text: 'Menilai proses kerja kelompok dan hasil individu', scale },
        { key: 'C2', text: 'Memberi umpan balik kepada kelompok', scale },
        { key: 'C3', text: 'Mengajak siswa merefleksikan kerja sama mereka', scale },
      ],
    },
  ],
};

/** Historical reports give one percentage per teacher. */
export const SUMMARY_RUBRIC: TRubricDefinition = { mode: 'summary' };

/** "Mean at least 71 and at least 80% of teachers Baik or better." */
export const PTS_SUCCESS_CRITERIA: TSuccessCriteria = {
  criteria: [
    { kind: 'mean', op: '>=', value: '71.00' },
    { kind: 'bandShare', op: '>=', percent: '80.00', band: 'Baik' },
  ],
};
