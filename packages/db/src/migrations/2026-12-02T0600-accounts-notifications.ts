import { type Kysely, sql } from 'kysely';

/*
 * Accounts and notifications (issues 17 and 20, docs/decisions/019).
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - users.language: the language of the user's e-mail (id | en); existing users 'id'.
 * - users.email_notifications: immediate | daily | off; existing users 'immediate' (they
 *   get mail only once they have an address and the server has SMTP_URL).
 * - users.must_change_password: set when an admin sets or resets a password; existing
 *   users false (their passwords are their own as far as anyone knows).
 * - districts.review_wait_days: a submitted cycle waiting longer than this many days for
 *   review notifies the district's supervisors; every district starts at 7.
 * - notifications: one row per recipient of an event; read_at marks it read. dedupe_key
 *   makes a job's notification idempotent (one "waiting" per submission, however often the
 *   job runs or however many servers run it).
 * - email_outbox: mail waiting to be sent by the server process, claimed with
 *   FOR UPDATE SKIP LOCKED; one row per immediate notification (unique notification_id),
 *   one per user and local day for a digest (unique user_id, digest_date). A notification
 *   carries the outbox row that mailed it (outbox_id), so a digest never repeats it.
 *   outbox_id has no foreign key: the outbox already references the notification, and a
 *   cycle of foreign keys would leave backups (cli/backup-format.ts) no table order.
 */

const UP = [
  `alter table users add column language text not null default 'id'
    constraint users_language_check check (language in ('id', 'en'))`,
  `alter table users add column email_notifications text not null default 'immediate'
    constraint users_email_notifications_check
      check (email_notifications in ('immediate', 'daily', 'off'))`,
  `alter table users add column must_change_password boolean not null default false`,
  `alter table districts add column review_wait_days integer not null default 7
    constraint districts_review_wait_days_check check (review_wait_days between 1 and 365)`,

  `create table email_outbox (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null references districts (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    kind text not null constraint email_outbox_kind_check check (kind in ('immediate', 'digest')),
    digest_date date,
    status text not null default 'pending'
      constraint email_outbox_status_check
        check (status in ('pending', 'sending', 'sent', 'failed', 'expired')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_until timestamptz,
    last_error text,
    message_id text,
    created_at timestamptz not null default now(),
    sent_at timestamptz,
    constraint email_outbox_digest_date_check check ((kind = 'digest') = (digest_date is not null))
  )`,
  `create unique index email_outbox_digest_uniq on email_outbox (user_id, digest_date)
    where kind = 'digest'`,
  `create index email_outbox_due_idx on email_outbox (next_attempt_at)
    where status in ('pending', 'sending')`,

  `create table notifications (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null references districts (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    kind text not null
      constraint notifications_kind_check
        check (kind in ('cycle_submitted', 'cycle_returned', 'cycle_approved', 'cycle_reopened',
                        'cycle_waiting', 'follow_up_due', 'password_help')),
    cycle_id uuid,
    cycle_event_id uuid references cycle_events (id) on delete set null,
    actor_id uuid references users (id) on delete set null,
    comment text,
    params jsonb not null default '{}'::jsonb,
    dedupe_key text,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    outbox_id uuid,
    constraint notifications_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade
  )`,
  `create index notifications_user_idx on notifications (user_id, created_at desc)`,
  `create index notifications_unread_idx on notifications (user_id) where read_at is null`,
  `create unique index notifications_dedupe_uniq on notifications (user_id, dedupe_key)
    where dedupe_key is not null`,
  `alter table email_outbox add column notification_id uuid unique
    references notifications (id) on delete cascade`,
  `alter table email_outbox add constraint email_outbox_notification_check
    check ((kind = 'immediate') = (notification_id is not null))`,
];

const DOWN = [
  `alter table email_outbox drop column if exists notification_id`,
  `drop table if exists notifications`,
  `drop table if exists email_outbox`,
  `alter table districts drop column if exists review_wait_days`,
  `alter table users drop column if exists must_change_password`,
  `alter table users drop column if exists email_notifications`,
  `alter table users drop column if exists language`,
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
