import { type Kysely, sql } from 'kysely';

/*
 * Printed figures per instrument (issue 16, docs/decisions/022-study-instruments.md).
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * The primary instrument's printed figures stay where they are, on the cycle row
 * (printed_mean, printed_mean_text, printed_mean_band, printed_bands), as its rubric stays
 * on the study: every existing study keeps its check without a data change. A further
 * instrument's (1 to 4) are a row of `cycle_printed_figures`, with the same columns and
 * checks; so each instrument's figures have one place, and no row holds instrument 0.
 * Going down drops only the further instruments' printed figures.
 */

const UP = [
  `create table cycle_printed_figures (
    district_id uuid not null,
    cycle_id uuid not null,
    instrument smallint not null
      constraint cycle_printed_figures_instrument_check check (instrument between 1 and 4),
    printed_mean numeric(5, 2)
      constraint cycle_printed_figures_mean_range
        check (printed_mean >= 0 and printed_mean <= 100),
    printed_mean_text text
      constraint cycle_printed_figures_mean_text_length
        check (char_length(printed_mean_text) <= 20),
    printed_mean_band text,
    printed_bands jsonb,
    constraint cycle_printed_figures_pkey primary key (cycle_id, instrument),
    constraint cycle_printed_figures_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade
  )`,
];

const DOWN = ['drop table if exists cycle_printed_figures'];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
