import { type Kysely, sql } from 'kysely';

/*
 * Co-observation (issue 18): a second observer scores the same lesson of a teacher in a
 * cycle on the same sheet, independently of the school's principal. Each side's sheet is a
 * row of co_observation_sheets; the API shows a side to the other observer only once both
 * sides are saved, and refuses edits after that (so nobody adjusts after looking).
 *
 * Integrity signals are computed by queries; what is kept is a supervisor's dismissal of
 * one signal (with the reason, also audited) and the district's jump threshold.
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - Every table carries district_id, and foreign keys go through (district_id, id), so a
 *   row can never point into another district.
 * - school_id is copied onto co_observations (from the cycle's study) so the scope check
 *   reads one row.
 * - A sheet's input is the domain's observation input as jsonb ({ kind, scores } or
 *   { kind, percentage }); percentage and band are computed by the domain package.
 */

const UP = [
  `create table co_observations (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    school_id uuid not null,
    cycle_id uuid not null,
    teacher_id uuid not null,
    first_observer_id uuid not null,
    second_observer_id uuid not null,
    observed_on date,
    created_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    constraint co_observations_two_people check (first_observer_id <> second_observer_id),
    constraint co_observations_district_id_id_key unique (district_id, id),
    constraint co_observations_lesson_key unique (cycle_id, teacher_id, second_observer_id),
    constraint co_observations_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade,
    constraint co_observations_school_fkey foreign key (district_id, school_id)
      references schools (district_id, id),
    constraint co_observations_teacher_fkey foreign key (district_id, teacher_id)
      references teachers (district_id, id),
    constraint co_observations_first_fkey foreign key (district_id, first_observer_id)
      references users (district_id, id),
    constraint co_observations_second_fkey foreign key (district_id, second_observer_id)
      references users (district_id, id)
  )`,
  `create index co_observations_district_first_idx
     on co_observations (district_id, first_observer_id)`,
  `create index co_observations_second_idx on co_observations (second_observer_id)`,
  `create table co_observation_sheets (
    co_observation_id uuid not null,
    district_id uuid not null,
    side text not null constraint co_observation_sheets_side_check
      check (side in ('first', 'second')),
    observer_id uuid not null,
    input jsonb not null,
    percentage numeric(5, 2) not null
      constraint co_observation_sheets_percentage_range
      check (percentage >= 0 and percentage <= 100),
    band text not null,
    saved_at timestamptz not null default now(),
    primary key (co_observation_id, side),
    constraint co_observation_sheets_pair_fkey foreign key (district_id, co_observation_id)
      references co_observations (district_id, id) on delete cascade,
    constraint co_observation_sheets_observer_fkey foreign key (district_id, observer_id)
      references users (district_id, id)
  )`,
  `create table integrity_dismissals (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null references districts (id),
    school_id uuid,
    signal_key text not null,
    reason text not null constraint integrity_dismissals_reason_check
      check (length(btrim(reason)) > 0),
    dismissed_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    constraint integrity_dismissals_signal_key unique (district_id, signal_key),
    constraint integrity_dismissals_school_fkey foreign key (district_id, school_id)
      references schools (district_id, id)
  )`,
  `create table integrity_settings (
    district_id uuid primary key references districts (id),
    jump_points numeric(5, 2) not null default 35
      constraint integrity_settings_jump_range check (jump_points > 0 and jump_points <= 100),
    updated_by uuid references users (id) on delete set null,
    updated_at timestamptz not null default now()
  )`,
];

const DOWN = [
  'drop table if exists integrity_settings',
  'drop table if exists integrity_dismissals',
  'drop table if exists co_observation_sheets',
  'drop table if exists co_observations',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
