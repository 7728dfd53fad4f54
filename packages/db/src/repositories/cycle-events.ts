import type { TCycleStatus, TRole } from '@siklus/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { iso } from '../iso';
import type { CycleEventAction, DB } from '../schema';
import { notifyOfCycleEvent } from './notifications';

/*
 * The review history: one row per workflow move, written in the move's transaction
 * (api cycles/workflow.ts), read as the cycle's timeline. Rows are never updated.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface CycleEventInput {
  districtId: string;
  cycleId: string;
  action: CycleEventAction;
  fromStatus: TCycleStatus;
  toStatus: TCycleStatus;
  actorId: string;
  actorRole: TRole;
  comment: string | null;
  at: Date | string;
}

/**
 * Records a move and notifies whoever it concerns (notifications.ts), in the caller's
 * transaction: the one home of "an event that needs someone".
 */
export async function insertCycleEvent(db: Db, e: CycleEventInput): Promise<void> {
  const row = await db
    .insertInto('cycle_events')
    .values({
      district_id: e.districtId,
      cycle_id: e.cycleId,
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      comment: e.comment,
      created_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await notifyOfCycleEvent(db, {
    eventId: row.id,
    districtId: e.districtId,
    cycleId: e.cycleId,
    action: e.action,
    actorId: e.actorId,
    comment: e.comment,
  });
}

export interface CycleEvent {
  id: string;
  action: CycleEventAction;
  fromStatus: TCycleStatus | null;
  toStatus: TCycleStatus;
  /** Null when the person is unknown (history rebuilt from old columns) or deleted. */
  actorId: string | null;
  actorName: string | null;
  actorRole: TRole | null;
  comment: string | null;
  /** ISO instant (decision 013). */
  at: string;
}

/** A cycle's moves, oldest first. */
export async function listCycleEvents(
  db: Db,
  q: { districtId: string; cycleId: string },
): Promise<CycleEvent[]> {
  const rows = await db
    .selectFrom('cycle_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.action',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'e.actor_id as actorId',
      'u.full_name as actorName',
      'e.actor_role as actorRole',
      'e.comment',
      'e.created_at as at',
    ])
    .where('e.district_id', '=', q.districtId)
    .where('e.cycle_id', '=', q.cycleId)
    .orderBy('e.created_at')
    // Moves rebuilt from a cycle's columns can share one instant (a seeded or imported
    // cycle submitted and approved at the same time); the workflow's own order breaks the
    // tie, where the random id would shuffle them.
    .orderBy(sql`case e.action when 'submit' then 0 when 'withdraw' then 1
      when 'reopen' then 3 else 2 end`)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}

/**
 * Earlier cycles of the same study that stand in the way of submitting this one: returned
 * (the principal owes a correction) or submitted (the supervisor has not decided yet).
 */
export async function earlierOpenCycles(
  db: Db,
  cycleId: string,
): Promise<{ ordinal: number; status: TCycleStatus }[]> {
  return db
    .selectFrom('cycles as c')
    .innerJoin('cycles as me', (j) =>
      j.onRef('me.study_id', '=', 'c.study_id').onRef('me.district_id', '=', 'c.district_id'),
    )
    .select(['c.ordinal', 'c.status'])
    .where('me.id', '=', cycleId)
    .whereRef('c.ordinal', '<', 'me.ordinal')
    .where('c.status', 'in', ['returned', 'submitted'])
    .orderBy('c.ordinal')
    .execute();
}

/** The ordinal of a later cycle of the same study, if one has been opened. */
export async function laterCycle(db: Db, cycleId: string): Promise<{ ordinal: number } | null> {
  const row = await db
    .selectFrom('cycles as c')
    .innerJoin('cycles as me', (j) =>
      j.onRef('me.study_id', '=', 'c.study_id').onRef('me.district_id', '=', 'c.district_id'),
    )
    .select('c.ordinal')
    .where('me.id', '=', cycleId)
    .whereRef('c.ordinal', '>', 'me.ordinal')
    .orderBy('c.ordinal')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * For cycles written without the app (the demo seed, synthetic data): the moves their own
 * columns prove, as the history migration derives them. Cycles with any history are left
 * alone, so running it twice adds nothing.
 */
export async function recordHistoryFromColumns(db: Db): Promise<void> {
  await sql`
    insert into cycle_events (district_id, cycle_id, action, from_status, to_status, actor_role, created_at)
    select c.district_id, c.id, 'submit', 'draft', 'submitted', 'principal', c.submitted_at
    from cycles c
    where c.submitted_at is not null
      and not exists (select 1 from cycle_events e where e.cycle_id = c.id)`.execute(db);
  await sql`
    insert into cycle_events
      (district_id, cycle_id, action, from_status, to_status, actor_id, actor_role, comment, created_at)
    select c.district_id, c.id, case c.status when 'approved' then 'approve' else 'return' end,
           'submitted', c.status, c.reviewed_by, u.role, c.review_comment,
           coalesce(c.reviewed_at, c.approved_at, c.updated_at)
    from cycles c
    left join users u on u.id = c.reviewed_by
    where c.status in ('approved', 'returned')
      and not exists (
        select 1 from cycle_events e
        where e.cycle_id = c.id and e.action in ('approve', 'return', 'reopen'))`.execute(db);
}
