import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { createTestDb, type TestDb } from './testing';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

async function tables(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_name not like 'kysely_%'
    order by table_name`.execute(t.db);
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  it('are listed in name order so they run in the order written', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{4}-[a-z0-9-]+$/);
  });

  it('create every table, go down to empty and up again', async () => {
    const expected = [
      'audit_log',
      'band_set_versions',
      'band_sets',
      'co_observation_sheets',
      'co_observations',
      'criteria_set_versions',
      'criteria_sets',
      'cycle_aggregates',
      'cycle_band_counts',
      'cycle_events',
      'cycles',
      'districts',
      'indicator_scores',
      'integrity_dismissals',
      'integrity_settings',
      'login_throttle',
      'observation_score_vectors',
      'observations',
      'rubric_versions',
      'rubrics',
      'schools',
      'sessions',
      'studies',
      'study_figures',
      'teachers',
      'users',
    ];
    expect(await tables()).toEqual(expected);
    expect((await migrateToLatest(t.db)).applied).toEqual([]);

    for (let i = 0; i < Object.keys(migrations).length; i++) await migrateDown(t.db);
    expect(await tables()).toEqual([]);

    const { applied } = await migrateToLatest(t.db);
    expect(applied).toEqual(Object.keys(migrations));
    expect(await tables()).toEqual(expected);
  });
});
