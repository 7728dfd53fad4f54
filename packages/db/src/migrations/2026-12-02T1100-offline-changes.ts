import { type Kysely, sql } from 'kysely';

/*
 * The change ids of saves sent from a device's outbox (docs/decisions/024-offline-sheets.md):
 * a save that timed out on a weak signal is sent again with the same id, and the second
 * send must find the first instead of writing (or refusing) again. One row per change,
 * written in the save's own statement, keyed by (district_id, change_id) like every other
 * tenant table; the observation and the cycle version the first send produced are what
 * the repeat answers with.
 *
 * Frozen: never edit this file once merged; add a new migration.
 */

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table observation_changes (
      district_id uuid not null references districts(id) on delete cascade,
      change_id uuid not null,
      observation_id uuid not null references observations(id) on delete cascade,
      version integer not null,
      created_at timestamptz not null default now(),
      primary key (district_id, change_id)
    )`.execute(db);
  await sql`create index observation_changes_observation on observation_changes (observation_id)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists observation_changes`.execute(db);
}
