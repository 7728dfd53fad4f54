import { type Kysely, sql } from 'kysely';

/*
 * The header a school's principal last picked as the percentage column of an observation
 * sheet ("Persentase (%)" beside "Skor"), so the next file of the same layout is read the
 * same way, named in the preview as remembered (issue 15; docs/decisions/012).
 *
 * Frozen: never edit this file once merged; add a new migration.
 */

const UP = [
  `alter table schools add column import_percent_header text
     constraint schools_import_percent_header_length
       check (char_length(import_percent_header) <= 200)`,
];

const DOWN = ['alter table schools drop column if exists import_percent_header'];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
