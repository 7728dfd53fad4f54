import {
  classify,
  FIGURE_BASES,
  gain,
  meanOf,
  PTS_DEFAULT_BANDS,
  resultCycles,
  type TCycleStatus,
} from '@siklus/domain';
import fc from 'fast-check';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate';
import { migrations } from '../migrations';
import {
  createTestDb,
  makeCycle,
  makeDistrict,
  makeObservation,
  makeSchool,
  makeStudy,
  makeTeacher,
  type TestDb,
} from '../testing';
import { districtComparison } from './comparison';
import { upsertObservation } from './observations';

/*
 * cycle_aggregates and cycle_band_counts are kept by triggers on observations
 * (migration 2026-11-28T1800-cycle-aggregates), and study_figures by triggers on studies,
 * cycles and those two tables (2026-12-02T0800-study-figures). Whatever writes
 * observations or cycles, in whatever shape of statement, they must equal a recomputation
 * from the observations and cycles themselves, the study figures by the domain's rules
 * (resultCycles, meanOf, gain), digit for digit. Since 2026-12-02T0900-study-instruments
 * the aggregates are per (cycle, instrument) and the study figures the primary's
 * (instrument 0): the writes below score two instruments and move sheets between them.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

interface Recomputed {
  aggregates: { cycle_id: string; instrument: number; n: number; sum: string; mean: string }[];
  bands: { cycle_id: string; instrument: number; band: string; count: number }[];
}

async function stored(districtId: string): Promise<Recomputed & { badZeroRows: number }> {
  const aggregates = await sql<Recomputed['aggregates'][number]>`
    select cycle_id, instrument, n, sum_percentage::numeric(12, 2)::text as sum,
           mean::text as mean
    from cycle_aggregates where district_id = ${districtId} and n > 0
    order by cycle_id, instrument`.execute(t.db);
  const bands = await sql<Recomputed['bands'][number]>`
    select cycle_id, instrument, band, count from cycle_band_counts
    where district_id = ${districtId}
    order by cycle_id, instrument, band`.execute(t.db);
  // A cycle whose observations all went keeps its row at zero, with nothing else in it.
  const zero = await sql<{ bad: number }>`
    select count(*)::int as bad from cycle_aggregates
    where district_id = ${districtId} and n = 0 and (sum_percentage <> 0 or mean is not null)`.execute(
    t.db,
  );
  return { aggregates: aggregates.rows, bands: bands.rows, badZeroRows: zero.rows[0]!.bad };
}

async function recomputed(districtId: string): Promise<Recomputed> {
  const rows = await t.db
    .selectFrom('observations')
    .select(['cycle_id', 'instrument', 'band', 'percentage'])
    .where('district_id', '=', districtId)
    .execute();
  const byCycle = new Map<string, string[]>();
  const byBand = new Map<string, number>();
  for (const r of rows) {
    const sheet = `${r.cycle_id}\u0000${r.instrument}`;
    byCycle.set(sheet, [...(byCycle.get(sheet) ?? []), r.percentage]);
    const key = `${sheet}\u0000${r.band}`;
    byBand.set(key, (byBand.get(key) ?? 0) + 1);
  }
  const sums = await sql<{ cycle_id: string; instrument: number; sum: string }>`
    select cycle_id, instrument, sum(percentage)::numeric(12, 2)::text as sum from observations
    where district_id = ${districtId} group by cycle_id, instrument`.execute(t.db);
  const sumOf = new Map(sums.rows.map((r) => [`${r.cycle_id}\u0000${r.instrument}`, r.sum]));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    // The mean the way the domain computes it: round2(sum / n), half-up, in decimal.
    aggregates: [...byCycle.entries()]
      .map(([sheet, ps]) => {
        const [cycle_id, instrument] = sheet.split('\u0000') as [string, string];
        return {
          cycle_id,
          instrument: Number(instrument),
          n: ps.length,
          sum: sumOf.get(sheet)!,
          mean: meanOf(ps),
        };
      })
      .sort((a, b) => cmp(a.cycle_id, b.cycle_id) || a.instrument - b.instrument),
    bands: [...byBand.entries()]
      .map(([key, count]) => {
        const [cycle_id, instrument, band] = key.split('\u0000') as [string, string, string];
        return { cycle_id, instrument: Number(instrument), band, count };
      })
      .sort(
        (a, b) => cmp(a.cycle_id, b.cycle_id) || a.instrument - b.instrument || cmp(a.band, b.band),
      ),
  };
}

interface StudyFigures {
  study_id: string;
  cycle_count: number;
  newest_cycle_id: string | null;
  newest_ordinal: number | null;
  newest_status: string | null;
  newest_n: number | null;
  newest_updated_at: string | null;
  approved: BasisFigures;
  submitted: BasisFigures;
}
interface BasisFigures {
  latest_cycle_id: string | null;
  latest_ordinal: number | null;
  latest_status: string | null;
  latest_n: number | null;
  latest_mean: string | null;
  baseline_mean: string | null;
  band_counts: Record<string, number> | null;
  gain_points: string | null;
  normalized_gain: string | null;
}

async function storedStudyFigures(districtId: string): Promise<StudyFigures[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select study_id, cycle_count, newest_cycle_id, newest_ordinal, newest_status, newest_n,
           newest_updated_at::text as newest_updated_at,
           approved_latest_cycle_id, approved_latest_ordinal, approved_latest_status,
           approved_latest_n, approved_latest_mean::text as approved_latest_mean,
           approved_baseline_mean::text as approved_baseline_mean, approved_band_counts,
           approved_gain_points::text as approved_gain_points,
           approved_normalized_gain::text as approved_normalized_gain,
           submitted_latest_cycle_id, submitted_latest_ordinal, submitted_latest_status,
           submitted_latest_n, submitted_latest_mean::text as submitted_latest_mean,
           submitted_baseline_mean::text as submitted_baseline_mean, submitted_band_counts,
           submitted_gain_points::text as submitted_gain_points,
           submitted_normalized_gain::text as submitted_normalized_gain
    from study_figures where district_id = ${districtId} order by study_id`.execute(t.db);
  const basis = (r: Record<string, unknown>, b: string): BasisFigures => ({
    latest_cycle_id: r[`${b}_latest_cycle_id`] as string | null,
    latest_ordinal: r[`${b}_latest_ordinal`] as number | null,
    latest_status: r[`${b}_latest_status`] as string | null,
    latest_n: r[`${b}_latest_n`] as number | null,
    latest_mean: r[`${b}_latest_mean`] as string | null,
    baseline_mean: r[`${b}_baseline_mean`] as string | null,
    band_counts: r[`${b}_band_counts`] as Record<string, number> | null,
    gain_points: r[`${b}_gain_points`] as string | null,
    normalized_gain: r[`${b}_normalized_gain`] as string | null,
  });
  return rows.map((r) => ({
    study_id: r.study_id as string,
    cycle_count: r.cycle_count as number,
    newest_cycle_id: r.newest_cycle_id as string | null,
    newest_ordinal: r.newest_ordinal as number | null,
    newest_status: r.newest_status as string | null,
    newest_n: r.newest_n as number | null,
    newest_updated_at: r.newest_updated_at as string | null,
    approved: basis(r, 'approved'),
    submitted: basis(r, 'submitted'),
  }));
}

/** The study figures by the domain's rules, from the cycles and observations themselves. */
async function recomputedStudyFigures(districtId: string): Promise<StudyFigures[]> {
  const studies = await t.db
    .selectFrom('studies')
    .select('id')
    .where('district_id', '=', districtId)
    .orderBy('id')
    .execute();
  const cycles = await sql<{
    id: string;
    study_id: string;
    ordinal: number;
    status: TCycleStatus;
    updated_at: string;
  }>`select id, study_id, ordinal, status, updated_at::text as updated_at from cycles
     where district_id = ${districtId}`.execute(t.db);
  // The study figures are the primary instrument's.
  const observations = await t.db
    .selectFrom('observations')
    .select(['cycle_id', 'percentage', 'band'])
    .where('district_id', '=', districtId)
    .where('instrument', '=', 0)
    .execute();
  return studies.map(({ id }) => {
    const own = cycles.rows
      .filter((c) => c.study_id === id)
      .map((c) => {
        const sheets = observations.filter((o) => o.cycle_id === c.id);
        return { ...c, n: sheets.length, sheets };
      });
    const newest = own.reduce<(typeof own)[number] | null>(
      (a, c) => (a === null || c.ordinal > a.ordinal ? c : a),
      null,
    );
    const byBasis = Object.fromEntries(
      FIGURE_BASES.map((b): [string, BasisFigures] => {
        const { baseline, latest } = resultCycles(own, b);
        const baselineMean = baseline ? meanOf(baseline.sheets.map((o) => o.percentage)) : null;
        const latestMean = latest ? meanOf(latest.sheets.map((o) => o.percentage)) : null;
        const g =
          latest && latest.ordinal > 0 && baselineMean !== null && latestMean !== null
            ? gain(baselineMean, latestMean)
            : null;
        const bandCounts: Record<string, number> = {};
        for (const o of latest?.sheets ?? []) bandCounts[o.band] = (bandCounts[o.band] ?? 0) + 1;
        return [
          b,
          {
            latest_cycle_id: latest?.id ?? null,
            latest_ordinal: latest?.ordinal ?? null,
            latest_status: latest?.status ?? null,
            latest_n: latest?.n ?? null,
            latest_mean: latestMean,
            baseline_mean: baselineMean,
            band_counts: latest ? bandCounts : null,
            gain_points: g?.points ?? null,
            normalized_gain: g?.normalized ?? null,
          },
        ];
      }),
    );
    return {
      study_id: id,
      cycle_count: own.length,
      newest_cycle_id: newest?.id ?? null,
      newest_ordinal: newest?.ordinal ?? null,
      newest_status: newest?.status ?? null,
      newest_n: newest?.n ?? null,
      newest_updated_at: newest?.updated_at ?? null,
      approved: byBasis.approved!,
      submitted: byBasis.submitted!,
    };
  });
}

async function expectConsistent(districtId: string) {
  const actual = await stored(districtId);
  const expected = await recomputed(districtId);
  expect(actual.badZeroRows).toBe(0);
  expect(actual.aggregates).toEqual(expected.aggregates);
  expect(actual.bands).toEqual(expected.bands);
  expect(await storedStudyFigures(districtId)).toEqual(await recomputedStudyFigures(districtId));
}

const percentageArb = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((h) => (h / 100).toFixed(2)),
  fc.constantFrom('0.00', '50.99', '51.00', '70.99', '71.00', '86.00', '100.00', '65.07'),
);
/** Labels of the study's set and one that is not (the aggregate does not care). */
const bandArb = fc.constantFrom('Kurang', 'Cukup', 'Baik', 'Sangat Baik', 'Sedang');
const SLOTS = 6;
const TEACHERS = 5;
const slotArb = fc.integer({ min: 0, max: SLOTS - 1 });
const teacherArb = fc.integer({ min: 0, max: TEACHERS - 1 });
/** The primary instrument (0) and one more. */
const instrumentArb = fc.integer({ min: 0, max: 1 });

type Op =
  | { kind: 'upsert'; slot: number; teacher: number; instrument: number; percentage: string }
  | {
      kind: 'bulkInsert';
      rows: { slot: number; teacher: number; instrument: number; percentage: string }[];
    }
  | { kind: 'setPercentage'; slot: number; teacher: number; instrument: number; percentage: string }
  | { kind: 'relabel'; slot: number; teacher: number; instrument: number; band: string }
  | { kind: 'reinstrument'; slot: number; teacher: number; instrument: number }
  | { kind: 'move'; slot: number; teacher: number; to: number }
  | { kind: 'moveAll'; slot: number; to: number }
  | { kind: 'shift'; slot: number; by: number }
  | { kind: 'delete'; slot: number; teacher: number }
  | { kind: 'clear'; slot: number }
  | { kind: 'dropCycle'; slot: number }
  | { kind: 'status'; slot: number; status: TCycleStatus }
  | { kind: 'touch'; slot: number }
  | { kind: 'rolledBack'; slot: number; teacher: number; percentage: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('upsert' as const),
      slot: slotArb,
      teacher: teacherArb,
      instrument: instrumentArb,
      percentage: percentageArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bulkInsert' as const),
      rows: fc.array(
        fc.record({
          slot: slotArb,
          teacher: teacherArb,
          instrument: instrumentArb,
          percentage: percentageArb,
        }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('setPercentage' as const),
      slot: slotArb,
      teacher: teacherArb,
      instrument: instrumentArb,
      percentage: percentageArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('relabel' as const),
      slot: slotArb,
      teacher: teacherArb,
      instrument: instrumentArb,
      band: bandArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reinstrument' as const),
      slot: slotArb,
      teacher: teacherArb,
      instrument: instrumentArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      slot: slotArb,
      teacher: teacherArb,
      to: slotArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('moveAll' as const), slot: slotArb, to: slotArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('shift' as const),
      slot: slotArb,
      by: fc.integer({ min: -30, max: 30 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      slot: slotArb,
      teacher: teacherArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), slot: slotArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropCycle' as const), slot: slotArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      slot: slotArb,
      status: fc.constantFrom<TCycleStatus>('draft', 'submitted', 'returned', 'approved'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('touch' as const), slot: slotArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rolledBack' as const),
      slot: slotArb,
      teacher: teacherArb,
      percentage: percentageArb,
    }),
  },
);

const band = (percentage: string) => classify(PTS_DEFAULT_BANDS, percentage).label;

/** Two studies of three cycles each (slots 0-5), so moves cross cycles and studies. */
async function makeWorld() {
  const district = await makeDistrict(t.db);
  const school = await makeSchool(t.db, { district_id: district.id });
  const scope = { district_id: district.id, school_id: school.id };
  const studies = [await makeStudy(t.db, scope), await makeStudy(t.db, scope)];
  const slots: { id: string; studyId: string; ordinal: number }[] = [];
  for (const study of studies) {
    for (const ordinal of [0, 1, 2]) {
      const cycle = await makeCycle(t.db, { study_id: study.id, ordinal });
      slots.push({ id: cycle.id, studyId: study.id, ordinal });
    }
  }
  const teachers: string[] = [];
  for (let i = 0; i < TEACHERS; i++) teachers.push((await makeTeacher(t.db, scope)).id);
  return { districtId: district.id, slots, teachers };
}

async function apply(world: Awaited<ReturnType<typeof makeWorld>>, op: Op) {
  const { districtId, slots, teachers } = world;
  const cycle = (slot: number) => slots[slot]!.id;
  switch (op.kind) {
    case 'upsert':
      await upsertObservation(t.db, {
        districtId,
        cycleId: cycle(op.slot),
        teacherId: teachers[op.teacher]!,
        observerId: null,
        observedOn: null,
        notes: null,
        percentage: op.percentage,
        band: band(op.percentage),
        scores: {},
        instrument: op.instrument,
      });
      return;
    case 'bulkInsert':
      await t.db
        .insertInto('observations')
        .values(
          op.rows.map((r) => ({
            district_id: districtId,
            cycle_id: cycle(r.slot),
            teacher_id: teachers[r.teacher]!,
            instrument: r.instrument,
            percentage: r.percentage,
            band: band(r.percentage),
          })),
        )
        .onConflict((oc) => oc.columns(['cycle_id', 'teacher_id', 'instrument']).doNothing())
        .execute();
      return;
    case 'setPercentage':
      await t.db
        .updateTable('observations')
        .set({ percentage: op.percentage, band: band(op.percentage) })
        .where('cycle_id', '=', cycle(op.slot))
        .where('teacher_id', '=', teachers[op.teacher]!)
        .where('instrument', '=', op.instrument)
        .execute();
      return;
    case 'relabel':
      await t.db
        .updateTable('observations')
        .set({ band: op.band })
        .where('cycle_id', '=', cycle(op.slot))
        .where('teacher_id', '=', teachers[op.teacher]!)
        .where('instrument', '=', op.instrument)
        .execute();
      return;
    case 'reinstrument':
      // A sheet moved to the other instrument of its cycle, where that teacher has none.
      await sql`update observations o set instrument = 1 - o.instrument
        where o.cycle_id = ${cycle(op.slot)} and o.teacher_id = ${teachers[op.teacher]!}
          and o.instrument = ${op.instrument}
          and not exists (select 1 from observations x where x.cycle_id = o.cycle_id
                            and x.teacher_id = o.teacher_id and x.instrument = 1 - o.instrument)`.execute(
        t.db,
      );
      return;
    case 'move':
    case 'moveAll': {
      // One teacher's sheet (or every sheet) to another cycle, where that teacher has none.
      let q = t.db
        .updateTable('observations as o')
        .set({ cycle_id: cycle(op.to) })
        .where('o.cycle_id', '=', cycle(op.slot))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('observations as x')
                .select('x.id')
                .where('x.cycle_id', '=', cycle(op.to))
                .whereRef('x.teacher_id', '=', 'o.teacher_id')
                .whereRef('x.instrument', '=', 'o.instrument'),
            ),
          ),
        );
      if (op.kind === 'move') q = q.where('o.teacher_id', '=', teachers[op.teacher]!);
      await q.execute();
      return;
    }
    case 'shift':
      // A multi-row update of one cycle's figures (the band is left as stored).
      await sql`update observations
        set percentage = least(100, greatest(0, percentage + ${op.by}))
        where cycle_id = ${cycle(op.slot)}`.execute(t.db);
      return;
    case 'delete':
      await t.db
        .deleteFrom('observations')
        .where('cycle_id', '=', cycle(op.slot))
        .where('teacher_id', '=', teachers[op.teacher]!)
        .execute();
      return;
    case 'clear':
      await t.db.deleteFrom('observations').where('cycle_id', '=', cycle(op.slot)).execute();
      return;
    case 'dropCycle': {
      // The cycle goes with its observations (cascade) and comes back empty.
      const slot = slots[op.slot]!;
      await t.db.deleteFrom('cycles').where('id', '=', slot.id).execute();
      slot.id = (await makeCycle(t.db, { study_id: slot.studyId, ordinal: slot.ordinal })).id;
      return;
    }
    case 'status':
      await t.db
        .updateTable('cycles')
        .set({
          status: op.status,
          approved_at: op.status === 'approved' ? new Date() : null,
          review_comment: op.status === 'returned' ? 'Lengkapi refleksi.' : null,
        })
        .where('id', '=', cycle(op.slot))
        .execute();
      return;
    case 'touch':
      // What every API write does to its cycle: a new version and updated_at, nothing else.
      await sql`update cycles set version = version + 1,
        updated_at = updated_at + interval '1 second' where id = ${cycle(op.slot)}`.execute(t.db);
      return;
    case 'rolledBack':
      await t.db
        .transaction()
        .execute(async (trx) => {
          await trx.deleteFrom('observations').where('cycle_id', '=', cycle(op.slot)).execute();
          await trx
            .insertInto('observations')
            .values({
              district_id: districtId,
              cycle_id: cycle(op.slot),
              teacher_id: teachers[op.teacher]!,
              percentage: op.percentage,
              band: band(op.percentage),
            })
            .execute();
          throw new Error('roll back');
        })
        .catch((e: unknown) => {
          if (!(e instanceof Error) || e.message !== 'roll back') throw e;
        });
      return;
  }
}

describe('cycle aggregates', () => {
  it('equal a recomputation from observations after random writes of every shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const world = await makeWorld();
        for (const op of ops) {
          await apply(world, op);
          await expectConsistent(world.districtId);
        }
      }),
      { numRuns: 40, seed: 20261128 },
    );
  }, 120_000);

  it('go to zero and stay tidy when every observation of a cycle is deleted', async () => {
    const cycle = await makeCycle(t.db);
    for (const p of ['40.00', '75.50', '90.00'])
      await makeObservation(t.db, { cycle_id: cycle.id, percentage: p });
    const before = await t.db
      .selectFrom('cycle_aggregates')
      .select(['n', 'sum_percentage', 'mean'])
      .where('cycle_id', '=', cycle.id)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ n: 3, sum_percentage: '205.50', mean: '68.50' });

    await t.db.deleteFrom('observations').where('cycle_id', '=', cycle.id).execute();
    const after = await t.db
      .selectFrom('cycle_aggregates')
      .select(['n', 'sum_percentage', 'mean'])
      .where('cycle_id', '=', cycle.id)
      .executeTakeFirstOrThrow();
    expect({ ...after, sum_percentage: Number(after.sum_percentage) }).toEqual({
      n: 0,
      sum_percentage: 0,
      mean: null,
    });
    const bands = await t.db
      .selectFrom('cycle_band_counts')
      .select('band')
      .where('cycle_id', '=', cycle.id)
      .execute();
    expect(bands).toEqual([]);
  });

  it('count the band stored at write time, as the comparison always did', async () => {
    // An observation keeps the label it was classified with when it was written (a study's
    // band set version never changes, so it is the study's label); the counts follow the
    // stored label, not a reclassification of the percentage.
    const school = await makeSchool(t.db);
    const study = await makeStudy(t.db, { district_id: school.district_id, school_id: school.id });
    const cycle = await makeCycle(t.db, { study_id: study.id, status: 'approved' });
    await makeObservation(t.db, { cycle_id: cycle.id, percentage: '72.00' });
    await makeObservation(t.db, { cycle_id: cycle.id, percentage: '72.00', band: 'Cukup' });
    const { rows } = await districtComparison(t.db, { districtId: school.district_id });
    expect(rows[0]).toMatchObject({ latestN: 2, latestMean: '72.00', latestMeanBand: 'Baik' });
    expect(rows[0]!.bandCounts).toEqual([
      { label: 'Kurang', count: 0, share: '0.00' },
      { label: 'Cukup', count: 1, share: '50.00' },
      { label: 'Baik', count: 1, share: '50.00' },
      { label: 'Sangat Baik', count: 0, share: '0.00' },
    ]);
  });

  it('are backfilled from existing observations when the migration runs', async () => {
    const district = await makeDistrict(t.db);
    const cycles = [
      await makeCycle(t.db, { district_id: district.id }),
      await makeCycle(t.db, { district_id: district.id }),
    ];
    for (const [i, p] of ['52.28', '52.29', '100.00', '0.00', '70.99'].entries())
      await makeObservation(t.db, { cycle_id: cycles[i % 2]!.id, percentage: p });

    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: async () => migrations },
    });
    const down = await migrator.migrateTo('2026-11-28T0900-initial');
    expect(down.error).toBeUndefined();
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables
      where table_schema = current_schema() and table_name = 'cycle_aggregates'`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
    await migrateToLatest(t.db);
    await expectConsistent(district.id);
  }, 60_000);

  it('are emptied with the observations by a TRUNCATE', async () => {
    const cycle = await makeCycle(t.db);
    await makeObservation(t.db, { cycle_id: cycle.id, percentage: '80.00' });
    await sql`truncate table indicator_scores, observation_changes, observations`.execute(t.db);
    const left = await sql<{ n: number }>`
      select (select count(*) from cycle_aggregates) + (select count(*) from cycle_band_counts)
        as n`.execute(t.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
