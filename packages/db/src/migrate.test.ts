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
      'attachments',
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
      'cycle_printed_figures',
      'cycles',
      'districts',
      'email_outbox',
      'follow_up_plans',
      'indicator_scores',
      'integrity_dismissals',
      'integrity_settings',
      'login_throttle',
      'notifications',
      'observation_changes',
      'observation_score_vectors',
      'observations',
      'rubric_versions',
      'rubrics',
      'schools',
      'sessions',
      'studies',
      'study_events',
      'study_figures',
      'study_instruments',
      'subdistricts',
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

describe('the accounts and notifications migration (2026-12-02T0600)', () => {
  it('keeps existing users and districts, with the defaults decision 019 gives them', async () => {
    const { Migrator } = await import('kysely');
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: async () => migrations },
    });
    expect((await migrator.migrateTo('2026-12-02T0010-score-vectors')).error).toBeUndefined();
    const district = await sql<{ id: string }>`
      insert into districts (name, province) values ('Kabupaten Uji Migrasi', 'Jawa Barat')
      returning id`.execute(t.db);
    const districtId = district.rows[0]!.id;
    await sql`insert into users (district_id, username, full_name, password_hash, role, email)
      values (${districtId}, 'lama.sekali', 'Pengguna Lama', 'x', 'supervisor', 'lama@dinas.go.id')`.execute(
      t.db,
    );
    expect((await migrateToLatest(t.db)).applied).toContain(
      '2026-12-02T0600-accounts-notifications',
    );
    const user = await sql<Record<string, unknown>>`
      select u.language, u.email_notifications, u.must_change_password, d.review_wait_days
      from users u join districts d on d.id = u.district_id
      where u.username = 'lama.sekali'`.execute(t.db);
    expect(user.rows).toEqual([
      {
        language: 'id',
        email_notifications: 'immediate',
        must_change_password: false,
        review_wait_days: 7,
      },
    ]);
    await sql`delete from users where username = 'lama.sekali'`.execute(t.db);
    await sql`delete from districts where id = ${districtId}`.execute(t.db);
  });
});
