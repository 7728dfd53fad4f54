import type { TRole } from '@siklus/domain';
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Sessions are keyed by the SHA-256 (hex) of the cookie token: the table never holds a
 * token that could be replayed.
 */

export interface SessionWithUser {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  user: {
    id: string;
    username: string;
    fullName: string;
    role: TRole;
    districtId: string;
    schoolId: string | null;
    active: boolean;
  };
}

export async function insertSession(
  db: Executor,
  s: {
    userId: string;
    tokenHash: string;
    createdAt: Date;
    lastSeenAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('sessions')
    .values({
      id: s.tokenHash,
      user_id: s.userId,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findSessionByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.full_name',
      'users.role',
      'users.district_id',
      'users.school_id',
      'users.active',
    ])
    .where('sessions.id', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    user: {
      id: row.user_id,
      username: row.username,
      fullName: row.full_name,
      role: row.role,
      districtId: row.district_id,
      schoolId: row.school_id,
      active: row.active,
    },
  };
}

export async function touchSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, except `exceptId` (the one changing its password). */
export async function deleteSessionsOfUser(
  db: Executor,
  userId: string,
  exceptId: string | null,
): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Housekeeping: sessions past their absolute expiry. */
export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// Sign-in throttling: one row per key ("account:<login>", "address:<ip>").

export async function getThrottles(
  db: Executor,
  keys: string[],
): Promise<{ key: string; failures: number; lockedUntil: Date | null }[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'failures', 'locked_until'])
    .where('key', 'in', keys)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    failures: r.failures,
    lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
  }));
}

/**
 * Counts one failure in one statement (two concurrent failures both count). Failures older
 * than the window are forgotten; `lockMs(failures)` says how long to lock after this one.
 */
export async function recordThrottleFailure(
  db: Executor,
  f: { key: string; now: Date; windowMs: number; lockMs: (failures: number) => number },
): Promise<number> {
  const windowStart = new Date(f.now.getTime() - f.windowMs);
  const row = await db
    .insertInto('login_throttle')
    .values({ key: f.key, failures: 1, first_failure_at: f.now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_throttle.first_failure_at < ${windowStart}::timestamptz
          then 1 else login_throttle.failures + 1 end`,
        first_failure_at: sql<Date>`case when login_throttle.first_failure_at < ${windowStart}::timestamptz
          then ${f.now}::timestamptz else login_throttle.first_failure_at end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const lock = f.lockMs(row.failures);
  if (lock > 0) {
    await db
      .updateTable('login_throttle')
      .set({ locked_until: new Date(f.now.getTime() + lock) })
      .where('key', '=', f.key)
      .execute();
  }
  return row.failures;
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
