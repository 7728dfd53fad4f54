import { type Kysely, sql } from 'kysely';

/*
 * The initial schema. Frozen: never edit this file once merged; add a new migration.
 * It takes Kysely<any> and imports no app code, so later changes to the app cannot
 * change what it does.
 *
 * Written as plain SQL because most of its worth is in what the query builder cannot say
 * well: composite foreign keys, named checks and a trigger. Statements run one by one
 * because PGlite's extended protocol accepts a single statement per query.
 *
 * Every district-owned table carries district_id and refers to its parents through
 * (district_id, parent_id), so a row can only point at a parent of the same district;
 * a cross-district row is impossible, not just unlikely. Constraint names are part of the
 * contract: src/errors.ts maps them to messages.
 */

const VERSION_TABLES = [
  { parent: 'rubrics', versions: 'rubric_versions', fk: 'rubric_id', payload: 'definition' },
  { parent: 'band_sets', versions: 'band_set_versions', fk: 'band_set_id', payload: 'bands' },
  {
    parent: 'criteria_sets',
    versions: 'criteria_set_versions',
    fk: 'criteria_set_id',
    payload: 'criteria',
  },
] as const;

function versionedTables(): string[] {
  return VERSION_TABLES.flatMap(({ parent, versions, fk, payload }) => [
    `create table ${parent} (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references districts (id),
      name text not null constraint ${parent}_name_not_blank check (btrim(name) <> ''),
      description text,
      created_at timestamptz not null default now(),
      constraint ${parent}_district_id_id_key unique (district_id, id),
      constraint ${parent}_district_name_key unique (district_id, name)
    )`,
    `create table ${versions} (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null,
      ${fk} uuid not null,
      version integer not null constraint ${versions}_version_positive check (version >= 1),
      status text not null default 'draft'
        constraint ${versions}_status_check check (status in ('draft', 'published')),
      ${payload} jsonb not null,
      published_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      constraint ${versions}_published_at_check
        check ((status = 'published') = (published_at is not null)),
      constraint ${versions}_district_id_id_key unique (district_id, id),
      constraint ${versions}_version_key unique (${fk}, version),
      constraint ${versions}_parent_fkey foreign key (district_id, ${fk})
        references ${parent} (district_id, id) on delete cascade,
      constraint ${versions}_created_by_fkey foreign key (district_id, created_by)
        references users (district_id, id)
    )`,
    `create trigger ${versions}_published_immutable
      before update or delete on ${versions}
      for each row execute function siklus_published_version_immutable()`,
  ]);
}

const UP: string[] = [
  `create table districts (
    id uuid primary key default gen_random_uuid(),
    name text not null constraint districts_name_not_blank check (btrim(name) <> ''),
    province text not null,
    created_at timestamptz not null default now(),
    constraint districts_name_key unique (name)
  )`,

  `create table schools (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null references districts (id),
    npsn char(8) not null constraint schools_npsn_format check (npsn ~ '^[0-9]{8}$'),
    name text not null constraint schools_name_not_blank check (btrim(name) <> ''),
    subdistrict text not null,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    constraint schools_npsn_key unique (npsn),
    constraint schools_district_id_id_key unique (district_id, id)
  )`,
  `create index schools_district_subdistrict_idx on schools (district_id, subdistrict, name)`,

  `create table users (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null references districts (id),
    school_id uuid,
    username text not null
      constraint users_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{2,49}$'),
    email text constraint users_email_format check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    full_name text not null constraint users_full_name_not_blank check (btrim(full_name) <> ''),
    password_hash text not null,
    role text not null constraint users_role_check check (role in ('admin', 'supervisor', 'principal')),
    active boolean not null default true,
    password_changed_at timestamptz,
    created_at timestamptz not null default now(),
    constraint users_username_key unique (username),
    constraint users_principal_school check ((role = 'principal') = (school_id is not null)),
    constraint users_district_id_id_key unique (district_id, id),
    constraint users_school_fkey foreign key (district_id, school_id)
      references schools (district_id, id)
  )`,
  `create unique index users_email_key on users (lower(email))`,
  `create index users_school_idx on users (school_id) where school_id is not null`,

  `create table sessions (
    id text primary key constraint sessions_id_sha256 check (id ~ '^[0-9a-f]{64}$'),
    user_id uuid not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    ip text,
    user_agent text
  )`,
  `create index sessions_user_idx on sessions (user_id)`,
  `create index sessions_expires_idx on sessions (expires_at)`,

  `create table login_throttle (
    key text primary key,
    failures integer not null default 0 constraint login_throttle_failures_check check (failures >= 0),
    first_failure_at timestamptz not null default now(),
    locked_until timestamptz
  )`,

  `create table teachers (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    school_id uuid not null,
    name text not null constraint teachers_name_not_blank check (btrim(name) <> ''),
    class_name text,
    nip text constraint teachers_nip_format check (nip ~ '^[0-9]{18}$'),
    nuptk text constraint teachers_nuptk_format check (nuptk ~ '^[0-9]{16}$'),
    active boolean not null default true,
    sort_order integer not null default 0,
    created_at timestamptz not null default now(),
    constraint teachers_district_id_id_key unique (district_id, id),
    constraint teachers_school_fkey foreign key (district_id, school_id)
      references schools (district_id, id)
  )`,
  `create index teachers_school_idx on teachers (school_id, sort_order)`,

  // A published version is frozen: a cycle scored with it must keep meaning the same.
  // The trigger names a pseudo-constraint so errors.ts maps it like any other.
  `create function siklus_published_version_immutable() returns trigger
    language plpgsql as $$
    begin
      if old.status = 'published' then
        raise exception 'published version % of % cannot be changed', old.version, tg_table_name
          using errcode = 'P0001',
                constraint = tg_table_name || '_published_immutable',
                hint = 'create a new version instead';
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end;
    $$`,
  ...versionedTables(),

  `create table studies (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    school_id uuid not null,
    title text not null constraint studies_title_not_blank check (btrim(title) <> ''),
    focus text not null,
    school_year text not null constraint studies_school_year_format check (
      school_year ~ '^[0-9]{4}/[0-9]{4}$'
      and substr(school_year, 6, 4)::int = substr(school_year, 1, 4)::int + 1
    ),
    semester text constraint studies_semester_check check (semester in ('ganjil', 'genap')),
    rubric_version_id uuid not null,
    band_set_version_id uuid not null,
    criteria_set_version_id uuid not null,
    source text,
    created_by uuid,
    created_at timestamptz not null default now(),
    constraint studies_district_id_id_key unique (district_id, id),
    constraint studies_school_fkey foreign key (district_id, school_id)
      references schools (district_id, id),
    constraint studies_rubric_version_fkey foreign key (district_id, rubric_version_id)
      references rubric_versions (district_id, id),
    constraint studies_band_set_version_fkey foreign key (district_id, band_set_version_id)
      references band_set_versions (district_id, id),
    constraint studies_criteria_set_version_fkey foreign key (district_id, criteria_set_version_id)
      references criteria_set_versions (district_id, id),
    constraint studies_created_by_fkey foreign key (district_id, created_by)
      references users (district_id, id)
  )`,
  `create index studies_district_school_idx on studies (district_id, school_id)`,
  `create index studies_school_idx on studies (school_id)`,

  `create table cycles (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    study_id uuid not null,
    ordinal integer not null constraint cycles_ordinal_check check (ordinal >= 0 and ordinal <= 20),
    status text not null default 'draft'
      constraint cycles_status_check check (status in ('draft', 'submitted', 'returned', 'approved')),
    planning_notes text,
    planning_date date,
    action_notes text,
    action_date date,
    observation_notes text,
    observation_date date,
    reflection_notes text,
    reflection_date date,
    review_comment text,
    reviewed_by uuid,
    reviewed_at timestamptz,
    submitted_at timestamptz,
    approved_at timestamptz,
    version integer not null default 1,
    printed_mean numeric(5, 2)
      constraint cycles_printed_mean_range check (printed_mean >= 0 and printed_mean <= 100),
    printed_mean_band text,
    printed_bands jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint cycles_study_ordinal_key unique (study_id, ordinal),
    constraint cycles_returned_comment check (
      status <> 'returned' or (review_comment is not null and btrim(review_comment) <> '')
    ),
    constraint cycles_approved_at_check check (status <> 'approved' or approved_at is not null),
    constraint cycles_district_id_id_key unique (district_id, id),
    constraint cycles_study_fkey foreign key (district_id, study_id)
      references studies (district_id, id) on delete cascade,
    constraint cycles_reviewed_by_fkey foreign key (district_id, reviewed_by)
      references users (district_id, id)
  )`,
  `create index cycles_district_status_idx on cycles (district_id, status)`,

  `create table observations (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    cycle_id uuid not null,
    teacher_id uuid not null,
    observer_id uuid,
    observed_on date,
    notes text,
    percentage numeric(5, 2) not null
      constraint observations_percentage_range check (percentage >= 0 and percentage <= 100),
    band text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint observations_cycle_teacher_key unique (cycle_id, teacher_id),
    constraint observations_district_id_id_key unique (district_id, id),
    constraint observations_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade,
    constraint observations_teacher_fkey foreign key (district_id, teacher_id)
      references teachers (district_id, id),
    constraint observations_observer_fkey foreign key (district_id, observer_id)
      references users (district_id, id)
  )`,
  `create index observations_teacher_idx on observations (teacher_id)`,

  `create table indicator_scores (
    district_id uuid not null,
    observation_id uuid not null,
    indicator_key text not null,
    score integer,
    not_applicable boolean not null default false,
    constraint indicator_scores_pkey primary key (observation_id, indicator_key),
    constraint indicator_scores_na_xor_score check ((score is null) = not_applicable),
    constraint indicator_scores_observation_fkey foreign key (district_id, observation_id)
      references observations (district_id, id) on delete cascade
  )`,

  `create table audit_log (
    id bigint generated always as identity primary key,
    district_id uuid references districts (id),
    user_id uuid references users (id) on delete set null,
    action text not null,
    entity text,
    entity_id text,
    before jsonb,
    after jsonb,
    reason text,
    ip text,
    created_at timestamptz not null default now()
  )`,
  `create index audit_log_district_created_idx on audit_log (district_id, created_at desc)`,
  `create index audit_log_entity_idx on audit_log (entity, entity_id)`,
];

const DOWN: string[] = [
  'drop table if exists audit_log',
  'drop table if exists indicator_scores',
  'drop table if exists observations',
  'drop table if exists cycles',
  'drop table if exists studies',
  ...VERSION_TABLES.flatMap(({ parent, versions }) => [
    `drop table if exists ${versions}`,
    `drop table if exists ${parent}`,
  ]),
  'drop function if exists siklus_published_version_immutable()',
  'drop table if exists teachers',
  'drop table if exists login_throttle',
  'drop table if exists sessions',
  'drop table if exists users',
  'drop table if exists schools',
  'drop table if exists districts',
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
