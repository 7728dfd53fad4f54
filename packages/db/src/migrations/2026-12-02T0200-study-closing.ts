import { type Kysely, sql } from 'kysely';

/*
 * Closing a study (issue 14): "selesai" with its final verdict, read-only until an admin
 * reopens it with a reason.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - studies.closed_at / closed_by / final_verdict: the study's state, which the cycle
 *   writes' lock reads (null = open; every existing study stays open). final_verdict is the
 *   criteria verdict on the last approved, complete cycle, as computed when it was closed.
 * - study_events: one row per close or reopen (who, in which role, when, the reason and
 *   the verdict), read as the study's history. Rows are never updated.
 */

const UP = [
  `alter table studies add column closed_at timestamptz`,
  `alter table studies add column closed_by uuid
    constraint studies_closed_by_fkey references users (id) on delete set null`,
  `alter table studies add column final_verdict jsonb`,
  `alter table studies add constraint studies_closed_verdict_check
    check ((closed_at is null) = (final_verdict is null))`,

  `create table study_events (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    study_id uuid not null,
    action text not null
      constraint study_events_action_check check (action in ('close', 'reopen')),
    actor_id uuid,
    actor_role text
      constraint study_events_actor_role_check
        check (actor_role in ('admin', 'supervisor', 'principal')),
    reason text,
    verdict jsonb,
    created_at timestamptz not null default now(),
    constraint study_events_study_fkey foreign key (district_id, study_id)
      references studies (district_id, id) on delete cascade,
    constraint study_events_actor_fkey foreign key (actor_id)
      references users (id) on delete set null
  )`,
  `create index study_events_study_idx on study_events (study_id, created_at)`,
];

const DOWN = [
  `drop table if exists study_events`,
  `alter table studies drop constraint if exists studies_closed_verdict_check`,
  `alter table studies drop column if exists final_verdict`,
  `alter table studies drop column if exists closed_by`,
  `alter table studies drop column if exists closed_at`,
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
