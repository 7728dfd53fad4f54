import type { TRole } from '@siklus/domain';
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema';
import { type Me, meQuery } from './users';

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
    mustChangePassword: boolean;
  };
  /** What `auth.me` answers, read in the same query. */
  me: Me;
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

/**
 * The session, its user and what `auth.me` shows of them, in one query: every signed-in
 * request starts here, so it pays one round trip, not one for the session and another for
 * the user (issue 19).
 */
export async function findSessionByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<SessionWithUser | undefined> {
  const row = await meQuery(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select([
      'sessions.id as sessionId',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.active',
    ])
    .where('sessions.id', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { sessionId, created_at, last_seen_at, expires_at, active, ...me } = row;
  return {
    id: sessionId,
    createdAt: new Date(created_at),
    lastSeenAt: new Date(last_seen_at),
    expiresAt: new Date(expires_at),
    user: {
      id: me.id,
      username: me.username,
      fullName: me.fullName,
      role: me.role,
      districtId: me.districtId,
      schoolId: me.schoolId,
      active,
      mustChangePassword: me.mustChangePassword,
    },
    me,
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

// Sign-in throttling: one row per key ("account:<user id or login>", "address:<ip>").
// `failures` counts attempts reserved in the window: every attempt is counted before its
// password is verified, and a success hands its reservation back (releaseSignInAttempt).

export interface ThrottleKey {
  key: string;
  /** Attempts allowed in the window before the key locks. */
  freeAttempts: number;
}

export interface ThrottleRules {
  now: Date;
  /** A quiet window this long forgets the key's attempts. */
  windowMs: number;
  /** The first lock; each attempt after it doubles the lock, up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
}

/**
 * Reserves one sign-in attempt on every key, or none, in one statement: the decision and
 * the count cannot be split by a concurrent attempt (issue 13: checking the lock before
 * the password and counting after it let 30 parallel guesses through). An attempt is
 * refused when any key is locked; otherwise each key's count goes up by one and the
 * attempt that reaches a key's free attempts locks it for `baseLockMs * 2^(n - free)`
 * (capped). Rows are locked by the upsert, so of N parallel attempts exactly `free` get
 * through. A refused attempt changes nothing. Returns when the longest lock ends if refused.
 */
export async function reserveSignInAttempt(
  db: Executor,
  keys: ThrottleKey[],
  rules: ThrottleRules,
): Promise<{ allowed: true } | { allowed: false; lockedUntil: Date }> {
  if (keys.length === 0) return { allowed: true };
  const now = rules.now;
  const windowStart = new Date(now.getTime() - rules.windowMs);
  const input = sql.join(keys.map((k) => sql`(${k.key}::text, ${k.freeAttempts}::int)`));
  // The key's count after this attempt (its window restarts once it has gone quiet).
  const next = sql`case when t.first_failure_at < ${windowStart}::timestamptz then 1 else t.failures + 1 end`;
  const lockAfter = (count: ReturnType<typeof sql>, free: ReturnType<typeof sql>) =>
    sql`case when ${count} >= ${free} then ${now}::timestamptz + least(
      ${rules.baseLockMs}::float8 * power(2::float8, least(${count} - ${free}, 30)),
      ${rules.maxLockMs}::float8) * interval '1 millisecond' end`;
  const result = await sql<{ reserved: number }>`
    with input (key, free) as (values ${input}),
    reserved as (
      insert into login_throttle as t (key, failures, first_failure_at, locked_until)
      select i.key, 1, ${now}::timestamptz, ${lockAfter(sql`1`, sql`i.free`)}
      from input i
      where not exists (
        select 1 from login_throttle l
        where l.key in (select key from input) and l.locked_until > ${now}::timestamptz
      )
      on conflict (key) do update set
        failures = ${next},
        first_failure_at = case when t.first_failure_at < ${windowStart}::timestamptz
          then ${now}::timestamptz else t.first_failure_at end,
        locked_until = (select ${lockAfter(next, sql`i.free`)} from input i where i.key = excluded.key)
      -- Checked again on the row as locked by the upsert: a lock a parallel attempt has just
      -- set refuses this one even if the statement's snapshot predates it.
      where t.locked_until is null or t.locked_until <= ${now}::timestamptz
      returning t.key
    )
    select count(*)::int as reserved from reserved`.execute(db);
  if (Number(result.rows[0]?.reserved ?? 0) === keys.length) return { allowed: true };
  // Refused. This read only words the answer ("try again in N minutes").
  const row = await db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.max('locked_until').as('lockedUntil'))
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .executeTakeFirst();
  const lockedUntil = row?.lockedUntil ? new Date(row.lockedUntil) : null;
  return {
    allowed: false,
    lockedUntil:
      lockedUntil && lockedUntil > now ? lockedUntil : new Date(now.getTime() + rules.baseLockMs),
  };
}

/**
 * After a successful sign-in: the account's attempts are forgotten (`forget`), and the
 * address gets its reservation back (`giveBack`), so a school whose staff share one address
 * is never locked by people signing in correctly. Giving back lifts a lock only when the
 * count falls below the key's free attempts.
 */
export async function releaseSignInAttempt(
  db: Executor,
  r: { forget: string[]; giveBack: ThrottleKey[] },
): Promise<void> {
  if (r.forget.length > 0) {
    await db.deleteFrom('login_throttle').where('key', 'in', r.forget).execute();
  }
  for (const k of r.giveBack) {
    await db
      .updateTable('login_throttle')
      .set({
        failures: sql<number>`greatest(failures - 1, 0)`,
        locked_until: sql<Date | null>`case when failures - 1 < ${k.freeAttempts}::int
          then null else locked_until end`,
      })
      .where('key', '=', k.key)
      .execute();
  }
}
