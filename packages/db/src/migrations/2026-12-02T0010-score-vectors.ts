import { type Kysely, sql } from 'kysely';

/*
 * Each observation's score vector, kept beside it for the integrity signals (issue 18,
 * docs/decisions/011-co-observation-and-integrity.md): identical vectors and flat sheets
 * used to aggregate every indicator score of a district on each dashboard read (3.5 s and
 * 2.2 s at 2,000 schools). The vector is short ("3,3,2,na,4"), so the text is its own
 * grouping key: no hash whose collisions would need reasoning about.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - One row per observation with at least one indicator score (summary sheets have none).
 *   The columns are what the domain's scoreVector computes (packages/domain integrity.ts),
 *   proven equal by score-vectors.test.ts: the scores in indicator-key order (code-unit
 *   order, hence collate "C", as JavaScript's sort), 'na' for not applicable; the number of
 *   indicators, of scored ones and of distinct scores; and the one score of a sheet whose
 *   every scored indicator has it (null otherwise).
 * - Kept by statement-level triggers on indicator_scores, in the transaction of every
 *   write: each statement recomputes the rows of the observations it touched, from the
 *   scores as they now are (writers delete a sheet's scores and insert them again, so a
 *   delta scheme would gain nothing). A bulk insert of 400k scores (synth, import) is one
 *   grouped pass. An observation deleted takes its scores (cascade), whose delete trigger
 *   drops its row. No foreign key to observations on purpose: `truncate indicator_scores,
 *   observations` (tests, restores) keeps working without naming this table.
 * - TRUNCATE of indicator_scores fires no statement delete trigger: a TRUNCATE trigger
 *   empties this table too.
 * - The backfill computes every existing observation's row once.
 */

const ROW_OF = `select s.observation_id, s.district_id,
         string_agg(coalesce(s.score::text, 'na'), ',' order by s.indicator_key collate "C"),
         count(*)::int, count(s.score)::int, count(distinct s.score)::int,
         case when count(s.score) > 0 and min(s.score) = max(s.score) then min(s.score) end
    from indicator_scores s`;

const COLUMNS = `(observation_id, district_id, vector, indicators, scored, distinct_scores,
                  flat_score)`;

/** Recomputes, in observation order (one lock order for concurrent writers), the rows of
 * the observations named in a transition table. */
const upsertFor = (rows: string) => `insert into observation_score_vectors ${COLUMNS}
    ${ROW_OF} where s.observation_id in (select observation_id from ${rows})
     group by s.observation_id, s.district_id order by s.observation_id
    on conflict (observation_id) do update
       set vector = excluded.vector, indicators = excluded.indicators,
           scored = excluded.scored, distinct_scores = excluded.distinct_scores,
           flat_score = excluded.flat_score`;

const UP = [
  `create table observation_score_vectors (
    observation_id uuid primary key,
    district_id uuid not null,
    vector text not null,
    indicators integer not null,
    scored integer not null,
    distinct_scores integer not null,
    flat_score integer
  )`,
  // Identical vectors: the district's vectors of two scores or more, grouped by vector.
  `create index observation_score_vectors_vector_idx
     on observation_score_vectors (district_id, vector, indicators)
     where distinct_scores >= 2`,
  // Flat sheets: the district's few sheets of one score throughout.
  `create index observation_score_vectors_flat_idx
     on observation_score_vectors (district_id, scored) where flat_score is not null`,

  `insert into observation_score_vectors ${COLUMNS}
   ${ROW_OF} group by s.observation_id, s.district_id`,
  // Statistics now, so the first dashboard read after the backfill plans on real counts.
  'analyze observation_score_vectors',

  // Inserts recompute the observations in new_rows; deletes those in old_rows, dropping
  // the row of an observation left without scores; updates both.
  `create function siklus_score_vectors_keep() returns trigger language plpgsql as $$
  begin
    if tg_op in ('INSERT', 'UPDATE') then
      ${upsertFor('new_rows')};
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
      ${upsertFor('old_rows')};
      delete from observation_score_vectors v
       using (select distinct observation_id from old_rows) d
       where v.observation_id = d.observation_id
         and not exists (select 1 from indicator_scores s
                          where s.observation_id = d.observation_id);
    end if;
    return null;
  end $$`,

  `create trigger indicator_scores_vector_insert after insert on indicator_scores
     referencing new table as new_rows
     for each statement execute function siklus_score_vectors_keep()`,
  `create trigger indicator_scores_vector_update after update on indicator_scores
     referencing old table as old_rows new table as new_rows
     for each statement execute function siklus_score_vectors_keep()`,
  `create trigger indicator_scores_vector_delete after delete on indicator_scores
     referencing old table as old_rows
     for each statement execute function siklus_score_vectors_keep()`,

  `create function siklus_score_vectors_truncate() returns trigger language plpgsql as $$
  begin
    delete from observation_score_vectors;
    return null;
  end $$`,
  `create trigger indicator_scores_vector_truncate after truncate on indicator_scores
     for each statement execute function siklus_score_vectors_truncate()`,
];

const DOWN = [
  'drop trigger if exists indicator_scores_vector_truncate on indicator_scores',
  'drop trigger if exists indicator_scores_vector_delete on indicator_scores',
  'drop trigger if exists indicator_scores_vector_update on indicator_scores',
  'drop trigger if exists indicator_scores_vector_insert on indicator_scores',
  'drop function if exists siklus_score_vectors_truncate()',
  'drop function if exists siklus_score_vectors_keep()',
  'drop table if exists observation_score_vectors',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
