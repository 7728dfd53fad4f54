import { type Kysely, sql } from 'kysely';

/*
 * Several instruments per study (issue 16, docs/decisions/022-study-instruments.md).
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - The study's own rubric and band set versions stay its PRIMARY instrument (number 0),
 *   keyed by `studies.instrument_key` (default 'utama'): every existing study is a
 *   single-instrument study without a data change. Further instruments (1 to 4) are rows
 *   of `study_instruments`, each a published rubric version with its own band set version.
 * - `observations.instrument` (default 0) says which instrument a sheet scores; a teacher
 *   has one sheet per cycle per instrument. Every writer that does not name it (import,
 *   seed, synth) writes the primary's sheets, as before.
 * - The cycle aggregates are per (cycle, instrument): a new trigger function groups by
 *   both; the old one (2026-11-28T1800) is left in place, unused, so going down re-points
 *   the triggers at it. Existing rows are all instrument 0: no backfill changes a figure.
 * - study_figures (2026-12-02T0800) stays the primary instrument's: its refresh function is
 *   re-created from its own stored definition with the aggregate joins restricted to
 *   instrument 0 (the comparison and the dashboard rank by the primary), and restored the
 *   same way going down.
 */

const AGGREGATE = `create function siklus_observations_instrument_aggregate() returns trigger
  language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      insert into cycle_aggregates as a (cycle_id, instrument, district_id, n, sum_percentage)
      select cycle_id, instrument, district_id, count(*)::int, sum(percentage)
        from new_rows group by cycle_id, instrument, district_id order by cycle_id, instrument
      on conflict (cycle_id, instrument) do update
         set n = a.n + excluded.n, sum_percentage = a.sum_percentage + excluded.sum_percentage;
      insert into cycle_band_counts as b (cycle_id, instrument, band, district_id, count)
      select cycle_id, instrument, band, district_id, count(*)::int
        from new_rows group by cycle_id, instrument, band, district_id
       order by cycle_id, instrument, band
      on conflict (cycle_id, instrument, band) do update set count = b.count + excluded.count;
      return null;
    end if;
    if tg_op = 'DELETE' then
      update cycle_aggregates a
         set n = a.n - d.n, sum_percentage = a.sum_percentage - d.total
        from (select cycle_id, instrument, count(*)::int as n, sum(percentage) as total
                from old_rows group by cycle_id, instrument order by cycle_id, instrument) d
       where a.cycle_id = d.cycle_id and a.instrument = d.instrument;
      update cycle_band_counts b
         set count = b.count - d.n
        from (select cycle_id, instrument, band, count(*)::int as n
                from old_rows group by cycle_id, instrument, band
               order by cycle_id, instrument, band) d
       where b.cycle_id = d.cycle_id and b.instrument = d.instrument and b.band = d.band;
      delete from cycle_band_counts b
       using (select distinct cycle_id from old_rows) d
       where b.cycle_id = d.cycle_id and b.count = 0;
      return null;
    end if;
    -- UPDATE: minus each old row, plus each new one.
    update cycle_aggregates a
       set n = a.n + d.n, sum_percentage = a.sum_percentage + d.total
      from (select cycle_id, instrument, sum(sign)::int as n, sum(sign * percentage) as total
              from (select cycle_id, instrument, percentage, -1 as sign from old_rows
                    union all select cycle_id, instrument, percentage, 1 from new_rows) r
             group by cycle_id, instrument
            having sum(sign) <> 0 or sum(sign * percentage) <> 0
             order by cycle_id, instrument) d
     where a.cycle_id = d.cycle_id and a.instrument = d.instrument;
    if not exists (select cycle_id, instrument, band from new_rows except all
                   select cycle_id, instrument, band from old_rows) then
      return null;
    end if;
    update cycle_band_counts b
       set count = b.count + d.n
      from (select cycle_id, instrument, band, sum(sign)::int as n
              from (select cycle_id, instrument, band, -1 as sign from old_rows
                    union all select cycle_id, instrument, band, 1 from new_rows) r
             group by cycle_id, instrument, band having sum(sign) <> 0
             order by cycle_id, instrument, band) d
     where b.cycle_id = d.cycle_id and b.instrument = d.instrument and b.band = d.band;
    insert into cycle_aggregates as a (cycle_id, instrument, district_id, n, sum_percentage)
    select cycle_id, instrument, district_id, count(*)::int, sum(percentage)
      from new_rows r
     where not exists (select 1 from cycle_aggregates e
                        where e.cycle_id = r.cycle_id and e.instrument = r.instrument)
     group by cycle_id, instrument, district_id order by cycle_id, instrument
    on conflict (cycle_id, instrument) do update
       set n = a.n + excluded.n, sum_percentage = a.sum_percentage + excluded.sum_percentage;
    insert into cycle_band_counts as b (cycle_id, instrument, band, district_id, count)
    select cycle_id, instrument, band, district_id, count(*)::int
      from new_rows r
     where not exists (select 1 from cycle_band_counts e
                        where e.cycle_id = r.cycle_id and e.instrument = r.instrument
                          and e.band = r.band)
     group by cycle_id, instrument, band, district_id order by cycle_id, instrument, band
    on conflict (cycle_id, instrument, band) do update set count = b.count + excluded.count;
    delete from cycle_band_counts b
     using (select distinct cycle_id from old_rows) d
     where b.cycle_id = d.cycle_id and b.count = 0;
    return null;
  end $$`;

const triggers = (fn: string) => [
  'drop trigger if exists observations_aggregate_insert on observations',
  'drop trigger if exists observations_aggregate_update on observations',
  'drop trigger if exists observations_aggregate_delete on observations',
  `create trigger observations_aggregate_insert after insert on observations
     referencing new table as new_rows for each statement execute function ${fn}()`,
  `create trigger observations_aggregate_update after update on observations
     referencing old table as old_rows new table as new_rows
     for each statement execute function ${fn}()`,
  `create trigger observations_aggregate_delete after delete on observations
     referencing old table as old_rows for each statement execute function ${fn}()`,
];

/** The study_figures refresh's two aggregate joins, as 2026-12-02T0800 wrote them and as the primary's. */
const REFRESH_JOINS: [string, string][] = [
  [
    'left join cycle_aggregates a on a.cycle_id = c.id and a.district_id = c.district_id',
    'left join cycle_aggregates a on a.cycle_id = c.id and a.district_id = c.district_id and a.instrument = 0',
  ],
  [
    'where bc.cycle_id in (select id from c)',
    'where bc.cycle_id in (select id from c) and bc.instrument = 0',
  ],
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
async function rewriteRefresh(db: Kysely<any>, toPrimary: boolean): Promise<void> {
  const { rows } = await sql<{ def: string }>`
    select pg_get_functiondef('siklus_study_figures_refresh(uuid[])'::regprocedure) as def`.execute(
    db,
  );
  let def = rows[0]?.def ?? '';
  for (const [before, after] of REFRESH_JOINS) {
    const [from, to] = toPrimary ? [before, after] : [after, before];
    if (!def.includes(from)) throw new Error(`study_figures refresh: "${from}" not found`);
    def = def.replace(from, to);
  }
  await sql.raw(def).execute(db);
}

const UP = [
  `alter table studies add column instrument_key text not null default 'utama'
     constraint studies_instrument_key_format check (instrument_key ~ '^[a-z0-9-]{1,30}$')`,
  `create table study_instruments (
    district_id uuid not null,
    study_id uuid not null,
    instrument smallint not null
      constraint study_instruments_number_check check (instrument between 1 and 4),
    key text not null
      constraint study_instruments_key_format check (key ~ '^[a-z0-9-]{1,30}$'),
    rubric_version_id uuid not null,
    band_set_version_id uuid not null,
    constraint study_instruments_pkey primary key (study_id, instrument),
    constraint study_instruments_key_key unique (study_id, key),
    constraint study_instruments_study_fkey foreign key (district_id, study_id)
      references studies (district_id, id) on delete cascade,
    constraint study_instruments_rubric_version_fkey foreign key (district_id, rubric_version_id)
      references rubric_versions (district_id, id),
    constraint study_instruments_band_set_version_fkey
      foreign key (district_id, band_set_version_id) references band_set_versions (district_id, id)
  )`,
  `create index study_instruments_band_set_idx on study_instruments (band_set_version_id)`,

  `alter table observations add column instrument smallint not null default 0
     constraint observations_instrument_check check (instrument between 0 and 4)`,
  'alter table observations drop constraint observations_cycle_teacher_key',
  `alter table observations add constraint observations_cycle_teacher_key
     unique (cycle_id, teacher_id, instrument)`,

  'alter table cycle_aggregates add column instrument smallint not null default 0',
  'alter table cycle_aggregates drop constraint cycle_aggregates_pkey',
  'alter table cycle_aggregates add constraint cycle_aggregates_pkey primary key (cycle_id, instrument)',
  'alter table cycle_band_counts add column instrument smallint not null default 0',
  'alter table cycle_band_counts drop constraint cycle_band_counts_pkey',
  `alter table cycle_band_counts add constraint cycle_band_counts_pkey
     primary key (cycle_id, instrument, band)`,
  AGGREGATE,
  ...triggers('siklus_observations_instrument_aggregate'),
];

/** Before the refresh is restored: it would read every instrument's aggregate rows. */
const DOWN_FIRST = [
  // The old shape holds one sheet per teacher per cycle: the other instruments' sheets go,
  // and their (zeroed) aggregate rows with them.
  'delete from observations where instrument <> 0',
  'delete from cycle_band_counts where instrument <> 0',
  'delete from cycle_aggregates where instrument <> 0',
];

const DOWN = [
  ...triggers('siklus_observations_aggregate'),
  'drop function if exists siklus_observations_instrument_aggregate()',
  'alter table cycle_band_counts drop constraint cycle_band_counts_pkey',
  'alter table cycle_band_counts drop column instrument',
  'alter table cycle_band_counts add constraint cycle_band_counts_pkey primary key (cycle_id, band)',
  'alter table cycle_aggregates drop constraint cycle_aggregates_pkey',
  'alter table cycle_aggregates drop column instrument',
  'alter table cycle_aggregates add constraint cycle_aggregates_pkey primary key (cycle_id)',
  'alter table observations drop constraint observations_cycle_teacher_key',
  'alter table observations drop column instrument',
  'alter table observations add constraint observations_cycle_teacher_key unique (cycle_id, teacher_id)',
  'drop table if exists study_instruments',
  'alter table studies drop column instrument_key',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
  await rewriteRefresh(db, true);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN_FIRST) await sql.raw(statement).execute(db);
  await rewriteRefresh(db, false);
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
