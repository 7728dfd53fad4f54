import type { TRubricDefinition } from './rubric';

export const levels4 = [
  { value: 1, label: 'Kurang' },
  { value: 2, label: 'Cukup' },
  { value: 3, label: 'Baik' },
  { value: 4, label: 'Sangat baik', descriptor: 'Semua kelompok bekerja sama' },
];
export const scale4 = { min: 1, max: 4, levels: levels4 };

export const SAMPLE_RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Perencanaan',
      indicators: [
        { key: 'A1', text: 'Merumuskan tujuan kolaboratif', scale: scale4 },
        { key: 'A2', text: 'Menyiapkan LKPD kelompok', scale: scale4, weight: 2 },
      ],
    },
    {
      key: 'B',
      title: 'Pelaksanaan',
      indicators: [
        { key: 'B1', text: 'Membentuk kelompok heterogen', scale: scale4 },
        { key: 'B2', text: 'Memfasilitasi diskusi', scale: scale4 },
      ],
    },
  ],
};
