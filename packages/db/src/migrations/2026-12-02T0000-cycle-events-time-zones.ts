import { type Kysely, sql } from 'kysely';

/*
 * The review history and the districts' time zones (issue 14).
 *
 * Frozen: never edit this file once merged; add a new migration. Plain SQL, one statement
 * per query (PGlite's extended protocol).
 *
 * - cycle_events: one row per workflow move of a cycle (submit, withdraw, return, approve,
 *   reopen): who, in which role, when, from/to status, and the comment or reason. The
 *   cycle's review columns only ever held the last move, so a reopen overwrote the
 *   approval's reviewer and time. The actor's role is kept as it was at the time; the
 *   name is read from users (a deleted user leaves actor_id null, the role stays).
 * - Backfill, from what is stored: every `cycle.<action>` entry of the audit log (each
 *   workflow move has written one in its transaction since the first release), with its
 *   actor, reason and time. A cycle without any such entry (seeded or imported data) gets
 *   the moves its own columns prove: submitted_at -> a submit; reviewed_at with status
 *   approved -> an approve by reviewed_by; status returned -> a return by reviewed_by with
 *   the review comment. Their actor is unknown where the column does not name one.
 * - districts.time_zone: one of Indonesia's three zones; every existing district is in
 *   WIB (Asia/Jakarta), which is what the app assumed until now.
 */

const UP = [
  `alter table districts add column time_zone text not null default 'Asia/Jakarta'
    constraint districts_time_zone_check
      check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'))`,

  `create table cycle_events (
    id uuid primary key default gen_random_uuid(),
    district_id uuid not null,
    cycle_id uuid not null,
    action text not null
      constraint cycle_events_action_check
        check (action in ('submit', 'withdraw', 'return', 'approve', 'reopen')),
    from_status text,
    to_status text not null,
    actor_id uuid,
    actor_role text
      constraint cycle_events_actor_role_check
        check (actor_role in ('admin', 'supervisor', 'principal')),
    comment text,
    created_at timestamptz not null default now(),
    constraint cycle_events_cycle_fkey foreign key (district_id, cycle_id)
      references cycles (district_id, id) on delete cascade,
    constraint cycle_events_actor_fkey foreign key (actor_id)
      references users (id) on delete set null
  )`,
  `create index cycle_events_cycle_idx on cycle_events (cycle_id, created_at)`,

  `insert into cycle_events
     (district_id, cycle_id, action, from_status, to_status, actor_id, actor_role, comment,
      created_at)
   select c.district_id, c.id, substr(a.action, 7), a.before->>'status',
          coalesce(a.after->>'status', c.status), a.user_id, u.role, a.reason, a.created_at
   from audit_log a
   join cycles c on c.id::text = a.entity_id and c.district_id = a.district_id
   left join users u on u.id = a.user_id
   where a.entity = 'cycle'
     and a.action in ('cycle.submit', 'cycle.return', 'cycle.approve', 'cycle.reopen')`,

  `insert into cycle_events
     (district_id, cycle_id, action, from_status, to_status, actor_role, created_at)
   select c.district_id, c.id, 'submit', null, 'submitted', 'principal', c.submitted_at
   from cycles c
   where c.submitted_at is not null
     and not exists (select 1 from cycle_events e where e.cycle_id = c.id)`,

  `insert into cycle_events
     (district_id, cycle_id, action, from_status, to_status, actor_id, actor_role, comment,
      created_at)
   select c.district_id, c.id,
          case c.status when 'approved' then 'approve' else 'return' end,
          'submitted', c.status, c.reviewed_by, u.role,
          c.review_comment, coalesce(c.reviewed_at, c.approved_at, c.updated_at)
   from cycles c
   left join users u on u.id = c.reviewed_by
   where c.status in ('approved', 'returned')
     and not exists (
       select 1 from cycle_events e
       where e.cycle_id = c.id and e.action in ('approve', 'return', 'reopen'))`,
];

const DOWN = [
  `drop table if exists cycle_events`,
  `alter table districts drop column if exists time_zone`,
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not depend on the app's DB type
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
