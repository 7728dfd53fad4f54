import { clearThrottle, getThrottles, recordThrottleFailure } from '@siklus/db';
import { AppError } from '@siklus/domain';
import type { Context } from '../context';

/**
 * Slows repeated failed sign-ins, per account and per address. After FREE_FAILURES the key
 * is locked for a time that doubles with each further failure, up to MAX_LOCK_MS. A quiet
 * WINDOW_MS forgets old failures. Addresses get more room than accounts: a school's staff
 * often share one NAT address.
 */
export const THROTTLE = {
  accountFreeFailures: 5,
  addressFreeFailures: 20,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 60 * 60_000,
} as const;

export function accountKey(login: string): string {
  return `account:${login.trim().toLowerCase()}`;
}
export function addressKey(ip: string): string {
  return `address:${ip}`;
}

function keysOf(ctx: Context, login: string) {
  const keys: { key: string; free: number }[] = [
    { key: accountKey(login), free: THROTTLE.accountFreeFailures },
  ];
  if (ctx.ip) keys.push({ key: addressKey(ctx.ip), free: THROTTLE.addressFreeFailures });
  return keys;
}

export function lockDuration(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.baseLockMs * 2 ** (failures - free), THROTTLE.maxLockMs);
}

export function tooManyAttempts(retryMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryMs / 60_000));
  return new AppError(
    'TOO_MANY_REQUESTS',
    {
      id: `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`,
      en: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    },
    { details: { retryAfterSeconds: Math.ceil(retryMs / 1000) } },
  );
}

/** Throws TOO_MANY_REQUESTS while the account or the address is locked. */
export async function assertNotThrottled(ctx: Context, login: string): Promise<void> {
  const now = ctx.now().getTime();
  const rows = await getThrottles(
    ctx.db,
    keysOf(ctx, login).map((k) => k.key),
  );
  const lockedUntil = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (lockedUntil > now) throw tooManyAttempts(lockedUntil - now);
}

export async function recordFailure(ctx: Context, login: string): Promise<void> {
  for (const { key, free } of keysOf(ctx, login)) {
    await recordThrottleFailure(ctx.db, {
      key,
      now: ctx.now(),
      windowMs: THROTTLE.windowMs,
      lockMs: (failures) => lockDuration(failures, free),
    });
  }
}

/** A successful sign-in forgets the account's failures (the address keeps its own). */
export async function recordSuccess(ctx: Context, login: string): Promise<void> {
  await clearThrottle(ctx.db, accountKey(login));
}
