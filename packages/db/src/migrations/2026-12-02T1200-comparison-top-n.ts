import { type Kysely, sql } from 'kysely';

/*
 * The district comparison's first page without sorting the district (issue 19, decision
 * 025).
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - schools_district_active_name_idx: the active schools of a district in the default
 *   sort's order (name, then NPSN). The comparison's page reads schools through it, joins
 *   each one's studies and figures row by key and stops after the page: 50 rows read at
 *   20,000 schools instead of a sort of every one. Partial on `active`, as the page is.
 * - No data changes.
 */

const UP = [
  `create index schools_district_active_name_idx on schools (district_id, name, npsn)
     where active`,
];

const DOWN = [`drop index if exists schools_district_active_name_idx`];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version.
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
