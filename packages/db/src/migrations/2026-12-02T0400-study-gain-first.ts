import { type Kysely, sql } from 'kysely';

/*
 * Which gain convention a study shows first (issue 16, decision 017): 'points' (the
 * default and what every existing study showed), 'relative' ((post - pre) / pre) or
 * 'normalized' (Hake). The other two are still shown, after it, each labelled.
 *
 * Frozen: never edit this file once merged; add a new migration.
 */

const UP = [
  `alter table studies add column gain_first text not null default 'points'
     constraint studies_gain_first_check check (gain_first in ('points', 'relative', 'normalized'))`,
];

const DOWN = ['alter table studies drop column if exists gain_first'];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
