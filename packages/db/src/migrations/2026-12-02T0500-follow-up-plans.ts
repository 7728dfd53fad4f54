import { type Kysely, sql } from 'kysely';

/*
 * Follow-up plans (rencana tindak lanjut, RTL; issue 17): after observing a teacher the
 * principal records the indicators to improve, the agreed actions, who supports and a due
 * date; the next cycle's sheet of that teacher checks it, and the principal closes it as
 * done or carried over (a new open plan, carried_from_id pointing back, continues it).
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - cycle_id is the cycle whose sheet the plan was written from; the plan is checked on the
 *   study's next cycle. school_id and study_id are copied from it so scope checks and the
 *   per-school lists read one table.
 * - Foreign keys go through (district_id, id), so a plan can never point into another
 *   district; the peer teacher is a teacher of the district (the API checks the school).
 * - indicator_keys is a jsonb array of the rubric's keys (empty for a summary rubric);
 *   the API checks them against the study's rubric version, which never changes.
 * - due_on is a calendar day of the district; "overdue" compares it with the district's
 *   today, computed by the caller in the district's zone.
 * - A closed plan keeps when and by whom; an open one has neither (a check says so).
 * - audit_log gets an index by user and action, for the admin home's last sign-in.
 */

const UP = [
  `create table follow_up_plans (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    school_id uuid not null,
    study_id uuid not null,
    cycle_id uuid not null,
    teacher_id uuid not null,
    indicator_keys jsonb not null default '[]'::jsonb
      constraint follow_up_plans_indicator_keys_array check (jsonb_typeof(indicator_keys) = 'array'),
    actions text not null
      constraint follow_up_plans_actions_check check (length(btrim(actions)) > 0),
    support text not null
      constraint follow_up_plans_support_check check (support in ('peer', 'principal', 'kkg')),
    support_teacher_id uuid,
    due_on date not null,
    status text not null default 'open'
      constraint follow_up_plans_status_check check (status in ('open', 'done', 'carried')),
    closing_note text,
    closed_at timestamptz,
    closed_by uuid references users (id) on delete set null,
    carried_from_id uuid references follow_up_plans (id) on delete set null,
    created_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint follow_up_plans_peer_check
      check ((support = 'peer') = (support_teacher_id is not null)),
    constraint follow_up_plans_closed_check check ((status = 'open') = (closed_at is null)),
    constraint follow_up_plans_district_id_id_key unique (district_id, id),
    constraint follow_up_plans_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade,
    constraint follow_up_plans_study_fkey foreign key (district_id, study_id)
      references studies (district_id, id) on delete cascade,
    constraint follow_up_plans_school_fkey foreign key (district_id, school_id)
      references schools (district_id, id),
    constraint follow_up_plans_teacher_fkey foreign key (district_id, teacher_id)
      references teachers (district_id, id),
    constraint follow_up_plans_support_teacher_fkey foreign key (district_id, support_teacher_id)
      references teachers (district_id, id)
  )`,
  `create index follow_up_plans_cycle_idx on follow_up_plans (cycle_id, teacher_id)`,
  `create index follow_up_plans_school_idx on follow_up_plans (school_id, status, due_on)`,
  `create index follow_up_plans_open_due_idx on follow_up_plans (district_id, due_on)
     where status = 'open'`,
  `create unique index follow_up_plans_carried_from_key on follow_up_plans (carried_from_id)
     where carried_from_id is not null`,
  // The admin's home lists accounts by their last sign-in (audit_log's auth.login rows):
  // one index probe per account instead of a scan of the district's log.
  `create index audit_log_user_action_idx on audit_log (user_id, action, created_at desc)`,
];

const DOWN = [
  'drop index if exists audit_log_user_action_idx',
  'drop table if exists follow_up_plans',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
