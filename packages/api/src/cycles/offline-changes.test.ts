import { createTestDb, type TestDb } from '@siklus/db/testing';
import type { AppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeWorld, type World } from '../testing/world';
import { makeStudyWithCycle } from './pts-fixtures';

/*
 * What a device's outbox relies on (decision 024): a save sent twice with the same change
 * id (the first answer lost to a timeout) is stored once, and a save based on a version
 * someone else has moved on conflicts instead of overwriting.
 */

let testDb: TestDb;
let w: World;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

async function stored(cycleId: string) {
  const { rows } = await sql<{ observations: number; saves: number; version: number }>`
    select (select count(*)::int from observations where cycle_id = ${cycleId}) as observations,
           (select count(*)::int from audit_log
             where action = 'observation.save' and after->>'cycleId' = ${cycleId}) as saves,
           (select version from cycles where id = ${cycleId}) as version`.execute(testDb.db);
  return rows[0]!;
}

describe('saves from an outbox', () => {
  test('a change sent twice (the first answer lost) is stored once and answered the same', async () => {
    const { cycle, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const principal = w.as('principalOwn');
    const change = {
      cycleId: cycle.id,
      version: 1,
      teacherId: teachers[0]!.id,
      kind: 'indicators' as const,
      scores: { A1: 3, A2: 4, B1: 2, B2: 3 },
      changeId: '0b6d2f5e-4c1a-4f7e-9d3b-1a2b3c4d5e6f',
    };
    const first = await principal.cycles.upsertObservation(change);
    const again = await principal.cycles.upsertObservation(change);
    expect(again).toEqual(first);
    expect(first.version).toBe(2);
    expect(first.observation.percentage).toBe('75.00');
    expect(await stored(cycle.id)).toEqual({ observations: 1, saves: 1, version: 2 });

    // A new change of the same sheet (another id) is a new save on the version it read.
    const next = await principal.cycles.upsertObservation({
      ...change,
      version: 2,
      scores: { A1: 4, A2: 4, B1: 4, B2: 4 },
      changeId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    });
    expect(next.version).toBe(3);
    expect(await stored(cycle.id)).toEqual({ observations: 1, saves: 2, version: 3 });
    // The first change sent yet again still answers what it wrote then, and changes nothing.
    expect(await principal.cycles.upsertObservation(change)).toEqual(first);
    const got = await principal.cycles.get({ cycleId: cycle.id });
    expect(got.observations.map((o) => o.percentage)).toEqual(['100.00']);
  });

  test('a change based on a version someone else moved on conflicts and writes nothing', async () => {
    const { cycle, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const principal = w.as('principalOwn');
    // Another session saves the same teacher meanwhile.
    await principal.cycles.upsertObservation({
      cycleId: cycle.id,
      version: 1,
      teacherId: teachers[0]!.id,
      kind: 'indicators',
      scores: { A1: 1, A2: 1, B1: 1, B2: 1 },
    });
    const error = await principal.cycles
      .upsertObservation({
        cycleId: cycle.id,
        version: 1,
        teacherId: teachers[0]!.id,
        kind: 'indicators',
        scores: { A1: 4, A2: 4, B1: 4, B2: 4 },
        changeId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('CONFLICT');
    expect(((error as TRPCError).cause as AppError).details).toEqual({ currentVersion: 2 });
    expect(await stored(cycle.id)).toEqual({ observations: 1, saves: 1, version: 2 });
    const got = await principal.cycles.get({ cycleId: cycle.id });
    expect(got.observations.map((o) => o.percentage)).toEqual(['25.00']);
    // Nothing remembered the refused change: sent again on the new version, it is stored.
    const rebased = await principal.cycles.upsertObservation({
      cycleId: cycle.id,
      version: 2,
      teacherId: teachers[0]!.id,
      kind: 'indicators',
      scores: { A1: 4, A2: 4, B1: 4, B2: 4 },
      changeId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    });
    expect(rebased.version).toBe(3);
  });

  test('a change id repeated on another cycle is not taken for a repeat', async () => {
    const own = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const changeId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    await w.as('principalOwn').cycles.upsertObservation({
      cycleId: own.cycle.id,
      version: 1,
      teacherId: own.teachers[0]!.id,
      kind: 'indicators',
      scores: { A1: 2, A2: 2, B1: 2, B2: 2 },
      changeId,
    });
    // The same id on another cycle is not a repeat of the first: that save is written as
    // itself, never answered with the first's sheet.
    const other = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const saved = await w.as('principalOwn').cycles.upsertObservation({
      cycleId: other.cycle.id,
      version: 1,
      teacherId: other.teachers[0]!.id,
      kind: 'indicators',
      scores: { A1: 4, A2: 4, B1: 4, B2: 4 },
      changeId,
    });
    expect(saved.observation.teacherId).toBe(other.teachers[0]!.id);
    expect(await stored(other.cycle.id)).toEqual({ observations: 1, saves: 1, version: 2 });
    const got = await w.as('principalOwn').cycles.get({ cycleId: other.cycle.id });
    expect(got.observations.map((o) => o.percentage)).toEqual(['100.00']);
  });
});
