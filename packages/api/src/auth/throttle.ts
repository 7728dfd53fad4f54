import { releaseSignInAttempt, reserveSignInAttempt, type ThrottleKey } from '@siklus/db';
import { AppError } from '@siklus/domain';
import type { Context } from '../context';

/**
 * Slows repeated sign-ins, per account and per address. Every attempt is reserved before
 * its password is verified (one statement, so parallel attempts cannot all slip past the
 * check: issue 13); after the free attempts the key is locked for a time that doubles with
 * each further attempt, up to maxLockMs. A quiet window forgets old attempts. A success
 * forgets the account's attempts and gives the address its one back. Addresses get more
 * room than accounts: a school's staff often share one NAT address.
 */
export const THROTTLE = {
  accountFreeFailures: 5,
  addressFreeFailures: 20,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 60 * 60_000,
} as const;

/**
 * One key per account, whatever it was called by: its username and its email are one
 * key. A login that names no account is keyed by its text, so guessing names is slowed too.
 */
export function accountKey(account: { userId: string } | { login: string }): string {
  return 'userId' in account
    ? `account:${account.userId}`
    : `login:${account.login.trim().toLowerCase()}`;
}
export function addressKey(ip: string): string {
  return `address:${ip}`;
}

export interface SignInAttempt {
  account: ThrottleKey;
  address: ThrottleKey | null;
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

/**
 * Reserves this attempt on the account and the address, or throws TOO_MANY_REQUESTS while
 * either is locked. Call before verifying the password.
 */
export async function reserveAttempt(
  ctx: Context,
  account: { userId: string } | { login: string },
): Promise<SignInAttempt> {
  const attempt: SignInAttempt = {
    account: { key: accountKey(account), freeAttempts: THROTTLE.accountFreeFailures },
    address: ctx.ip
      ? { key: addressKey(ctx.ip), freeAttempts: THROTTLE.addressFreeFailures }
      : null,
  };
  const now = ctx.now();
  const keys = attempt.address ? [attempt.account, attempt.address] : [attempt.account];
  const result = await reserveSignInAttempt(ctx.db, keys, {
    now,
    windowMs: THROTTLE.windowMs,
    baseLockMs: THROTTLE.baseLockMs,
    maxLockMs: THROTTLE.maxLockMs,
  });
  if (!result.allowed) throw tooManyAttempts(result.lockedUntil.getTime() - now.getTime());
  return attempt;
}

/** A successful sign-in forgets the account's attempts; the address gets its one back. */
export async function attemptSucceeded(ctx: Context, attempt: SignInAttempt): Promise<void> {
  await releaseSignInAttempt(ctx.db, {
    forget: [attempt.account.key],
    giveBack: attempt.address ? [attempt.address] : [],
  });
}
