import { type Kysely, sql } from 'kysely';

/*
 * The printed mean as the paper prints it ("75,289", "68,96%"), beside printed_mean, its
 * value rounded half-up to two places for the consistency check (issue 15). The text is
 * what a reviewer compares with the paper; the number is what the check compares with the
 * platform's figure.
 *
 * Frozen: never edit this file once merged; add a new migration.
 */

const UP = [
  `alter table cycles add column printed_mean_text text
     constraint cycles_printed_mean_text_length check (char_length(printed_mean_text) <= 20)`,
];

const DOWN = ['alter table cycles drop column if exists printed_mean_text'];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
