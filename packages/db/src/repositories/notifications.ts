import {
  DIGEST_LOCAL_HOUR,
  localDate,
  type TCycleStatus,
  TIME_ZONE_INFO,
  type TNotificationFacts,
  type TNotificationKind,
  type TNotificationParams,
  type TTimeZone,
} from '@siklus/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { iso, isoOrNull } from '../iso';
import { jsonb } from '../json';
import type { CycleEventAction, DB } from '../schema';

/*
 * Notifications (docs/decisions/019): one row per recipient of an event, written in the
 * event's transaction by `enqueueNotification`, the one way in. A recipient who wants mail
 * at once gets an outbox row in the same transaction; the server process sends it later
 * (never inside the request), and a daily digest batches the rest.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface NotificationInput {
  districtId: string;
  kind: TNotificationKind;
  /** User ids; inactive users, users of another district and the actor are skipped. */
  recipients: string[];
  cycleId?: string | null;
  cycleEventId?: string | null;
  actorId?: string | null;
  comment?: string | null;
  params?: TNotificationParams;
  /** Makes the notification idempotent per recipient (a job that runs again adds nothing). */
  dedupeKey?: string | null;
}

/**
 * Notifies `recipients` of one event, inside the caller's transaction (`trx`): the rows and
 * the event commit together or not at all. Queues an immediate e-mail for each recipient
 * who has an address and chose "immediate". Returns how many were notified. The follow-up
 * plans (RTL, "follow_up_due") call this too.
 */
export async function enqueueNotification(trx: Db, n: NotificationInput): Promise<number> {
  const recipients = [...new Set(n.recipients)].filter((id) => id !== n.actorId);
  if (recipients.length === 0) return 0;
  const inserted = await trx
    .insertInto('notifications')
    .columns([
      'district_id',
      'user_id',
      'kind',
      'cycle_id',
      'cycle_event_id',
      'actor_id',
      'comment',
      'params',
      'dedupe_key',
    ])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select([
          'district_id',
          'id',
          sql.lit(n.kind).as('kind'),
          sql<string | null>`${n.cycleId ?? null}::uuid`.as('cycle_id'),
          sql<string | null>`${n.cycleEventId ?? null}::uuid`.as('cycle_event_id'),
          sql<string | null>`${n.actorId ?? null}::uuid`.as('actor_id'),
          sql<string | null>`${n.comment ?? null}::text`.as('comment'),
          jsonb(n.params ?? {}).as('params'),
          sql<string | null>`${n.dedupeKey ?? null}::text`.as('dedupe_key'),
        ])
        .where('id', 'in', recipients)
        .where('district_id', '=', n.districtId)
        .where('active', '=', true),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
    )
    .returning(['id'])
    .execute();
  if (inserted.length === 0) return 0;
  const ids = inserted.map((r) => r.id);
  // The outbox rows of those who want mail now, and each notification marked as mailed.
  await sql`
    with queued as (
      insert into email_outbox (district_id, user_id, kind, notification_id)
      select n.district_id, n.user_id, 'immediate', n.id
      from notifications n
      join users u on u.id = n.user_id
      where n.id in (${sql.join(ids)})
        and u.email is not null and u.email_notifications = 'immediate'
      returning id, notification_id
    )
    update notifications n set outbox_id = q.id from queued q where n.id = q.notification_id`.execute(
    trx,
  );
  return inserted.length;
}

/** Active supervisors of a district. */
async function supervisorsOf(db: Db, districtId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('district_id', '=', districtId)
    .where('role', '=', 'supervisor')
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

const KIND_OF_ACTION: Partial<Record<CycleEventAction, TNotificationKind>> = {
  submit: 'cycle_submitted',
  return: 'cycle_returned',
  approve: 'cycle_approved',
  reopen: 'cycle_reopened',
};

/**
 * Who a workflow move concerns: a submission the district's supervisors, a decision
 * (returned, approved, reopened) the school's principal. A withdrawal needs nobody: the
 * cycle leaves the supervisors' queue by itself. Called by insertCycleEvent only.
 */
export async function notifyOfCycleEvent(
  trx: Db,
  e: {
    eventId: string;
    districtId: string;
    cycleId: string;
    action: CycleEventAction;
    actorId: string | null;
    comment: string | null;
  },
): Promise<number> {
  const kind = KIND_OF_ACTION[e.action];
  if (!kind) return 0;
  let recipients: string[];
  if (kind === 'cycle_submitted') {
    recipients = await supervisorsOf(trx, e.districtId);
  } else {
    const rows = await trx
      .selectFrom('cycles as c')
      .innerJoin('studies as s', 's.id', 'c.study_id')
      .innerJoin('users as u', (j) =>
        j.onRef('u.school_id', '=', 's.school_id').onRef('u.district_id', '=', 'c.district_id'),
      )
      .select('u.id')
      .where('c.id', '=', e.cycleId)
      .where('c.district_id', '=', e.districtId)
      .where('u.role', '=', 'principal')
      .where('u.active', '=', true)
      .execute();
    recipients = rows.map((r) => r.id);
  }
  return enqueueNotification(trx, {
    districtId: e.districtId,
    kind,
    recipients,
    cycleId: e.cycleId,
    cycleEventId: e.eventId,
    actorId: e.actorId,
    comment: e.comment,
  });
}

// ---------------------------------------------------------------------------------------
// Reading

export interface NotificationItem extends TNotificationFacts {
  id: string;
  cycleId: string | null;
  studyId: string | null;
  /** ISO instants (decision 013). */
  createdAt: string;
  readAt: string | null;
}

function factsQuery(db: Db) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('cycles as c', 'c.id', 'n.cycle_id')
    .leftJoin('studies as s', 's.id', 'c.study_id')
    .leftJoin('schools as sc', 'sc.id', 's.school_id')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.cycle_id as cycleId',
      's.id as studyId',
      'c.ordinal as cycleOrdinal',
      'sc.name as schoolName',
      's.title as studyTitle',
      'a.full_name as actorName',
      'n.comment',
      'n.params',
      'n.created_at as createdAt',
      'n.read_at as readAt',
    ]);
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof factsQuery>['execute']>>[number];

function toItem(r: FactsRow): NotificationItem {
  return { ...r, createdAt: iso(r.createdAt), readAt: isoOrNull(r.readAt) };
}

/** A user's own notifications, newest first. */
export async function listNotifications(
  db: Db,
  q: { userId: string; limit: number; unreadOnly: boolean },
): Promise<NotificationItem[]> {
  let query = factsQuery(db).where('n.user_id', '=', q.userId);
  if (q.unreadOnly) query = query.where('n.read_at', 'is', null);
  const rows = await query.orderBy('n.created_at', 'desc').orderBy('n.id').limit(q.limit).execute();
  return rows.map(toItem);
}

export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the user's own notifications read (others' ids match nothing); `ids` null: all. */
export async function markNotificationsRead(
  db: Db,
  q: { userId: string; ids: string[] | null; at: Date },
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: q.at })
    .where('user_id', '=', q.userId)
    .where('read_at', 'is', null);
  if (q.ids) query = query.where('id', 'in', q.ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---------------------------------------------------------------------------------------
// Jobs (run by the server process on an interval)

/**
 * Submitted cycles whose latest submission is older than their district's
 * `review_wait_days`: the district's supervisors are told once per submission (the
 * submission's event id is the dedupe key), however often this runs.
 */
export async function notifyWaitingCycles(db: Kysely<DB>, now: Date): Promise<number> {
  const waiting = await sql<{
    district_id: string;
    cycle_id: string;
    event_id: string;
    submitted_at: Date | string;
  }>`
    select c.district_id, c.id as cycle_id, e.id as event_id, e.created_at as submitted_at
    from cycles c
    join districts d on d.id = c.district_id
    join lateral (
      select id, created_at from cycle_events
      where cycle_id = c.id and action = 'submit'
      order by created_at desc limit 1
    ) e on true
    where c.status = ${'submitted' satisfies TCycleStatus}
      and e.created_at < ${now}::timestamptz - d.review_wait_days * interval '1 day'
      and not exists (
        select 1 from notifications n
        where n.kind = 'cycle_waiting' and n.dedupe_key = 'waiting:' || e.id::text)`.execute(db);
  let notified = 0;
  for (const w of waiting.rows) {
    const days = Math.floor((now.getTime() - new Date(w.submitted_at).getTime()) / 86_400_000);
    notified += await db.transaction().execute(async (trx) =>
      enqueueNotification(trx, {
        districtId: w.district_id,
        kind: 'cycle_waiting',
        recipients: await supervisorsOf(trx, w.district_id),
        cycleId: w.cycle_id,
        params: { days },
        dedupeKey: `waiting:${w.event_id}`,
      }),
    );
  }
  return notified;
}

/**
 * Follow-up plans (RTL, decision 018) open and due today or earlier in their district's
 * calendar: the school's active principals get one notification per plan and due date (a
 * plan carried over with a new date notifies again), linking to the cycle that checks it.
 * Idempotent like the others: the dedupe key is the plan and its date.
 */
export async function notifyDueFollowUps(db: Kysely<DB>, now: Date): Promise<number> {
  const districts = await db.selectFrom('districts').select(['id', 'time_zone']).execute();
  let notified = 0;
  for (const d of districts) {
    const today = localDate(now, d.time_zone);
    const due = await sql<{
      id: string;
      school_id: string;
      due_on: string;
      teacher_name: string;
      cycle_id: string;
    }>`
      select p.id, p.school_id, p.due_on::text as due_on, t.name as teacher_name,
             coalesce(nx.id, p.cycle_id) as cycle_id
      from follow_up_plans p
      join teachers t on t.id = p.teacher_id and t.district_id = p.district_id
      join cycles c on c.id = p.cycle_id and c.district_id = p.district_id
      left join cycles nx on nx.study_id = p.study_id and nx.district_id = p.district_id
                         and nx.ordinal = c.ordinal + 1
      where p.district_id = ${d.id} and p.status = 'open' and p.due_on <= ${today}::date
        and not exists (
          select 1 from notifications n
          where n.district_id = p.district_id and n.kind = 'follow_up_due'
            and n.dedupe_key = 'follow-up:' || p.id::text || ':' || p.due_on::text)
      order by p.due_on, p.id`.execute(db);
    for (const plan of due.rows) {
      notified += await db.transaction().execute(async (trx) => {
        const principals = await trx
          .selectFrom('users')
          .select('id')
          .where('district_id', '=', d.id)
          .where('school_id', '=', plan.school_id)
          .where('role', '=', 'principal')
          .where('active', '=', true)
          .execute();
        return enqueueNotification(trx, {
          districtId: d.id,
          kind: 'follow_up_due',
          recipients: principals.map((u) => u.id),
          cycleId: plan.cycle_id,
          params: { teacherName: plan.teacher_name, dueOn: plan.due_on },
          dedupeKey: `follow-up:${plan.id}:${plan.due_on}`,
        });
      });
    }
  }
  return notified;
}

/** How far back a digest looks: older unread notifications are not mailed any more. */
const DIGEST_LOOKBACK_DAYS = 7;

/**
 * Daily digests: in each district whose local clock has passed DIGEST_LOCAL_HOUR, every
 * active user who chose "daily" and has an address gets one outbox row for the local day
 * (unique per user and day, so a second run or a second server adds nothing), carrying
 * their unread notifications not mailed yet from the last DIGEST_LOOKBACK_DAYS days.
 */
export async function makeDigests(db: Kysely<DB>, now: Date): Promise<number> {
  const districts = await db.selectFrom('districts').select(['id', 'time_zone']).execute();
  let made = 0;
  for (const d of districts) {
    const localHour = (now.getUTCHours() + TIME_ZONE_INFO[d.time_zone].offsetHours) % 24;
    if (localHour < DIGEST_LOCAL_HOUR) continue;
    const day = localDate(now, d.time_zone);
    made += await db.transaction().execute(async (trx) => {
      const result = await sql<{ id: string }>`
        with due as (
          select n.id, n.user_id from notifications n
          join users u on u.id = n.user_id
          where n.district_id = ${d.id} and n.outbox_id is null and n.read_at is null
            and n.created_at <= ${now}::timestamptz
            and n.created_at > ${now}::timestamptz - ${DIGEST_LOOKBACK_DAYS} * interval '1 day'
            and u.active and u.email is not null and u.email_notifications = 'daily'
        ),
        made as (
          insert into email_outbox (district_id, user_id, kind, digest_date)
          select distinct ${d.id}::uuid, user_id, 'digest', ${day}::date from due
          on conflict (user_id, digest_date) where kind = 'digest' do nothing
          returning id, user_id
        )
        update notifications n set outbox_id = m.id
        from made m, due
        where due.user_id = m.user_id and n.id = due.id
        returning m.id`.execute(trx);
      return new Set(result.rows.map((r) => r.id)).size;
    });
  }
  return made;
}

// ---------------------------------------------------------------------------------------
// The outbox

export interface ClaimedMail {
  id: string;
  kind: 'immediate' | 'digest';
  attempts: number;
}

/**
 * Claims up to `limit` mails due now: FOR UPDATE SKIP LOCKED, so two senders (two server
 * processes) never take the same row, and a lease (`claimed_until`), so a row whose sender
 * died is taken again once the lease ends. Each claim counts an attempt.
 */
export async function claimOutbox(
  db: Db,
  q: { now: Date; limit: number; leaseMs: number },
): Promise<ClaimedMail[]> {
  const result = await sql<ClaimedMail>`
    update email_outbox o set
      status = 'sending',
      attempts = o.attempts + 1,
      claimed_until = ${q.now}::timestamptz + ${q.leaseMs} * interval '1 millisecond'
    where o.id in (
      select id from email_outbox
      where (status = 'pending' and next_attempt_at <= ${q.now}::timestamptz)
         or (status = 'sending' and claimed_until < ${q.now}::timestamptz)
      order by next_attempt_at, created_at
      limit ${q.limit}
      for update skip locked
    )
    returning o.id, o.kind, o.attempts`.execute(db);
  return result.rows;
}

/** Unsent mail older than this is dropped (a server that had no SMTP for a week). */
export async function expireStaleOutbox(db: Db, q: { before: Date }): Promise<number> {
  const result = await db
    .updateTable('email_outbox')
    .set({ status: 'expired' })
    .where('status', '=', 'pending')
    .where('created_at', '<', q.before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markOutboxSent(
  db: Db,
  q: { id: string; at: Date; messageId: string | null },
): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({ status: 'sent', sent_at: q.at, message_id: q.messageId, claimed_until: null })
    .where('id', '=', q.id)
    .execute();
}

/** A failed try: again at `retryAt`, or given up (`failed`) when that is null. */
export async function markOutboxFailed(
  db: Db,
  q: { id: string; error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({
      status: q.retryAt ? 'pending' : 'failed',
      next_attempt_at: q.retryAt ?? sql<Date>`next_attempt_at`,
      last_error: q.error.slice(0, 500),
      claimed_until: null,
    })
    .where('id', '=', q.id)
    .execute();
}

export interface OutboxMessage {
  to: string;
  language: 'id' | 'en';
  timeZone: TTimeZone;
  digestDate: string | null;
  items: NotificationItem[];
}

/**
 * What a claimed mail says: the recipient's current address and language and the
 * notifications it carries (one, or a digest's), read when it is sent. Null when the
 * recipient has no address any more, was deactivated, or the notifications are gone.
 */
export async function outboxMessage(db: Db, outboxId: string): Promise<OutboxMessage | null> {
  const head = await db
    .selectFrom('email_outbox as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .innerJoin('districts as d', 'd.id', 'o.district_id')
    .select([
      'u.email',
      'u.active',
      'u.language',
      'd.time_zone as timeZone',
      'o.digest_date as digestDate',
    ])
    .where('o.id', '=', outboxId)
    .executeTakeFirst();
  if (!head?.email || !head.active) return null;
  const rows = await factsQuery(db)
    .where('n.outbox_id', '=', outboxId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  if (rows.length === 0) return null;
  return {
    to: head.email,
    language: head.language,
    timeZone: head.timeZone,
    digestDate: head.digestDate,
    items: rows.map(toItem),
  };
}
