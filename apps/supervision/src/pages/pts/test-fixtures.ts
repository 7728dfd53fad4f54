// Test data only (imported by *.test.tsx): API answers shaped like the real procedures',
// with figures computed by the domain package as the API computes them.
import type { RouterOutputs } from '@siklus/client';
import {
  bandRanges,
  criteriaInputFromPercentages,
  cycleStanding,
  describeCriteria,
  judgeCriteria,
  PTS_DEFAULT_BANDS,
  rosterCoverage,
  summarizeCycle,
  type TRubricDefinition,
  type TSuccessCriteria,
} from '@siklus/domain';
import { ME } from '@siklus/ui/testing';

type Cycle = RouterOutputs['cycles']['get'];
type Observation = Cycle['observations'][number];

export const IDS = {
  study: '00000000-0000-4000-8000-00000000f001',
  cycle: '00000000-0000-4000-8000-00000000c001',
  school: ME.principal.schoolId,
  t1: '00000000-0000-4000-8000-0000000000e1',
  t2: '00000000-0000-4000-8000-0000000000e2',
  t3: '00000000-0000-4000-8000-0000000000e3',
} as const;

const scale = {
  min: 1,
  max: 4,
  levels: [
    { value: 1, label: 'Kurang' },
    { value: 2, label: 'Cukup' },
    { value: 3, label: 'Baik' },
    { value: 4, label: 'Sangat baik', descriptor: 'Tampak konsisten' },
  ],
};

export const RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Perencanaan',
      indicators: [
        { key: 'A1', text: 'Merumuskan tujuan', scale },
        { key: 'A2', text: 'Menyiapkan media', scale },
      ],
    },
    {
      key: 'B',
      title: 'Pelaksanaan',
      indicators: [{ key: 'B1', text: 'Membentuk kelompok', scale }],
    },
  ],
};

export const CRITERIA: TSuccessCriteria = {
  criteria: [
    { kind: 'mean', op: '>=', value: '71.00' },
    { kind: 'bandShare', op: '>=', percent: '80.00', band: 'Baik' },
  ],
};

export const TEACHERS = [
  { id: IDS.t1, name: 'Ismiati, S.Pd', className: 'Guru Kelas 1' },
  { id: IDS.t2, name: 'Siti Aminah, S.Pd', className: 'Guru Kelas 2' },
  { id: IDS.t3, name: 'Dedi Kurniawan, S.Pd', className: 'Guru Kelas 3' },
];

export function teacherList() {
  return TEACHERS.map((teacher, i) => ({
    ...teacher,
    schoolId: IDS.school,
    nip: null,
    nuptk: null,
    active: true,
    sortOrder: i + 1,
  }));
}

export function observation(
  teacherIndex: number,
  percentage: string,
  band: string,
  scores: Observation['scores'],
): Observation {
  const teacher = TEACHERS[teacherIndex]!;
  return {
    id: `00000000-0000-4000-8000-0000000001${teacherIndex}0`,
    teacherId: teacher.id,
    teacherName: teacher.name,
    className: teacher.className,
    teacherActive: true,
    sortOrder: teacherIndex + 1,
    percentage,
    band,
    observedOn: null,
    notes: null,
    updatedAt: '2026-11-20T08:00:00.000Z',
    scores,
    instrument: 0,
  };
}

/** `cycles.get` for Siklus I of the study: the observations given, the rest unobserved. */
export function makeCycle(
  overrides: Partial<Omit<Cycle, 'observations'>> = {},
  observations: Observation[] = [observation(0, '75.00', 'Baik', { A1: 4, A2: 3, B1: 2 })],
): Cycle {
  const percentages = observations.map((o) => o.percentage);
  const observed = new Set(observations.map((o) => o.teacherId));
  const status = overrides.status ?? 'draft';
  return {
    id: IDS.cycle,
    studyId: IDS.study,
    schoolId: IDS.school,
    ordinal: 1,
    label: { id: 'Siklus I', en: 'Cycle I' },
    status,
    statusLabel: { id: 'draf', en: 'Draft' },
    studyClosed: false,
    editable: status === 'draft' || status === 'returned',
    allowedActions: [],
    version: 3,
    stages: {
      planning: { notes: 'Menyusun RPP kolaboratif', date: '2025-08-04' },
      action: { notes: null, date: null },
      observation: { notes: null, date: null },
      reflection: { notes: null, date: null },
    },
    review: {
      comment: null,
      reviewedBy: null,
      reviewedAt: null,
      submittedAt: null,
      approvedAt: null,
    },
    printed: { mean: null, meanAsTyped: null, meanBand: null, bands: null },
    rubric: RUBRIC,
    bandSet: { bands: PTS_DEFAULT_BANDS.bands, ranges: bandRanges(PTS_DEFAULT_BANDS) },
    criteria: {
      criteria: CRITERIA.criteria,
      description: { id: describeCriteria(CRITERIA, 'id'), en: describeCriteria(CRITERIA, 'en') },
    },
    observations,
    unobservedTeachers: TEACHERS.filter((teacher) => !observed.has(teacher.id)),
    summary: summarizeCycle(percentages, PTS_DEFAULT_BANDS),
    scaleMean: null,
    // A one-instrument study: its primary is the cycle's own figures (decision 022).
    instruments: [
      {
        instrument: 0,
        key: 'utama',
        rubric: { name: 'Lembar observasi', version: 1, definition: RUBRIC },
        bandSet: {
          name: 'Kategori PTS',
          bands: PTS_DEFAULT_BANDS.bands,
          ranges: bandRanges(PTS_DEFAULT_BANDS),
        },
        observations,
        unobservedTeachers: TEACHERS.filter((teacher) => !observed.has(teacher.id)),
        summary: summarizeCycle(percentages, PTS_DEFAULT_BANDS),
        scaleMean: null,
        printed: { mean: null, meanAsTyped: null, meanBand: null, bands: null },
        mismatches: [],
      },
    ],
    history: [],
    standing: cycleStanding({
      status,
      basis: 'approved',
      observedActive: observed.size,
      roster: TEACHERS.length,
    }),
    criteriaEvaluation: judgeCriteria(
      CRITERIA,
      criteriaInputFromPercentages(percentages, PTS_DEFAULT_BANDS),
      PTS_DEFAULT_BANDS,
      rosterCoverage(observed.size, TEACHERS.length),
    ),
    mismatches: [],
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  } as Cycle;
}
