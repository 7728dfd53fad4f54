import { type Kysely, sql } from 'kysely';

/*
 * Evidence files (issue 17, docs/decisions/020-evidence-files.md).
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - attachments: one row per file a principal attached to a cycle, either to one of its
 *   four stages (stage) or to a teacher's observation sheet in that cycle (teacher_id):
 *   exactly one of the two. The bytes live in the file store (local directory or S3),
 *   content-addressed by their SHA-256 (sha256; thumb_sha256 for an image's thumbnail);
 *   the row holds the name shown, the checked type, the stored size (which the study's
 *   quota adds up) and an image's size in pixels.
 * - No existing rows: nothing to backfill.
 */

const UP = [
  `create table attachments (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    cycle_id uuid not null,
    stage text
      constraint attachments_stage_check
        check (stage in ('planning', 'action', 'observation', 'reflection')),
    teacher_id uuid,
    file_name text not null
      constraint attachments_file_name_check check (length(file_name) between 1 and 200),
    kind text not null
      constraint attachments_kind_check check (kind in ('image', 'pdf', 'docx')),
    content_type text not null,
    size_bytes integer not null
      constraint attachments_size_check check (size_bytes > 0),
    sha256 text not null
      constraint attachments_sha256_check check (sha256 ~ '^[0-9a-f]{64}$'),
    thumb_sha256 text
      constraint attachments_thumb_sha256_check check (thumb_sha256 ~ '^[0-9a-f]{64}$'),
    width integer,
    height integer,
    uploaded_by uuid,
    created_at timestamptz not null default now(),
    constraint attachments_target_check check ((stage is null) <> (teacher_id is null)),
    constraint attachments_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade,
    constraint attachments_teacher_fkey foreign key (district_id, teacher_id)
      references teachers (district_id, id) on delete cascade,
    constraint attachments_uploaded_by_fkey foreign key (uploaded_by)
      references users (id) on delete set null
  )`,
  `create index attachments_cycle_idx on attachments (cycle_id, created_at)`,
  `create index attachments_sha256_idx on attachments (sha256)`,
  `create index attachments_thumb_sha256_idx on attachments (thumb_sha256)`,
];

const DOWN = ['drop table if exists attachments'];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
