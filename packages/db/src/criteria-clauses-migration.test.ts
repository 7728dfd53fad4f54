import {
  bandIndex,
  criteriaInputFromPercentages,
  D,
  evaluateCriteria,
  meanOf,
  parseOrThrow,
  round2,
  type TBandSet,
  ZSuccessCriteria,
} from '@siklus/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { LULUT_2_NPSN, seed } from './seed';
import { createTestDb, type TestDb } from './testing';

/*
 * Migration 2026-12-02T0400-criteria-clauses rewrites the criteria rows in the new notation.
 * Proven on the seed (SD Negeri Lulut 2 included): with the database at the previous
 * migration, the old notation is judged by the old rule (written out below as it was in
 * packages/domain criteria.ts before decision 017), then the migration runs and the domain
 * judges the rewritten rows: every clause of every criteria version on every seeded cycle
 * gives the same verdict.
 */

type OldCriterion =
  | { kind: 'meanAtLeast'; value: string }
  | { kind: 'shareAtLeastBand'; percent: string; band: string }
  | { kind: 'allAtLeastBand'; band: string };

/** The rule before decision 017: >= on the shown mean and share, "all" as nobody below. */
function oldVerdict(c: OldCriterion, percentages: string[], bandSet: TBandSet): boolean {
  const n = percentages.length;
  if (n === 0) return false;
  if (c.kind === 'meanAtLeast') return new D(meanOf(percentages)).gte(round2(c.value));
  const from = bandSet.bands[bandIndex(bandSet, c.band)]?.from ?? '0';
  const good = percentages.filter((p) => new D(round2(p)).gte(from)).length;
  if (c.kind === 'allAtLeastBand') return good === n;
  return new D(round2(new D(good).times(100).dividedBy(n))).gte(round2(c.percent));
}

const LAST = '2026-12-02T0400-criteria-clauses';
const AFTER = '2026-12-02T0400-study-gain-first';
/** LAST and every migration after it (later work adds its own), stepped down and up again. */
const FROM_LAST = Object.keys(migrations).slice(Object.keys(migrations).indexOf(LAST));
/** Steps the database down to just before LAST, through every later migration's down. */
async function downPastLast(db: TestDb['db']): Promise<void> {
  for (let k = 0; k < FROM_LAST.length; k++) await migrateDown(db);
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db);
}, 120_000);
afterAll(async () => {
  await t?.destroy();
});

async function cycles() {
  const { rows } = await sql<{
    cycle_id: string;
    npsn: string;
    bands: TBandSet;
    percentages: string[];
  }>`
    select c.id as cycle_id, sch.npsn, bsv.bands,
           coalesce(array_agg(o.percentage::text order by o.percentage)
                    filter (where o.id is not null), '{}') as percentages
      from cycles c
      join studies st on st.id = c.study_id
      join schools sch on sch.id = st.school_id
      join band_set_versions bsv on bsv.id = st.band_set_version_id
      left join observations o on o.cycle_id = c.id
     group by c.id, sch.npsn, bsv.bands`.execute(t.db);
  return rows;
}

async function criteriaRows() {
  const { rows } = await sql<{ id: string; district_id: string; criteria: unknown }>`
    select id, district_id, criteria from criteria_set_versions order by id`.execute(t.db);
  return rows;
}

describe(`migration ${LAST}`, () => {
  it('is followed directly by the gain setting (the test steps down past both)', () => {
    expect(FROM_LAST.slice(0, 2)).toEqual([LAST, AFTER]);
  });

  it('rewrites every criteria row with identical verdicts, Lulut 2 included', async () => {
    const seeded = await criteriaRows();
    await downPastLast(t.db);
    const old = await criteriaRows();
    expect(old.map((r) => r.criteria)).toContainEqual({
      criteria: [
        { kind: 'meanAtLeast', value: '71.00' },
        { kind: 'shareAtLeastBand', percent: '80.00', band: 'Baik' },
      ],
    });
    // A version in the old notation with the one kind the seed lacks.
    const first = old[0];
    if (!first) throw new Error('the seed has no criteria');
    const { rows: parent } = await sql<{ criteria_set_id: string }>`
      select criteria_set_id from criteria_set_versions where id = ${first.id}`.execute(t.db);
    await sql`
      insert into criteria_set_versions (district_id, criteria_set_id, version, status, criteria)
      values (${first.district_id}, ${parent[0]?.criteria_set_id}, 99, 'draft', ${JSON.stringify({
        criteria: [
          { kind: 'allAtLeastBand', band: 'Baik' },
          { kind: 'allAtLeastBand', band: 'Cukup' },
          { kind: 'shareAtLeastBand', percent: '66.67', band: 'Baik' },
          { kind: 'meanAtLeast', value: '65.08' },
        ],
      })}::jsonb)`.execute(t.db);
    const before = (await criteriaRows()).map((r) => ({
      id: r.id,
      criteria: (r.criteria as { criteria: OldCriterion[] }).criteria,
    }));

    const all = await cycles();
    expect(all.some((c) => c.npsn === LULUT_2_NPSN && c.percentages.length === 6)).toBe(true);
    const expected = before.flatMap((v) =>
      all.map((c) => v.criteria.map((clause) => oldVerdict(clause, c.percentages, c.bands))),
    );

    expect((await migrateToLatest(t.db)).applied).toEqual(FROM_LAST);
    const after = await criteriaRows();
    // The seeded rows come back exactly as the seed wrote them.
    for (const row of seeded) expect(after.find((r) => r.id === row.id)).toEqual(row);
    const actual = after.flatMap((v) => {
      const criteria = parseOrThrow(ZSuccessCriteria, v.criteria);
      return all.map((c) =>
        evaluateCriteria(
          criteria,
          criteriaInputFromPercentages(c.percentages, c.bands, criteria),
          c.bands,
        ).results.map((r) => r.met),
      );
    });
    expect(actual).toEqual(expected);
    // Not a vacuous comparison: both verdicts occur.
    expect(expected.flat()).toContain(true);
    expect(expected.flat()).toContain(false);
  });

  it('refuses to go down past a clause the old notation cannot say', async () => {
    await sql`
      update criteria_set_versions set criteria = ${JSON.stringify({
        criteria: [{ kind: 'passShare', op: '>', percent: '75', kkm: '78' }],
      })}::jsonb where version = 99`.execute(t.db);
    for (let k = 1; k < FROM_LAST.length; k++) await migrateDown(t.db);
    await expect(migrateDown(t.db)).rejects.toThrow(/old notation cannot say/);
    expect(await migrateToLatest(t.db)).toEqual({ applied: FROM_LAST.slice(1) });
  });
});
