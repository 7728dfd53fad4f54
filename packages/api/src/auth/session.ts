import { createHash, randomBytes } from 'node:crypto';
import { deleteSession, findSessionByTokenHash, insertSession, touchSession } from '@siklus/db';
import type { Context, CookieOptions, SessionUser } from '../context';

/**
 * Server-side sessions. The browser holds 32 random bytes (base64url); the database holds
 * only their SHA-256, so a leaked table cannot be replayed as cookies.
 */

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function cookieOptions(ctx: Context, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    secure: ctx.auth.secure,
    sameSite: 'lax',
    path: '/',
    ...(maxAgeMs === undefined ? {} : { maxAge: Math.floor(maxAgeMs / 1000) }),
  };
}

/** Starts a session for a user who just proved who they are, and sets the cookie. */
export async function startSession(ctx: Context, userId: string): Promise<string> {
  const token = newSessionToken();
  const now = ctx.now();
  const id = await insertSession(ctx.db, {
    userId,
    tokenHash: hashToken(token),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ctx.auth.absoluteTimeoutMs),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  ctx.cookies.set(ctx.auth.cookieName, token, cookieOptions(ctx, ctx.auth.absoluteTimeoutMs));
  return id;
}

export function clearSessionCookie(ctx: Context): void {
  ctx.cookies.clear(ctx.auth.cookieName, cookieOptions(ctx));
}

/**
 * Cookie token -> signed-in user, or null. An expired session (idle or absolute) or one of
 * a deactivated user is deleted on sight and its cookie cleared.
 */
export async function resolveSession(ctx: Context, token: string): Promise<SessionUser | null> {
  if (token.length > 200) {
    clearSessionCookie(ctx);
    return null;
  }
  const row = await findSessionByTokenHash(ctx.db, hashToken(token));
  if (!row) {
    clearSessionCookie(ctx);
    return null;
  }
  const now = ctx.now().getTime();
  const idle = now - row.lastSeenAt.getTime() > ctx.auth.idleTimeoutMs;
  const absolute =
    now >= row.expiresAt.getTime() || now - row.createdAt.getTime() > ctx.auth.absoluteTimeoutMs;
  if (idle || absolute || !row.user.active) {
    await deleteSession(ctx.db, row.id);
    clearSessionCookie(ctx);
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(ctx.db, row.id, ctx.now());
  }
  return {
    id: row.user.id,
    username: row.user.username,
    fullName: row.user.fullName,
    role: row.user.role,
    districtId: row.user.districtId,
    schoolId: row.user.schoolId,
    sessionId: row.id,
    mustChangePassword: row.user.mustChangePassword,
    me: row.me,
  };
}
