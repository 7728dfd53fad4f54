import { isAppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { Actor, World } from './world';

/**
 * The role x procedure matrix's vocabulary. Each procedure gets one row: how to build a
 * valid input aimed at district A / school A1 for a given actor, and what each actor gets.
 */

export type Outcome = 'ok' | TRPCError['code'];
export type Expectation = Record<Actor, Outcome>;

export interface MatrixRow {
  /** A valid input targeting school A1 / district A; may create fresh rows per call. */
  input: (w: World, actor: Actor) => unknown | Promise<unknown>;
  expect: Expectation;
}

const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
const U = 'UNAUTHORIZED' as const;

/** The usual expectations; spread one and override a cell when a procedure differs. */
export const EXPECT = {
  /** Anyone, signed in or not. */
  public: {
    anon: 'ok',
    principalOwn: 'ok',
    principalOther: 'ok',
    supervisor: 'ok',
    supervisorOther: 'ok',
    admin: 'ok',
    adminOther: 'ok',
  },
  /** Any signed-in user, about themselves or their own scope (no target id). */
  authed: {
    anon: U,
    principalOwn: 'ok',
    principalOther: 'ok',
    supervisor: 'ok',
    supervisorOther: 'ok',
    admin: 'ok',
    adminOther: 'ok',
  },
  /** Reading a row of school A1: its principal and the district's supervisors and admins. */
  schoolRead: {
    anon: U,
    principalOwn: 'ok',
    principalOther: F,
    supervisor: 'ok',
    supervisorOther: N,
    admin: 'ok',
    adminOther: N,
  },
  /** Principal-only writes to school A1: only its own principal. */
  principalOwnSchool: {
    anon: U,
    principalOwn: 'ok',
    principalOther: F,
    supervisor: F,
    supervisorOther: F,
    admin: F,
    adminOther: F,
  },
  /** A school's records kept by its principal or the district's admin (the roster). */
  keeperOfSchool: {
    anon: U,
    principalOwn: 'ok',
    principalOther: F,
    supervisor: F,
    supervisorOther: F,
    admin: 'ok',
    adminOther: N,
  },
  /** Supervisor acts on a row of district A (e.g. a review). */
  supervisorInDistrict: {
    anon: U,
    principalOwn: F,
    principalOther: F,
    supervisor: 'ok',
    supervisorOther: N,
    admin: F,
    adminOther: F,
  },
  /** Supervisors and admins reading district-wide (no target id): their own district. */
  districtReaders: {
    anon: U,
    principalOwn: F,
    principalOther: F,
    supervisor: 'ok',
    supervisorOther: 'ok',
    admin: 'ok',
    adminOther: 'ok',
  },
  /** Supervisors and admins on a row of district A. */
  districtReadersInDistrict: {
    anon: U,
    principalOwn: F,
    principalOther: F,
    supervisor: 'ok',
    supervisorOther: N,
    admin: 'ok',
    adminOther: N,
  },
  /** Admin-only, no target id: each admin acts in their own district. */
  admin: {
    anon: U,
    principalOwn: F,
    principalOther: F,
    supervisor: F,
    supervisorOther: F,
    admin: 'ok',
    adminOther: 'ok',
  },
  /** Admin-only on a row of district A. */
  adminInDistrict: {
    anon: U,
    principalOwn: F,
    principalOther: F,
    supervisor: F,
    supervisorOther: F,
    admin: 'ok',
    adminOther: N,
  },
} satisfies Record<string, Expectation>;

/** Calls `path` on a caller (`'schools.get'` -> caller.schools.get(input)). */
export function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>(
    (node, key) =>
      // The caller is a Proxy that answers every key (no `has` trap): ask it, not `in`.
      (typeof node === 'object' || typeof node === 'function') && node !== null
        ? Reflect.get(node, key)
        : undefined,
    caller,
  );
  if (typeof fn !== 'function') throw new Error(`callPath: no procedure ${path}`);
  return Promise.resolve(fn(input));
}

/** Asserts the outcome: success, or a TRPCError of that code carrying a bilingual AppError. */
export async function expectOutcome(call: Promise<unknown>, outcome: Outcome): Promise<void> {
  if (outcome === 'ok') {
    await call;
    return;
  }
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${outcome}, but the call succeeded`).toBeInstanceOf(TRPCError);
  if (!(error instanceof TRPCError)) return;
  expect(error.code).toBe(outcome);
  // The errorFormatter's contract: every refusal carries the bilingual AppError as cause.
  expect(isAppError(error.cause)).toBe(true);
  const messages = isAppError(error.cause) ? error.cause.messages : undefined;
  expect(messages?.id).toBeTruthy();
  expect(messages?.en).toBeTruthy();
}
