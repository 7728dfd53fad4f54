import { type Kysely, sql } from 'kysely';

/*
 * The roster a school keeps itself (issue 15): a teacher's gender for reports, and one
 * NIP per district.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - A NIP names one civil servant: two teachers of one district with the same NIP are one
 *   person typed twice (an import then could not tell them apart). The index is partial,
 *   so teachers without a NIP (honorary teachers have none) stay unconstrained. Across
 *   districts a NIP may repeat: a teacher who moves gets a row in the new district while
 *   the old district keeps its history.
 * - gender is 'L' (laki-laki) or 'P' (perempuan), the letters Indonesian forms print;
 *   null until the school fills it in.
 */

const UP = [
  `alter table teachers add column gender char(1)
     constraint teachers_gender_check check (gender in ('L', 'P'))`,
  `create unique index teachers_district_nip_key on teachers (district_id, nip)
     where nip is not null`,
];

const DOWN = [
  'drop index if exists teachers_district_nip_key',
  'alter table teachers drop column if exists gender',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
