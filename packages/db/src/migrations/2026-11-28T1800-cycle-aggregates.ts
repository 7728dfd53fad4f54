import { type Kysely, sql } from 'kysely';

/*
 * Per-cycle aggregates of the observations: n, the exact sum of the percentages, and the
 * count per stored band label, kept by statement-level triggers on observations in the
 * same transaction as every write (docs/decisions/006-comparison-aggregates.md). The
 * district comparison reads these instead of aggregating ~100k observations per request.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - sum_percentage is unconstrained numeric: sums of numeric(5,2) values stay exact, and
 *   mean is a stored generated column, round(sum_percentage / n, 2): the same digits as
 *   round(avg(percentage), 2) and as the domain's round2(sum / n), null when n = 0.
 * - Band counts key on observations.band, the label stored at write time, exactly as the
 *   comparison grouped observations before; zero counts are deleted, so the table equals
 *   `select cycle_id, band, count(*) from observations group by 1, 2`.
 * - One trigger function serves insert, update and delete, at statement level with
 *   transition tables: a bulk insert of 100k rows (synth, import) or a district-wide
 *   band reclassification (decision 008) costs one grouped pass, not 100k row triggers.
 *   An update counts as minus each old row plus each new one, which covers a changed
 *   percentage, a changed band and a row moved to another cycle; net-zero deltas touch
 *   nothing. A delete only decrements: when a cycle is deleted its observations go by
 *   cascade and its aggregate rows may already be gone, and an insert there would fail
 *   the foreign key. A cycle without an aggregate row has n = 0.
 * - Deltas are applied in cycle_id order, so two multi-cycle statements lock aggregate
 *   rows in the same order. Every API write also bumps the cycle's version first, so
 *   writers of one cycle are already serialised on the cycle row.
 * - TRUNCATE fires no row or statement delete trigger here; truncating observations
 *   alone would leave stale aggregates, so a TRUNCATE trigger empties both tables
 *   (resetData truncates cycles with cascade, which empties them anyway).
 */

const UP = [
  `create table cycle_aggregates (
    cycle_id uuid primary key,
    district_id uuid not null,
    n integer not null constraint cycle_aggregates_n_check check (n >= 0),
    sum_percentage numeric not null
      constraint cycle_aggregates_sum_check check (sum_percentage >= 0),
    mean numeric(5, 2) generated always as (
      case when n > 0 then round(sum_percentage / n, 2) end) stored,
    constraint cycle_aggregates_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade
  )`,
  `create index cycle_aggregates_district_idx on cycle_aggregates (district_id)`,

  `create table cycle_band_counts (
    cycle_id uuid not null,
    band text not null,
    district_id uuid not null,
    count integer not null constraint cycle_band_counts_count_check check (count >= 0),
    constraint cycle_band_counts_pkey primary key (cycle_id, band),
    constraint cycle_band_counts_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade
  )`,

  // One function for the three triggers (transition tables allow one event per trigger).
  // Inserts upsert; deletes only decrement. An update first applies its net deltas to
  // existing aggregate rows; when the (cycle, band) pairs are the same before and after (a
  // corrected percentage, notes), that is all. Otherwise the band deltas follow, then
  // rows for cycles and bands seen for the first time. Not one upsert with signed
  // deltas: a CHECK is tested on the proposed row before ON CONFLICT is, so a negative
  // delta would fail it.
  `create function siklus_observations_aggregate() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      insert into cycle_aggregates as a (cycle_id, district_id, n, sum_percentage)
      select cycle_id, district_id, count(*)::int, sum(percentage)
        from new_rows group by cycle_id, district_id order by cycle_id
      on conflict (cycle_id) do update
         set n = a.n + excluded.n, sum_percentage = a.sum_percentage + excluded.sum_percentage;
      insert into cycle_band_counts as b (cycle_id, band, district_id, count)
      select cycle_id, band, district_id, count(*)::int
        from new_rows group by cycle_id, band, district_id order by cycle_id, band
      on conflict (cycle_id, band) do update set count = b.count + excluded.count;
      return null;
    end if;
    if tg_op = 'DELETE' then
      update cycle_aggregates a
         set n = a.n - d.n, sum_percentage = a.sum_percentage - d.total
        from (select cycle_id, count(*)::int as n, sum(percentage) as total
                from old_rows group by cycle_id order by cycle_id) d
       where a.cycle_id = d.cycle_id;
      update cycle_band_counts b
         set count = b.count - d.n
        from (select cycle_id, band, count(*)::int as n
                from old_rows group by cycle_id, band order by cycle_id, band) d
       where b.cycle_id = d.cycle_id and b.band = d.band;
      delete from cycle_band_counts b
       using (select distinct cycle_id from old_rows) d
       where b.cycle_id = d.cycle_id and b.count = 0;
      return null;
    end if;
    -- UPDATE: minus each old row, plus each new one.
    update cycle_aggregates a
       set n = a.n + d.n, sum_percentage = a.sum_percentage + d.total
      from (select cycle_id, sum(sign)::int as n, sum(sign * percentage) as total
              from (select cycle_id, percentage, -1 as sign from old_rows
                    union all select cycle_id, percentage, 1 from new_rows) r
             group by cycle_id
            having sum(sign) <> 0 or sum(sign * percentage) <> 0
             order by cycle_id) d
     where a.cycle_id = d.cycle_id;
    -- Same (cycle, band) pairs before and after (a changed percentage, notes): done.
    if not exists (select cycle_id, band from new_rows except all
                   select cycle_id, band from old_rows) then
      return null;
    end if;
    update cycle_band_counts b
       set count = b.count + d.n
      from (select cycle_id, band, sum(sign)::int as n
              from (select cycle_id, band, -1 as sign from old_rows
                    union all select cycle_id, band, 1 from new_rows) r
             group by cycle_id, band having sum(sign) <> 0 order by cycle_id, band) d
     where b.cycle_id = d.cycle_id and b.band = d.band;
    insert into cycle_aggregates as a (cycle_id, district_id, n, sum_percentage)
    select cycle_id, district_id, count(*)::int, sum(percentage)
      from new_rows r
     where not exists (select 1 from cycle_aggregates e where e.cycle_id = r.cycle_id)
     group by cycle_id, district_id order by cycle_id
    on conflict (cycle_id) do update
       set n = a.n + excluded.n, sum_percentage = a.sum_percentage + excluded.sum_percentage;
    insert into cycle_band_counts as b (cycle_id, band, district_id, count)
    select cycle_id, band, district_id, count(*)::int
      from new_rows r
     where not exists (select 1 from cycle_band_counts e
                        where e.cycle_id = r.cycle_id and e.band = r.band)
     group by cycle_id, band, district_id order by cycle_id, band
    on conflict (cycle_id, band) do update set count = b.count + excluded.count;
    delete from cycle_band_counts b
     using (select distinct cycle_id from old_rows) d
     where b.cycle_id = d.cycle_id and b.count = 0;
    return null;
  end $$`,

  `create trigger observations_aggregate_insert after insert on observations
     referencing new table as new_rows
     for each statement execute function siklus_observations_aggregate()`,
  `create trigger observations_aggregate_update after update on observations
     referencing old table as old_rows new table as new_rows
     for each statement execute function siklus_observations_aggregate()`,
  `create trigger observations_aggregate_delete after delete on observations
     referencing old table as old_rows
     for each statement execute function siklus_observations_aggregate()`,

  `create function siklus_observations_truncate() returns trigger language plpgsql as $$
  begin
    delete from cycle_band_counts;
    delete from cycle_aggregates;
    return null;
  end $$`,
  `create trigger observations_aggregate_truncate after truncate on observations
     for each statement execute function siklus_observations_truncate()`,

  // Backfill what is already there. Runs in the migration's transaction, before any
  // later write can interleave.
  `insert into cycle_aggregates (cycle_id, district_id, n, sum_percentage)
   select cycle_id, district_id, count(*)::int, sum(percentage)
     from observations group by cycle_id, district_id`,
  `insert into cycle_band_counts (cycle_id, band, district_id, count)
   select cycle_id, band, district_id, count(*)::int
     from observations group by cycle_id, band, district_id`,

  // The comparison's other per-request work: active teachers per school, and the
  // latest cycle per study (highest ordinal) read from the study_ordinal unique key.
  `create index teachers_district_school_active_idx on teachers (district_id, school_id)
     where active`,
];

const DOWN = [
  'drop index if exists teachers_district_school_active_idx',
  'drop trigger if exists observations_aggregate_truncate on observations',
  'drop trigger if exists observations_aggregate_delete on observations',
  'drop trigger if exists observations_aggregate_update on observations',
  'drop trigger if exists observations_aggregate_insert on observations',
  'drop function if exists siklus_observations_truncate()',
  'drop function if exists siklus_observations_aggregate()',
  'drop table if exists cycle_band_counts',
  'drop table if exists cycle_aggregates',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
