import { type Kysely, sql } from 'kysely';

/*
 * Success criteria as papers state them (issue 16, docs/decisions/017-success-criteria-clauses.md):
 * every clause carries a comparison, `>=` or `>`, and the kinds are renamed for the new
 * set (mean, bandShare, passShare, indicatorMean). Existing rows are rewritten in place
 * with identical verdicts:
 *
 *   { kind: 'meanAtLeast', value }               -> { kind: 'mean', op: '>=', value }
 *   { kind: 'shareAtLeastBand', percent, band }  -> { kind: 'bandShare', op: '>=', percent, band }
 *   { kind: 'allAtLeastBand', band }             -> { kind: 'bandShare', op: '>=', percent: '100', band }
 *
 * "Every teacher in band B or better" is "at least 100% of teachers": a share as shown
 * reaches 100.00 only when nobody is below B (for fewer than 20,000 teachers, far above a
 * school's). Rewriting a published version's payload is a change of notation, not of
 * meaning, so the versions keep their ids and numbers and studies stay pinned to them; the
 * trigger that freezes published versions is disabled for this one statement (inside the
 * migration's transaction) and enabled again.
 *
 * Down writes the old notation back and refuses (naming the criteria set) a clause the old
 * one cannot say: a strict `>`, a pass mark or an indicator clause.
 *
 * Frozen: never edit this file once merged; add a new migration. One statement per query.
 */

const UP = `
  update criteria_set_versions v
     set criteria = jsonb_set(v.criteria, '{criteria}', (
       select coalesce(jsonb_agg(case c->>'kind'
           when 'meanAtLeast' then jsonb_build_object('kind', 'mean', 'op', '>=', 'value', c->'value')
           when 'shareAtLeastBand' then jsonb_build_object(
             'kind', 'bandShare', 'op', '>=', 'percent', c->'percent', 'band', c->'band')
           when 'allAtLeastBand' then jsonb_build_object(
             'kind', 'bandShare', 'op', '>=', 'percent', '100', 'band', c->'band')
           else c end order by e.ord), '[]'::jsonb)
         from jsonb_array_elements(v.criteria->'criteria') with ordinality as e(c, ord)))
   where exists (select 1 from jsonb_array_elements(v.criteria->'criteria') c
                  where c->>'kind' in ('meanAtLeast', 'shareAtLeastBand', 'allAtLeastBand'))`;

const UNSAYABLE = `
  select s.name, v.version from criteria_set_versions v
    join criteria_sets s on s.id = v.criteria_set_id
   where exists (select 1 from jsonb_array_elements(v.criteria->'criteria') c
                  where c->>'op' = '>' or c->>'kind' not in ('mean', 'bandShare'))
   order by s.name, v.version limit 1`;

const DOWN = `
  update criteria_set_versions v
     set criteria = jsonb_set(v.criteria, '{criteria}', (
       select coalesce(jsonb_agg(case
           when c->>'kind' = 'mean' then jsonb_build_object('kind', 'meanAtLeast', 'value', c->'value')
           when c->>'kind' = 'bandShare' and (c->>'percent')::numeric = 100
             then jsonb_build_object('kind', 'allAtLeastBand', 'band', c->'band')
           when c->>'kind' = 'bandShare' then jsonb_build_object(
             'kind', 'shareAtLeastBand', 'percent', c->'percent', 'band', c->'band')
           else c end order by e.ord), '[]'::jsonb)
         from jsonb_array_elements(v.criteria->'criteria') with ordinality as e(c, ord)))
   where exists (select 1 from jsonb_array_elements(v.criteria->'criteria') c
                  where c->>'kind' in ('mean', 'bandShare'))`;

const FROZEN = 'criteria_set_versions_published_immutable';

/** Runs `statement` with the published-version trigger off, whatever happens turning it on. */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
async function rewrite(db: Kysely<any>, statement: string): Promise<void> {
  await sql.raw(`alter table criteria_set_versions disable trigger ${FROZEN}`).execute(db);
  try {
    await sql.raw(statement).execute(db);
  } finally {
    await sql.raw(`alter table criteria_set_versions enable trigger ${FROZEN}`).execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  await rewrite(db, UP);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  const { rows } = await sql.raw<{ name: string; version: number }>(UNSAYABLE).execute(db);
  const first = rows[0];
  if (first) {
    throw new Error(
      `criteria set "${first.name}" version ${first.version} has a clause the old notation cannot say (> , a pass mark or an indicator clause)`,
    );
  }
  await rewrite(db, DOWN);
}
