import type { RouterOutputs } from '@siklus/client';
import { ME } from '@siklus/ui/testing';

type ComparisonPage = RouterOutputs['reports']['districtComparison'];
type ComparisonRow = ComparisonPage['rows'][number];
type Headline = RouterOutputs['reports']['districtHeadline'];

/**
 * API answers for the supervisor's page tests, shaped like the real procedures' output
 * (typed from the router, so a change of shape breaks the tests at compile time).
 * Figures are Lulut 2's from the fixture: baseline 42.29, latest 65.08, gain 22.79.
 */

export const SCHOOL_IDS = {
  lulut: '00000000-0000-4000-8000-0000000000d1',
  cileungsi: '00000000-0000-4000-8000-0000000000d2',
  jonggol: '00000000-0000-4000-8000-0000000000d3',
} as const;

const bands = (counts: [number, number, number, number], n: number) =>
  (['Kurang', 'Cukup', 'Baik', 'Sangat Baik'] as const).map((label, i) => ({
    label,
    count: counts[i]!,
    share: n === 0 ? null : ((counts[i]! * 100) / n).toFixed(2),
  }));

export const lulutRow: ComparisonRow = {
  schoolId: SCHOOL_IDS.lulut,
  schoolName: 'SD Negeri Lulut 2',
  npsn: '20200001',
  subdistrict: 'Klapanunggal',
  studyId: '00000000-0000-4000-8000-0000000000a1',
  studyTitle: 'Peningkatan kemampuan guru melaksanakan pembelajaran kolaboratif',
  schoolYear: '2024/2025',
  cycleCount: 3,
  teacherCount: 6,
  baselineMean: '42.29',
  latestCycleId: '00000000-0000-4000-8000-0000000000c3',
  latestOrdinal: 2,
  latestLabel: { id: 'Siklus II', en: 'Cycle II' },
  latestStatus: 'submitted',
  latestN: 6,
  // Read with submitted cycles included: Siklus II awaits review, so it is provisional.
  latestStanding: {
    counted: true,
    provisional: true,
    coverage: { observed: 6, roster: 6, complete: true },
    label: {
      id: 'sementara: 6 dari 6 guru diobservasi, belum ditinjau',
      en: 'provisional: 6 of 6 teachers observed, not yet reviewed',
    },
  },
  newest: null,
  latestMean: '65.08',
  latestMeanBand: 'Cukup',
  gainPoints: '22.79',
  normalizedGain: '0.39',
  bandCounts: bands([0, 4, 2, 0], 6),
  criteriaMet: false,
  criteria: {
    message: {
      id: 'Kriteria keberhasilan belum tercapai: 4 dari 6 guru di bawah Baik',
      en: 'Success criteria not met: 4 of 6 teachers below Baik',
    },
    results: [],
    complete: true,
  },
  latestUpdatedAt: '2026-11-20T08:00:00.000Z',
  overdue: false,
};

export const overdueRow: ComparisonRow = {
  ...lulutRow,
  schoolId: SCHOOL_IDS.cileungsi,
  schoolName: 'SD Negeri Cileungsi 1',
  npsn: '20200002',
  subdistrict: 'Cileungsi',
  studyId: '00000000-0000-4000-8000-0000000000a2',
  studyTitle: 'Supervisi akademik berbasis refleksi',
  cycleCount: 2,
  baselineMean: '51.50',
  latestOrdinal: 1,
  latestLabel: { id: 'Siklus I', en: 'Cycle I' },
  latestStatus: 'returned',
  latestMean: '55.70',
  latestMeanBand: 'Cukup',
  gainPoints: '4.20',
  normalizedGain: '0.09',
  bandCounts: bands([1, 4, 1, 0], 6),
  latestUpdatedAt: '2026-09-01T08:00:00.000Z',
  overdue: true,
};

export const noStudyRow: ComparisonRow = {
  schoolId: SCHOOL_IDS.jonggol,
  schoolName: 'SD Negeri Jonggol 3',
  npsn: '20200003',
  subdistrict: 'Jonggol',
  studyId: null,
  studyTitle: null,
  schoolYear: null,
  cycleCount: 0,
  teacherCount: 9,
  baselineMean: null,
  latestCycleId: null,
  latestOrdinal: null,
  latestLabel: null,
  latestStatus: null,
  latestN: null,
  latestStanding: null,
  newest: null,
  latestMean: null,
  latestMeanBand: null,
  gainPoints: null,
  normalizedGain: null,
  bandCounts: null,
  criteriaMet: null,
  criteria: null,
  latestUpdatedAt: null,
  overdue: false,
};

export function comparisonPage(
  rows: ComparisonRow[],
  { total = rows.length, page = 1, pageSize = 25 } = {},
): ComparisonPage {
  return { rows, total, page, pageSize, basis: 'approved' };
}

export const headline: Headline = {
  schoolCount: 1500,
  schoolsWithStudies: 1200,
  studyCount: 1310,
  teacherCount: 11234,
  cyclesByStatus: { draft: 40, submitted: 12, returned: 3, approved: 2400 },
  districtMean: '71.45',
  studiesInMean: 1200,
  studiesInProgress: 0,
  basis: 'approved',
};

export const SUPERVISOR = ME.supervisor;
