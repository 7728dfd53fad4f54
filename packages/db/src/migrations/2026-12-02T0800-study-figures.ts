import { type Kysely, sql } from 'kysely';

/*
 * One row per study with the figures the district comparison, the headline and the
 * exports show (docs/decisions/021-study-figures.md): the cycle count, the newest cycle
 * (any status), and for each figure basis (approved only; approved and submitted) the
 * latest counted cycle with an observation, its n, mean and band counts, the baseline
 * mean and the gains. Kept by statement-level triggers in the same transaction as every
 * write to studies, cycles, cycle_aggregates and cycle_band_counts, like the cycle
 * aggregates of migration 2026-11-28T1800 (decision 006), so the comparison reads
 * ~2k rows joined to schools instead of ~6k cycle rows grouped per study.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - A refresh recomputes the touched studies' rows from their cycles and the cycle
 *   aggregates (a study has a handful of cycles), rather than applying deltas: a status
 *   change, a new or deleted cycle and a changed mean are then one case, and the rule
 *   (the domain's resultCycles: baseline = counted ordinal 0 with an observation, latest =
 *   highest counted ordinal with an observation) is written once.
 * - Recomputing needs care under concurrency: two transactions writing two cycles of one
 *   study would each compute from a snapshot without the other's write. So the refresh
 *   first locks the studies' rows (in study order), then reads in a new statement: under
 *   read committed that statement's snapshot includes every transaction that held the
 *   lock before, and the last writer to commit computes from everything committed.
 * - A cycles update that moves no (study, ordinal, status) (every observation write bumps
 *   the cycle's version and updated_at) only copies updated_at: no recompute.
 * - The gains are stored generated columns of the row's own means, the same expressions
 *   as before: points = latest - baseline, normalised = round((latest - baseline) /
 *   (100 - baseline), 2), null unless the latest cycle is past the baseline.
 * - Band counts are a jsonb object label -> count of the latest cycle (no zero entries,
 *   exactly cycle_band_counts); the comparison orders them by the study's band set.
 * - What depends on the roster (active teachers observed, the criteria coverage) is not
 *   here: teachers come and go without touching a cycle. The criteria verdict is judged
 *   on read by the domain, from these inputs.
 */

const basisColumns = (b: string) => `
    ${b}_latest_cycle_id uuid,
    ${b}_latest_ordinal integer,
    ${b}_latest_status text,
    ${b}_latest_n integer,
    ${b}_latest_mean numeric(5, 2),
    ${b}_baseline_mean numeric(5, 2),
    ${b}_band_counts jsonb,
    ${b}_gain_points numeric generated always as (
      case when ${b}_latest_ordinal > 0 then ${b}_latest_mean - ${b}_baseline_mean end) stored,
    ${b}_normalized_gain numeric generated always as (
      case when ${b}_latest_ordinal > 0 and ${b}_baseline_mean < 100
           then round((${b}_latest_mean - ${b}_baseline_mean) / (100 - ${b}_baseline_mean), 2)
      end) stored`;

/**
 * A basis's figures from the touched studies' cycles (`c`, one pass, joined by hash):
 * the latest counted cycle with an observation, the counted baseline, the latest cycle's
 * band counts. Set-based rather than a lateral lookup per study: a bulk write (the
 * synthetic district, an import) refreshes thousands of studies in one statement, and a
 * plan cached while the tables were small must not turn into a scan per study.
 */
const basisJoins = (b: string, statuses: string) => `
      left join c ${b}_l on ${b}_l.study_id = s.id and ${b}_l.ordinal = k.${b}_latest
      left join c ${b}_b on ${b}_b.study_id = s.id and ${b}_b.ordinal = 0
        and ${b}_b.status in (${statuses}) and ${b}_b.n > 0
      left join bands ${b}_bc on ${b}_bc.cycle_id = ${b}_l.id`;

const basisValues = (b: string) =>
  `${b}_l.id, ${b}_l.ordinal, ${b}_l.status, ${b}_l.n, ${b}_l.mean, ${b}_b.mean, ${b}_bc.counts`;
const basisNames = (b: string) =>
  ['latest_cycle_id', 'latest_ordinal', 'latest_status', 'latest_n', 'latest_mean']
    .concat(['baseline_mean', 'band_counts'])
    .map((c) => `${b}_${c}`);

const COLUMNS = [
  'cycle_count',
  'newest_cycle_id',
  'newest_ordinal',
  'newest_status',
  'newest_n',
  'newest_updated_at',
  ...basisNames('approved'),
  ...basisNames('submitted'),
];

const UP = [
  `create table study_figures (
    study_id uuid primary key,
    district_id uuid not null,
    cycle_count integer not null,
    newest_cycle_id uuid,
    newest_ordinal integer,
    newest_status text,
    newest_n integer,
    newest_updated_at timestamptz,
    ${basisColumns('approved')},
    ${basisColumns('submitted')},
    constraint study_figures_study_fkey foreign key (district_id, study_id)
      references studies (district_id, id) on delete cascade
  )`,
  `create index study_figures_district_idx on study_figures (district_id)`,

  `create function siklus_study_figures_refresh(ids uuid[]) returns void
   language plpgsql as $$
  begin
    if ids is null or cardinality(ids) = 0 then
      return;
    end if;
    -- Lock, then read in a new statement (see the migration's header).
    perform 1 from studies where id = any(ids) order by id for no key update;
    insert into study_figures as f (study_id, district_id, ${COLUMNS.join(', ')})
    with c as materialized (
      select c.id, c.study_id, c.ordinal, c.status, c.updated_at, coalesce(a.n, 0) as n, a.mean
        from cycles c
        left join cycle_aggregates a on a.cycle_id = c.id and a.district_id = c.district_id
       where c.study_id = any(ids)),
    k as (
      select study_id, count(*)::int as cycle_count, max(ordinal) as newest,
             max(ordinal) filter (where status = 'approved' and n > 0) as approved_latest,
             max(ordinal) filter (where status in ('approved', 'submitted') and n > 0)
               as submitted_latest
        from c group by study_id),
    bands as (
      select bc.cycle_id, jsonb_object_agg(bc.band, bc.count order by bc.band) as counts
        from cycle_band_counts bc
       where bc.cycle_id in (select id from c)
       group by bc.cycle_id)
    select s.id, s.district_id, coalesce(k.cycle_count, 0),
           nw.id, nw.ordinal, nw.status, nw.n, nw.updated_at,
           ${basisValues('approved')},
           ${basisValues('submitted')}
      from studies s
      left join k on k.study_id = s.id
      left join c nw on nw.study_id = s.id and nw.ordinal = k.newest
      ${basisJoins('approved', `'approved'`)}
      ${basisJoins('submitted', `'approved', 'submitted'`)}
     where s.id = any(ids)
     order by s.id
    on conflict (study_id) do update set
      ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(',\n      ')};
  end $$`,

  `create function siklus_study_figures_cycles() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      perform siklus_study_figures_refresh(array(select distinct study_id from new_rows));
    elsif tg_op = 'DELETE' then
      perform siklus_study_figures_refresh(array(select distinct study_id from old_rows));
    elsif not exists (select id, study_id, ordinal, status from new_rows
                      except all select id, study_id, ordinal, status from old_rows) then
      -- A write that bumped version and updated_at: only the newest cycle's time moves.
      update study_figures f set newest_updated_at = n.updated_at
        from new_rows n
       where f.newest_cycle_id = n.id and f.district_id = n.district_id
         and f.newest_updated_at is distinct from n.updated_at;
    else
      perform siklus_study_figures_refresh(array(
        select study_id from old_rows union select study_id from new_rows));
    end if;
    return null;
  end $$`,
  ...['insert', 'update', 'delete'].map(
    (event) => `create trigger cycles_study_figures_${event} after ${event} on cycles
     referencing ${event === 'insert' ? '' : 'old table as old_rows'}
       ${event === 'delete' ? '' : 'new table as new_rows'}
     for each statement execute function siklus_study_figures_cycles()`,
  ),

  // cycle_aggregates and cycle_band_counts both carry (cycle_id, district_id).
  `create function siklus_study_figures_aggregates() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      perform siklus_study_figures_refresh(array(
        select distinct c.study_id from new_rows r
          join cycles c on c.id = r.cycle_id and c.district_id = r.district_id));
    elsif tg_op = 'DELETE' then
      perform siklus_study_figures_refresh(array(
        select distinct c.study_id from old_rows r
          join cycles c on c.id = r.cycle_id and c.district_id = r.district_id));
    else
      perform siklus_study_figures_refresh(array(
        select c.study_id from old_rows r
          join cycles c on c.id = r.cycle_id and c.district_id = r.district_id
        union
        select c.study_id from new_rows r
          join cycles c on c.id = r.cycle_id and c.district_id = r.district_id));
    end if;
    return null;
  end $$`,
  ...['cycle_aggregates', 'cycle_band_counts'].flatMap((table) =>
    ['insert', 'update', 'delete'].map(
      (event) => `create trigger ${table}_study_figures_${event} after ${event} on ${table}
     referencing ${event === 'insert' ? '' : 'old table as old_rows'}
       ${event === 'delete' ? '' : 'new table as new_rows'}
     for each statement execute function siklus_study_figures_aggregates()`,
    ),
  ),

  `create function siklus_study_figures_studies() returns trigger language plpgsql as $$
  begin
    perform siklus_study_figures_refresh(array(select id from new_rows));
    return null;
  end $$`,
  `create trigger studies_study_figures_insert after insert on studies
     referencing new table as new_rows
     for each statement execute function siklus_study_figures_studies()`,

  // TRUNCATE fires no statement trigger for the rows it removes: a truncate of cycles
  // (with its cascade) leaves every study without cycles.
  `create function siklus_study_figures_truncate() returns trigger language plpgsql as $$
  begin
    perform siklus_study_figures_refresh(array(select id from studies));
    return null;
  end $$`,
  `create trigger cycles_study_figures_truncate after truncate on cycles
     for each statement execute function siklus_study_figures_truncate()`,

  // Backfill, in the migration's transaction.
  `select siklus_study_figures_refresh(array(select id from studies))`,
];

const DOWN = [
  'drop trigger if exists cycles_study_figures_truncate on cycles',
  'drop trigger if exists studies_study_figures_insert on studies',
  ...['cycles', 'cycle_aggregates', 'cycle_band_counts'].flatMap((table) =>
    ['insert', 'update', 'delete'].map(
      (event) => `drop trigger if exists ${table}_study_figures_${event} on ${table}`,
    ),
  ),
  'drop function if exists siklus_study_figures_truncate()',
  'drop function if exists siklus_study_figures_studies()',
  'drop function if exists siklus_study_figures_aggregates()',
  'drop function if exists siklus_study_figures_cycles()',
  'drop function if exists siklus_study_figures_refresh(uuid[])',
  'drop table if exists study_figures',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
