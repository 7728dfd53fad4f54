import { type Kysely, sql } from 'kysely';

/*
 * Trigram indexes on the four stage notes of cycles, for the near-copy-notes integrity
 * signal (issue 18): `a.notes % b.notes` across schools finds candidates through the
 * index instead of comparing every pair of notes in the district.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol). pg_trgm is a trusted extension on Postgres 13+
 * (the database owner may create it); PGlite loads it at startup (create-db.ts,
 * PGLITE_OPTIONS).
 */

const STAGES = ['planning', 'action', 'observation', 'reflection'] as const;

const UP = [
  'create extension if not exists pg_trgm',
  ...STAGES.map(
    (stage) =>
      `create index cycles_${stage}_notes_trgm_idx on cycles
         using gin (${stage}_notes gin_trgm_ops)`,
  ),
];

const DOWN = [
  ...STAGES.map((stage) => `drop index if exists cycles_${stage}_notes_trgm_idx`),
  // The extension stays: other objects may have come to depend on it.
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
