import {
  classify,
  criteriaInputFromPercentages,
  cycleStanding,
  FIGURE_BASES,
  gain,
  indicatorMeans,
  judgeCriteria,
  meanOf,
  OVERDUE_AFTER_DAYS,
  PKG_BANDS,
  PTS_DEFAULT_BANDS,
  resultCycles,
  scoreObservation,
  summarizeCycle,
  type TBandSet,
  type TCriterion,
  type TCycleStatus,
  type TFigureBasis,
  type TRubricDefinition,
  type TSuccessCriteria,
} from '@siklus/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDb,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeDistrict,
  makeObservation,
  makeRubricVersion,
  makeSchool,
  makeStudy,
  makeTeacher,
  type TestDb,
} from '../testing';
import { districtComparison, districtHeadline, schoolCycleMatrix } from './comparison';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

const percentageArb = fc.integer({ min: 0, max: 10_000 }).map((h) => (h / 100).toFixed(2));
/** Values near band edges and ties make rounding mistakes show up. */
const edgyPercentageArb = fc.oneof(
  percentageArb,
  fc.constantFrom(
    '0.00',
    '50.99',
    '51.00',
    '70.99',
    '71.00',
    '85.99',
    '86.00',
    '100.00',
    '52.28',
    '52.29',
    '77.99',
    '78.00',
  ),
);
/** Pass marks that sit on the percentages above, so >= against > is tested at the boundary. */
const kkmArb = fc.constantFrom('78', '78.00', '77.99', '71', '51.00', '86', '52.29', '100', '0');

/** A scored rubric of three indicators on unlike scales (1-4, 0-5, 1-3). */
const level = (value: number) => ({ value, label: `Skor ${value}` });
const scale = (min: number, max: number) => ({
  min,
  max,
  levels: Array.from({ length: max - min + 1 }, (_, i) => level(min + i)),
});
const INDICATOR_RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Aspek A',
      indicators: [
        { key: 'A1', text: 'Satu', scale: scale(1, 4) },
        { key: 'A2', text: 'Dua', scale: scale(0, 5), weight: 2 },
      ],
    },
    { key: 'B', title: 'Aspek B', indicators: [{ key: 'B1', text: 'Tiga', scale: scale(1, 3) }] },
  ],
};
type Sheet = Record<string, number | 'na'>;
const sheetArb: fc.Arbitrary<Sheet> = fc
  .record({
    A1: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant<'na'>('na')),
    A2: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant<'na'>('na')),
    B1: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant<'na'>('na')),
  })
  .map((sheet) => (Object.values(sheet).every((v) => v === 'na') ? { ...sheet, A1: 3 } : sheet));

const opArb = fc.constantFrom<'>=' | '>'>('>=', '>');
const shareArb = fc.constantFrom('50', '66.67', '75', '80', '83.33', '100', '0');
/** Random clauses of every kind; a strict > 100 is not a valid clause, so it becomes >=. */
function criteriaArb(bandSet: TBandSet): fc.Arbitrary<TSuccessCriteria> {
  const fix = (c: TCriterion): TCriterion => {
    const t = c.kind === 'bandShare' || c.kind === 'passShare' ? c.percent : c.value;
    return t === '100.00' || t === '100' ? { ...c, op: '>=' } : c;
  };
  const clause: fc.Arbitrary<TCriterion> = fc.oneof(
    fc.record({ kind: fc.constant('mean' as const), op: opArb, value: edgyPercentageArb }),
    fc.record({
      kind: fc.constant('bandShare' as const),
      op: opArb,
      percent: shareArb,
      band: fc.constantFrom(...bandSet.bands.map((b) => b.label)),
    }),
    fc.record({
      kind: fc.constant('passShare' as const),
      op: opArb,
      percent: shareArb,
      kkm: kkmArb,
    }),
    fc.record({
      kind: fc.constant('indicatorMean' as const),
      op: opArb,
      value: fc.oneof(edgyPercentageArb, fc.constantFrom('75', '66.67', '80')),
    }),
  );
  return fc
    .array(clause.map(fix), { minLength: 1, maxLength: 4 })
    .map((criteria) => ({ criteria }));
}

type Scenario = {
  bandSet: TBandSet;
  rubric: TRubricDefinition;
  criteria: TSuccessCriteria;
  basis: TFigureBasis;
  teachers: number;
  /** Per teacher: still on the roster (inactive teachers may hold old observations). */
  active: boolean[];
  /** Per cycle, per teacher: a percentage or null (not observed), and its sheet if scored. */
  cycles: { status: TCycleStatus; scores: (string | null)[]; sheets: (Sheet | null)[] }[];
};

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    bandSet: fc.constantFrom(PTS_DEFAULT_BANDS, PKG_BANDS),
    rubric: fc.constantFrom<TRubricDefinition>({ mode: 'summary' }, INDICATOR_RUBRIC),
    teachers: fc.integer({ min: 1, max: 7 }),
    cycleCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ bandSet, rubric, teachers, cycleCount }) =>
    fc.record({
      bandSet: fc.constant(bandSet),
      rubric: fc.constant(rubric),
      criteria: criteriaArb(bandSet),
      basis: fc.constantFrom(...FIGURE_BASES),
      teachers: fc.constant(teachers),
      active: fc.array(fc.constantFrom(true, true, true, false), {
        minLength: teachers,
        maxLength: teachers,
      }),
      cycles: fc.array(
        fc
          .record({
            status: fc.constantFrom<TCycleStatus>('draft', 'submitted', 'returned', 'approved'),
            slots: fc.array(fc.option(fc.tuple(edgyPercentageArb, sheetArb), { freq: 6 }), {
              minLength: teachers,
              maxLength: teachers,
            }),
          })
          .map(({ status, slots }) => ({
            status,
            // A scored rubric's percentage is the sheet's, as the platform computes it.
            scores: slots.map((slot) =>
              slot === null
                ? null
                : rubric.mode === 'summary'
                  ? slot[0]
                  : scoreObservation(rubric, { kind: 'indicators', scores: slot[1] }).percentage,
            ),
            sheets: slots.map((slot) =>
              slot === null || rubric.mode === 'summary' ? null : slot[1],
            ),
          })),
        { minLength: cycleCount, maxLength: cycleCount },
      ),
    }),
  );

async function insertScenario(s: Scenario) {
  const school = await makeSchool(t.db);
  const scope = { district_id: school.district_id };
  const bandSetVersion = await makeBandSetVersion(t.db, { ...scope, bands: s.bandSet });
  const rubricVersion = await makeRubricVersion(t.db, { ...scope, definition: s.rubric });
  const criteriaVersion = await makeCriteriaVersion(t.db, { ...scope, criteria: s.criteria });
  const study = await makeStudy(t.db, {
    ...scope,
    school_id: school.id,
    band_set_version_id: bandSetVersion.id,
    rubric_version_id: rubricVersion.id,
    criteria_set_version_id: criteriaVersion.id,
  });
  const teachers = await t.db
    .insertInto('teachers')
    .values(
      Array.from({ length: s.teachers }, (_, i) => ({
        ...scope,
        school_id: school.id,
        name: `Guru ${i + 1}`,
        sort_order: i,
        active: s.active[i]!,
      })),
    )
    .returning('id')
    .execute();
  const cycles = await t.db
    .insertInto('cycles')
    .values(
      s.cycles.map((c, ordinal) => ({
        ...scope,
        study_id: study.id,
        ordinal,
        status: c.status,
        approved_at: c.status === 'approved' ? new Date() : null,
        review_comment: c.status === 'returned' ? 'Perbaiki' : null,
      })),
    )
    .returning(['id', 'ordinal'])
    .execute();
  const observations = s.cycles.flatMap((c, ci) =>
    c.scores.flatMap((p, ti) =>
      p === null
        ? []
        : [
            {
              ...scope,
              cycle_id: cycles.find((x) => x.ordinal === ci)!.id,
              teacher_id: teachers[ti]!.id,
              percentage: p,
              band: classify(s.bandSet, p).label,
            },
          ],
    ),
  );
  if (observations.length === 0) return { school, study };
  const inserted = await t.db
    .insertInto('observations')
    .values(observations)
    .returning(['id', 'cycle_id', 'teacher_id'])
    .execute();
  const scores = s.cycles.flatMap((c, ci) =>
    c.sheets.flatMap((sheet, ti) => {
      if (sheet === null) return [];
      const cycleId = cycles.find((x) => x.ordinal === ci)!.id;
      const o = inserted.find((x) => x.cycle_id === cycleId && x.teacher_id === teachers[ti]!.id)!;
      return Object.entries(sheet).map(([key, score]) => ({
        ...scope,
        observation_id: o.id,
        indicator_key: key,
        score: score === 'na' ? null : score,
        not_applicable: score === 'na',
      }));
    }),
  );
  if (scores.length > 0) await t.db.insertInto('indicator_scores').values(scores).execute();
  return { school, study };
}

describe('SQL figures equal the domain package digit for digit', () => {
  it('for random cycles of random percentages, statuses, rosters and bases', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const { school, study } = await insertScenario(s);
        const { total, rows } = await districtComparison(t.db, {
          districtId: school.district_id,
          basis: s.basis,
        });
        expect(total).toBe(1);
        const row = rows[0]!;

        // The domain's reading of the same scenario: which cycles count, and their figures.
        const observed = s.cycles.map((c) => c.scores.filter((p): p is string => p !== null));
        const summaries = observed.map((ps) => summarizeCycle(ps, s.bandSet));
        const roster = s.active.filter(Boolean).length;
        const observedActive = s.cycles.map(
          (c) => c.scores.filter((p, ti) => p !== null && s.active[ti]).length,
        );
        const { baseline, latest } = resultCycles(
          s.cycles.map((c, ordinal) => ({
            ordinal,
            status: c.status,
            n: observed[ordinal]!.length,
          })),
          s.basis,
        );
        const last = latest && summaries[latest.ordinal]!;
        const base = baseline && summaries[0]!;

        expect(row.cycleCount).toBe(s.cycles.length);
        expect(row.teacherCount).toBe(roster);
        expect(row.baselineMean).toBe(base?.mean ?? null);
        expect(row.latestOrdinal).toBe(latest?.ordinal ?? null);
        expect(row.latestStatus).toBe(latest?.status ?? null);
        expect(row.latestN).toBe(last?.n ?? null);
        expect(row.latestMean).toBe(last?.mean ?? null);
        expect(row.latestMeanBand).toBe(last?.meanBand ?? null);
        if (last) {
          expect(row.bandCounts).toEqual(
            last.bands.map((b) => ({ label: b.label, count: b.count, share: b.share })),
          );
        }
        const standing =
          latest &&
          cycleStanding({
            status: latest.status,
            basis: s.basis,
            observedActive: observedActive[latest.ordinal]!,
            roster,
          });
        expect(row.latestStanding).toEqual(standing);
        const expectedGain =
          latest && latest.ordinal > 0 && base?.mean && last?.mean
            ? gain(base.mean, last.mean)
            : null;
        expect(row.gainPoints).toBe(expectedGain?.points ?? null);
        expect(row.normalizedGain).toBe(expectedGain?.normalized ?? null);
        // The verdict, each clause's figures and its words, from the domain on raw scores.
        const verdict =
          latest && standing
            ? judgeCriteria(
                s.criteria,
                criteriaInputFromPercentages(
                  observed[latest.ordinal]!,
                  s.bandSet,
                  s.criteria,
                  indicatorMeans(
                    s.rubric,
                    s.cycles[latest.ordinal]!.sheets.filter((x): x is Sheet => x !== null),
                  ),
                ),
                s.bandSet,
                standing.coverage,
              )
            : null;
        expect(row.criteriaMet).toBe(verdict?.met ?? null);
        expect(row.criteria?.results ?? null).toEqual(verdict?.results ?? null);
        expect(row.criteria?.message ?? null).toEqual(verdict?.message ?? null);
        // Never a verdict on part of the roster.
        if (row.criteriaMet !== null) expect(standing?.coverage.complete).toBe(true);

        const newestOrdinal = s.cycles.length - 1;
        expect(row.newest?.ordinal ?? null).toBe(
          latest?.ordinal === newestOrdinal ? null : newestOrdinal,
        );
        if (row.newest) {
          expect(row.newest.standing).toEqual(
            cycleStanding({
              status: s.cycles[newestOrdinal]!.status,
              basis: s.basis,
              observedActive: observedActive[newestOrdinal]!,
              roster,
            }),
          );
        }

        const headline = await districtHeadline(t.db, school.district_id, s.basis);
        expect(headline.districtMean).toBe(last?.mean ? meanOf([last.mean]) : null);
        expect(headline.studiesInProgress).toBe(latest?.ordinal === newestOrdinal ? 0 : 1);

        const matrix = await schoolCycleMatrix(t.db, {
          districtId: school.district_id,
          studyId: study.id,
        });
        expect(matrix.roster).toBe(roster);
        expect(matrix.cycles.map((c) => c.observedActive)).toEqual(observedActive);
        expect(matrix.cycles.map((c) => c.mean)).toEqual(summaries.map((x) => x.mean));
        expect(matrix.cycles.map((c) => c.meanBand)).toEqual(summaries.map((x) => x.meanBand));
        expect(matrix.teachers.map((tr) => tr.cells.map((c) => c?.percentage ?? null))).toEqual(
          s.active.flatMap((active, ti) =>
            active || s.cycles.some((c) => c.scores[ti] !== null)
              ? [s.cycles.map((c) => c.scores[ti] ?? null)]
              : [],
          ),
        );
      }),
      { numRuns: 60, seed: 20261128 },
    );
  }, 90_000);

  it('the district mean is the mean of the rounded latest means', async () => {
    const district = await makeDistrict(t.db);
    const means: string[] = [];
    for (const scores of [['52.28', '52.29'], ['60.00', '60.01', '60.01'], ['100.00']]) {
      const cycle = await makeCycle(t.db, { district_id: district.id, status: 'approved' });
      for (const p of scores) await makeObservation(t.db, { cycle_id: cycle.id, percentage: p });
      means.push(meanOf(scores));
    }
    // A principal's draft, however far along, does not move the district's mean.
    const draft = await makeCycle(t.db, { district_id: district.id });
    await makeObservation(t.db, { cycle_id: draft.id, percentage: '10.00' });
    const headline = await districtHeadline(t.db, district.id);
    expect(headline.districtMean).toBe(meanOf(means));
    expect(headline.studiesInMean).toBe(3);
    expect(headline.studiesInProgress).toBe(1);
    expect(headline.cyclesByStatus).toEqual({ draft: 1, submitted: 0, returned: 0, approved: 3 });
    expect(headline.schoolCount).toBe(4);
    expect(headline.schoolsWithStudies).toBe(4);
  });
});

describe('districtComparison', () => {
  let districtId: string;
  beforeAll(async () => {
    districtId = (await makeDistrict(t.db)).id;
    const scope = { district_id: districtId };
    // Three schools with a study each, one without; another district alongside.
    const specs = [
      {
        name: 'SD Negeri Alpha',
        subdistrict: 'Cibinong',
        pre: '40.00',
        post: '70.00',
        status: 'approved',
      },
      {
        name: 'SD Negeri Beta',
        subdistrict: 'Citeureup',
        pre: '50.00',
        post: '55.00',
        status: 'submitted',
      },
      {
        name: 'SD Negeri Gamma 100%',
        subdistrict: 'Cibinong',
        pre: '60.00',
        post: null,
        status: 'draft',
      },
    ] as const;
    for (const spec of specs) {
      const school = await makeSchool(t.db, {
        ...scope,
        name: spec.name,
        subdistrict: spec.subdistrict,
      });
      const study = await makeStudy(t.db, {
        ...scope,
        school_id: school.id,
        title: `PTS ${spec.name}`,
      });
      const teacher = await makeTeacher(t.db, { ...scope, school_id: school.id });
      const c0 = await makeCycle(t.db, { study_id: study.id, ordinal: 0, status: 'approved' });
      await makeObservation(t.db, {
        cycle_id: c0.id,
        teacher_id: teacher.id,
        percentage: spec.pre,
      });
      const c1 = await makeCycle(t.db, { study_id: study.id, ordinal: 1, status: spec.status });
      if (spec.post) {
        await makeObservation(t.db, {
          cycle_id: c1.id,
          teacher_id: teacher.id,
          percentage: spec.post,
        });
      }
    }
    await makeSchool(t.db, { ...scope, name: 'SD Negeri Delta', subdistrict: 'Gunung Putri' });
    const other = await makeCycle(t.db);
    await makeObservation(t.db, { cycle_id: other.id, percentage: '99.00' });
  });

  it('lists every school of the district, including one without a study, and nothing else', async () => {
    const { total, rows } = await districtComparison(t.db, { districtId });
    expect(total).toBe(4);
    expect(rows.map((r) => r.schoolName)).toEqual([
      'SD Negeri Alpha',
      'SD Negeri Beta',
      'SD Negeri Delta',
      'SD Negeri Gamma 100%',
    ]);
    const delta = rows[2]!;
    expect(delta).toMatchObject({
      studyId: null,
      cycleCount: 0,
      latestMean: null,
      bandCounts: null,
      criteriaMet: null,
    });
    const alpha = rows[0]!;
    expect(alpha).toMatchObject({
      baselineMean: '40.00',
      latestMean: '70.00',
      gainPoints: '30.00',
      normalizedGain: '0.50',
      latestLabel: { id: 'Siklus I', en: 'Cycle I' },
    });
    // Gamma's Siklus I has no observation yet: its figures are the baseline's, no gain.
    expect(rows[3]).toMatchObject({
      latestOrdinal: 0,
      latestMean: '60.00',
      gainPoints: null,
      cycleCount: 2,
    });
  });

  it('sorts by a figure with nulls last in both directions, and pages', async () => {
    // Beta's Siklus I awaits review: no gain on approved cycles, 5.00 once submitted count.
    const approvedOnly = await districtComparison(t.db, {
      districtId,
      sort: { by: 'gainPoints', dir: 'desc' },
    });
    expect(approvedOnly.rows.map((r) => r.gainPoints)).toEqual(['30.00', null, null, null]);
    const beta = approvedOnly.rows.find((r) => r.schoolName === 'SD Negeri Beta')!;
    expect(beta).toMatchObject({ latestOrdinal: 0, latestMean: '50.00' });
    expect(beta.newest).toMatchObject({
      ordinal: 1,
      status: 'submitted',
      standing: {
        counted: false,
        provisional: true,
        label: { id: 'sementara: 1 dari 1 guru diobservasi, belum ditinjau' },
      },
    });
    const desc = await districtComparison(t.db, {
      districtId,
      basis: 'submitted',
      sort: { by: 'gainPoints', dir: 'desc' },
    });
    expect(desc.rows.map((r) => r.gainPoints)).toEqual(['30.00', '5.00', null, null]);
    const asc = await districtComparison(t.db, {
      districtId,
      basis: 'submitted',
      sort: { by: 'gainPoints', dir: 'asc' },
    });
    expect(asc.rows.map((r) => r.gainPoints)).toEqual(['5.00', '30.00', null, null]);

    const page2 = await districtComparison(t.db, {
      districtId,
      sort: { by: 'latestMean', dir: 'desc' },
      page: 2,
      pageSize: 3,
    });
    expect(page2.total).toBe(4);
    expect(page2.rows.map((r) => r.schoolName)).toEqual(['SD Negeri Delta']);
    const beyond = await districtComparison(t.db, { districtId, page: 9, pageSize: 3 });
    expect(beyond).toEqual({ total: 4, rows: [] });
  });

  it('filters by subdistrict, status, school year and search (LIKE characters taken literally)', async () => {
    const names = async (filters: Parameters<typeof districtComparison>[1]['filters']) =>
      (await districtComparison(t.db, { districtId, filters })).rows.map((r) => r.schoolName);
    expect(await names({ subdistrict: 'Cibinong' })).toEqual([
      'SD Negeri Alpha',
      'SD Negeri Gamma 100%',
    ]);
    expect(await names({ status: 'submitted' })).toEqual(['SD Negeri Beta']);
    expect(await names({ status: 'none' })).toEqual(['SD Negeri Delta']);
    expect(await names({ schoolYear: '2024/2025' })).toHaveLength(3);
    expect(await names({ search: 'beta' })).toEqual(['SD Negeri Beta']);
    expect(await names({ search: '100%' })).toEqual(['SD Negeri Gamma 100%']);
    expect(await names({ search: '%' })).toEqual(['SD Negeri Gamma 100%']);
  });

  it('refuses a study of another district in the drill-down', async () => {
    const foreign = await makeStudy(t.db);
    await expect(
      schoolCycleMatrix(t.db, { districtId, studyId: foreign.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('overdue cycles and the needs-attention filter', () => {
  it('flags a draft/returned latest cycle untouched for over OVERDUE_AFTER_DAYS days', async () => {
    const districtId = (await makeDistrict(t.db)).id;
    const scope = { district_id: districtId };
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    const specs = [
      { name: 'SD Old Draft', status: 'draft', age: OVERDUE_AFTER_DAYS + 1 },
      { name: 'SD Fresh Returned', status: 'returned', age: OVERDUE_AFTER_DAYS - 1 },
      { name: 'SD Old Returned', status: 'returned', age: 90 },
      // Waiting for the supervisor is not the school's delay.
      { name: 'SD Old Submitted', status: 'submitted', age: 90 },
    ] as const;
    for (const spec of specs) {
      const school = await makeSchool(t.db, { ...scope, name: spec.name });
      const study = await makeStudy(t.db, { ...scope, school_id: school.id });
      await makeCycle(t.db, {
        study_id: study.id,
        status: spec.status,
        updated_at: daysAgo(spec.age),
      });
    }
    await makeSchool(t.db, { ...scope, name: 'SD No Study' });

    const { rows } = await districtComparison(t.db, { districtId });
    expect(rows.map((r) => [r.schoolName, r.overdue])).toEqual([
      ['SD Fresh Returned', false],
      ['SD No Study', false],
      ['SD Old Draft', true],
      ['SD Old Returned', true],
      ['SD Old Submitted', false],
    ]);
    const oldDraft = rows.find((r) => r.schoolName === 'SD Old Draft')!;
    expect(Date.parse(oldDraft.latestUpdatedAt!)).toBeLessThan(
      daysAgo(OVERDUE_AFTER_DAYS).getTime(),
    );
    expect(rows.find((r) => r.schoolName === 'SD No Study')!.latestUpdatedAt).toBeNull();

    const attention = await districtComparison(t.db, {
      districtId,
      filters: { attention: true },
    });
    expect(attention.total).toBe(3);
    expect(attention.rows.map((r) => r.schoolName)).toEqual([
      'SD No Study',
      'SD Old Draft',
      'SD Old Returned',
    ]);
  });

  it("counts the district's calendar days: across midnight WIB and WIT the same write differs", async () => {
    // Last written 1 Nov 16:30 UTC: 23:30 WIB on 1 Nov, 01:30 WIT on 2 Nov. Judged on
    // 2 Dec 10:00 UTC (17:00 WIB, 19:00 WIT): 31 calendar days in WIB (overdue), 30 in
    // WIT (not yet). A rule in 24-hour UTC periods (30.7 days) would say the same in both.
    const districtId = (await makeDistrict(t.db)).id;
    const scope = { district_id: districtId };
    const school = await makeSchool(t.db, { ...scope, name: 'SD Tengah Malam' });
    const study = await makeStudy(t.db, { ...scope, school_id: school.id });
    await makeCycle(t.db, {
      study_id: study.id,
      status: 'draft',
      updated_at: new Date('2026-11-01T16:30:00Z'),
    });
    const now = new Date('2026-12-02T10:00:00Z');
    const overdueIn = async (timeZone: 'Asia/Jakarta' | 'Asia/Jayapura') =>
      (await districtComparison(t.db, { districtId, now, timeZone })).rows[0]?.overdue;
    expect(await overdueIn('Asia/Jakarta')).toBe(true);
    expect(await overdueIn('Asia/Jayapura')).toBe(false);
    // Without a zone given, the district's own is read (WIB by default).
    expect((await districtComparison(t.db, { districtId, now })).rows[0]?.overdue).toBe(true);
  });
});
