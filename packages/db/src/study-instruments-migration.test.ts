import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { listStudyInstruments } from './repositories/studies';
import { LULUT_2_NPSN, seed } from './seed';
import { createTestDb, type TestDb } from './testing';

/*
 * Migration 2026-12-02T0900-study-instruments makes every existing study a
 * single-instrument study. Proven on the seed (SD Negeri Lulut 2 included): with the
 * database at the migration before it, every trigger-kept figure (cycle aggregates, band
 * counts, study figures) is read; then the migration runs and the primary instrument's
 * figures are the same, digit for digit, and nothing else appears.
 */

const LAST = '2026-12-02T0900-study-instruments';
/** LAST and every migration after it (later work adds its own), stepped down and up again. */
const FROM_LAST = Object.keys(migrations).slice(Object.keys(migrations).indexOf(LAST));

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db);
}, 120_000);
afterAll(async () => {
  await t?.destroy();
});

/** Every stored figure, as text; `primary` restricts the per-instrument tables to instrument 0. */
async function figures(primary: boolean) {
  const only = sql.raw(primary ? 'where instrument = 0' : '');
  const aggregates = await sql<Record<string, unknown>>`
    select cycle_id, district_id, n, sum_percentage::text as sum, mean::text as mean
      from cycle_aggregates ${only} order by cycle_id`.execute(t.db);
  const bands = await sql<Record<string, unknown>>`
    select cycle_id, band, count from cycle_band_counts ${only} order by cycle_id, band`.execute(
    t.db,
  );
  const studies = await sql<Record<string, unknown>>`
    select to_jsonb(f) as row from study_figures f order by study_id`.execute(t.db);
  return { aggregates: aggregates.rows, bands: bands.rows, studies: studies.rows };
}

describe('migration 2026-12-02T0900-study-instruments', () => {
  it('migrates every study as a single-instrument study with identical figures, Lulut 2 included', async () => {
    for (let k = 0; k < FROM_LAST.length; k++) await migrateDown(t.db);
    const before = await figures(false);
    const { rows: lulut } = await sql<{ n: number }>`
      select count(*)::int as n from cycle_aggregates a
        join cycles c on c.id = a.cycle_id join studies s on s.id = c.study_id
        join schools sch on sch.id = s.school_id
       where sch.npsn = ${LULUT_2_NPSN} and a.n = 6`.execute(t.db);
    // Lulut 2's three cycles of six teachers are in what is compared.
    expect(lulut[0]!.n).toBe(3);
    expect(before.aggregates.length).toBeGreaterThan(3);

    await migrateToLatest(t.db);
    expect(await figures(true)).toEqual(before);
    // Nothing but the primary's figures exists.
    expect(await figures(false)).toEqual(before);

    const studies = await t.db.selectFrom('studies').select('id').execute();
    for (const { id } of studies) {
      const instruments = await listStudyInstruments(t.db, id);
      expect(instruments.map((i) => [i.instrument, i.key])).toEqual([[0, 'utama']]);
    }
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from observations where instrument <> 0`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
  }, 240_000);

  it('goes down again, dropping only what the other instruments scored', async () => {
    const before = await figures(true);
    // A second instrument's sheets beside every primary sheet, 10 points higher.
    await sql`insert into observations (district_id, cycle_id, teacher_id, percentage, band, instrument)
      select district_id, cycle_id, teacher_id, least(percentage + 10, 100), 'Baik', 1
        from observations`.execute(t.db);
    expect(await figures(true)).toEqual(before);
    expect((await figures(false)).aggregates.length).toBe(2 * before.aggregates.length);
    for (let k = 0; k < FROM_LAST.length; k++) await migrateDown(t.db);
    expect(await figures(false)).toEqual(before);
    await migrateToLatest(t.db);
  }, 240_000);
});
