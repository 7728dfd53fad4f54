import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { LULUT_2_NPSN, seed } from './seed';
import { createTestDb, type TestDb } from './testing';

/*
 * Migration 2026-12-02T1500-instrument-printed-figures gives a further instrument printed
 * figures of its own (decision 022) and leaves the primary's on the cycle row. Proven on
 * the seed (SD Negeri Lulut 2's printed figures included): every cycle's printed figures
 * are the same after it, no row is added, and going down drops only other instruments'.
 */

const LAST = '2026-12-02T1500-instrument-printed-figures';
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

/** Every cycle's printed figures, as text. */
async function printed() {
  const { rows } = await sql<Record<string, unknown>>`
    select id, printed_mean::text as mean, printed_mean_text as text, printed_mean_band as band,
           printed_bands::text as bands
      from cycles order by id`.execute(t.db);
  return rows;
}

async function tableExists() {
  const { rows } = await sql<{ name: string | null }>`
    select to_regclass('cycle_printed_figures')::text as name`.execute(t.db);
  return rows[0]!.name !== null;
}

describe('migration 2026-12-02T1500-instrument-printed-figures', () => {
  it("keeps every cycle's printed figures where they are, Lulut 2 included, and adds no row", async () => {
    for (let k = 0; k < FROM_LAST.length; k++) await migrateDown(t.db);
    expect(await tableExists()).toBe(false);
    const before = await printed();
    const { rows: lulut } = await sql<{ n: number }>`
      select count(*)::int as n from cycles c join studies s on s.id = c.study_id
        join schools sch on sch.id = s.school_id
       where sch.npsn = ${LULUT_2_NPSN} and c.printed_mean is not null`.execute(t.db);
    // Lulut 2's paper prints its cycles' means: they are among what is kept.
    expect(lulut[0]!.n).toBeGreaterThan(0);

    await migrateToLatest(t.db);
    expect(await printed()).toEqual(before);
    const rows = await t.db.selectFrom('cycle_printed_figures').select('cycle_id').execute();
    expect(rows).toEqual([]);
  }, 240_000);

  it("holds only further instruments' figures, and goes down dropping only those", async () => {
    const before = await printed();
    const cycle = await t.db
      .selectFrom('cycles')
      .select(['id', 'district_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const row = (instrument: number, mean: string) => ({
      district_id: cycle.district_id,
      cycle_id: cycle.id,
      instrument,
      printed_mean: mean,
      printed_mean_text: mean.replace('.', ','),
      printed_mean_band: 'Baik',
      printed_bands: JSON.stringify(['Baik', null]),
    });
    await t.db.insertInto('cycle_printed_figures').values(row(1, '81.30')).execute();
    // The primary's figures have one place, the cycle row; a mean is a percentage.
    await expect(
      t.db.insertInto('cycle_printed_figures').values(row(0, '75.00')).execute(),
    ).rejects.toThrow(/cycle_printed_figures_instrument_check/);
    await expect(
      t.db.insertInto('cycle_printed_figures').values(row(2, '100.01')).execute(),
    ).rejects.toThrow(/cycle_printed_figures_mean_range/);
    expect(await printed()).toEqual(before);

    for (let k = 0; k < FROM_LAST.length; k++) await migrateDown(t.db);
    expect(await tableExists()).toBe(false);
    expect(await printed()).toEqual(before);
    await migrateToLatest(t.db);
    expect(await tableExists()).toBe(true);
    expect(await printed()).toEqual(before);
  }, 240_000);
});
