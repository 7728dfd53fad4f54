import { type Kysely, sql } from 'kysely';

/*
 * Kecamatan from a list the district keeps (issue 15): a school typed "cibinong" beside
 * "Cibinong" used to make a second kecamatan in the supervisor's filter.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - subdistricts holds each district's kecamatan, unique per district once case and
 *   surrounding spaces are folded; `active` = offered for new or edited schools.
 * - Existing free text is converted, every school kept: the spellings of one district that
 *   fold to the same name become one kecamatan, named by the spelling most schools use
 *   (on a tie, one that is not all lower case, then the first alphabetically), and each
 *   school's value is rewritten to that name. A blank value becomes "Belum diisi".
 * - schools.subdistrict stays the name every report reads, now a foreign key into the
 *   list (district_id, name): no school can name a kecamatan the list does not have, and a
 *   rename in the list reaches every school with it (on update cascade).
 */

const UP = [
  `create table subdistricts (
     id uuid primary key default gen_random_uuid(),
     district_id uuid not null references districts (id),
     name text not null constraint subdistricts_name_not_blank check (btrim(name) <> '' and name = btrim(name)),
     active boolean not null default true,
     created_at timestamptz not null default now(),
     constraint subdistricts_district_name_key unique (district_id, name)
   )`,
  `create unique index subdistricts_district_folded_key on subdistricts (district_id, lower(name))`,
  `update schools set subdistrict = 'Belum diisi' where btrim(subdistrict) = ''`,
  `insert into subdistricts (district_id, name)
   select distinct on (district_id, lower(name)) district_id, name
     from (select district_id, btrim(subdistrict) as name, count(*) as n
             from schools group by district_id, btrim(subdistrict)) as spelled
    order by district_id, lower(name), n desc, (name = lower(name)), name`,
  `update schools s set subdistrict = k.name
     from subdistricts k
    where k.district_id = s.district_id and lower(k.name) = lower(btrim(s.subdistrict))
      and s.subdistrict <> k.name`,
  `alter table schools add constraint schools_subdistrict_fkey
     foreign key (district_id, subdistrict) references subdistricts (district_id, name)
     on update cascade`,
];

const DOWN = [
  'alter table schools drop constraint if exists schools_subdistrict_fkey',
  'drop table if exists subdistricts',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
