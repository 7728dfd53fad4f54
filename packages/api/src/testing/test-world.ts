import type { DB } from '@siklus/db';
import { createTestDb, type TestDb } from '@siklus/db/testing';
import type { AppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { makeWorld, type World } from './world';

/**
 * The set-up every API test file repeats: its own migrated database and `makeWorld`'s two
 * districts and actors, made before the file's tests and destroyed after. Call it at the
 * top of the file; `db` and `w` are there once the tests run.
 */
export function useTestWorld(): { readonly db: Kysely<DB>; readonly w: World } {
  let testDb: TestDb | undefined;
  let world: World | undefined;
  beforeAll(async () => {
    testDb = await createTestDb();
    world = await makeWorld(testDb.db);
  });
  afterAll(async () => {
    await testDb?.destroy();
  });
  const made = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestWorld: read db and w inside a test');
    return value;
  };
  return {
    get db() {
      return made(testDb).db;
    },
    get w() {
      return made(world);
    },
  };
}

/** A call that must be refused: its tRPC code and the AppError behind it. */
export async function failure(call: Promise<unknown>): Promise<{ code: string; app: AppError }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  return { code: trpc.code, app: trpc.cause as AppError };
}
