import { type Kysely, sql } from 'kysely';

/*
 * A report to sign (issue 20): the district's letterhead (kop surat) and the NIPs of the
 * people who sign.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - districts.letterhead_*: the office's name (up to 4 lines), address, phone, e-mail,
 *   website, and the place reports are signed in ("Bogor, 3 Januari 2024"); all null
 *   until the admin sets them (the report then prints no letterhead).
 * - districts.logo_sha256: the logo's key in the file store (the evidence files' store,
 *   decision 020), re-encoded as PNG; null when none.
 * - users.nip: an optional 18-digit NIP, printed under the name in the signature block.
 */

const UP = [
  'alter table districts add column letterhead_office text',
  'alter table districts add column letterhead_address text',
  'alter table districts add column letterhead_phone text',
  'alter table districts add column letterhead_email text',
  'alter table districts add column letterhead_website text',
  'alter table districts add column letterhead_place text',
  `alter table districts add column logo_sha256 text
    constraint districts_logo_sha256_check check (logo_sha256 ~ '^[0-9a-f]{64}$')`,
  `alter table users add column nip text
    constraint users_nip_check check (nip ~ '^[0-9]{18}$')`,
];

const DOWN = [
  'alter table users drop column if exists nip',
  ...[
    'logo_sha256',
    'letterhead_place',
    'letterhead_website',
    'letterhead_email',
    'letterhead_phone',
    'letterhead_address',
    'letterhead_office',
  ].map((c) => `alter table districts drop column if exists ${c}`),
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
