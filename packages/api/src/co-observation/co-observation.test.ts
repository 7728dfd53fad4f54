import { createTestDb, makeTeacher, makeUser, type TestDb } from '@siklus/db/testing';
import type { AppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { callerFor } from '../testing/callers';
import { makeWorld, type World } from '../testing/world';

let testDb: TestDb;
let w: World;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

async function failure(call: Promise<unknown>): Promise<{ code: string; app: AppError }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  return { code: trpc.code, app: trpc.cause as AppError };
}

/** A fresh cycle of school A1 with one teacher, and a pair opened by its principal. */
async function openPair() {
  const { cycle, teachers } = await makeStudyWithCycle(testDb.db, {
    districtId: w.districtA.id,
    schoolId: w.schoolA1.id,
    teachers: 1,
  });
  const { id } = await w.as('principalOwn').coObservation.create({
    cycleId: cycle.id,
    teacherId: teachers[0]!.id,
    secondObserverId: w.users.supervisor.id,
  });
  return { id, cycleId: cycle.id, teacherId: teachers[0]!.id };
}

const PRINCIPAL_SCORES = { A1: 4, A2: 4, B1: 3, B2: 4 }; // 15/16 = 93.75, Sangat Baik
const SUPERVISOR_SCORES = { A1: 3, A2: 3, B1: 3, B2: 3 }; // 12/16 = 75.00, Baik

describe('independence: neither sees the other until both are saved', () => {
  test('the supervisor cannot see the principal’s scores before saving their own', async () => {
    const { id } = await openPair();
    const principal = w.as('principalOwn');
    const supervisor = w.as('supervisor');

    const saved = await principal.coObservation.save({
      coObservationId: id,
      kind: 'indicators',
      scores: PRINCIPAL_SCORES,
    });
    expect(saved).toEqual({
      side: 'first',
      percentage: '93.75',
      band: 'Sangat Baik',
      complete: false,
    });

    const seenBySupervisor = await supervisor.coObservation.get({ coObservationId: id });
    expect(seenBySupervisor.mySide).toBe('second');
    expect(seenBySupervisor.saved).toEqual({ first: true, second: false });
    expect(seenBySupervisor.sheets).toEqual({ first: null, second: null });
    expect(seenBySupervisor.agreement).toBeNull();
    // Not even the percentage or band leaks through the lists.
    const listed = await supervisor.coObservation.list({ cycleId: seenBySupervisor.cycleId });
    expect(JSON.stringify(listed)).not.toContain('93.75');
    expect(JSON.stringify(await supervisor.coObservation.mine())).not.toContain('93.75');

    // A district reader who is not an observer sees nothing either.
    const admin = await w.as('admin').coObservation.get({ coObservationId: id });
    expect(admin.sheets).toEqual({ first: null, second: null });

    // The principal sees their own sheet.
    const own = await principal.coObservation.get({ coObservationId: id });
    expect(own.sheets.first).toMatchObject({ percentage: '93.75', band: 'Sangat Baik' });
    expect(own.sheets.second).toBeNull();

    const done = await supervisor.coObservation.save({
      coObservationId: id,
      kind: 'indicators',
      scores: SUPERVISOR_SCORES,
    });
    expect(done).toMatchObject({ side: 'second', percentage: '75.00', complete: true });

    const after = await principal.coObservation.get({ coObservationId: id });
    expect(after.locked).toBe(true);
    expect(after.sheets.second).toMatchObject({
      input: { kind: 'indicators', scores: SUPERVISOR_SCORES },
      percentage: '75.00',
      band: 'Baik',
    });
    expect(after.agreement).toMatchObject({
      compared: 4,
      exactShare: '25.00',
      adjacentShare: '100.00',
      difference: '18.75',
      firstBand: 'Sangat Baik',
      secondBand: 'Baik',
      bandSteps: 1,
    });
  });

  test('the principal cannot see the co-observer’s scores before saving their own', async () => {
    const { id } = await openPair();
    await w.as('supervisor').coObservation.save({
      coObservationId: id,
      kind: 'indicators',
      scores: SUPERVISOR_SCORES,
    });
    const seen = await w.as('principalOwn').coObservation.get({ coObservationId: id });
    expect(seen.mySide).toBe('first');
    expect(seen.saved).toEqual({ first: false, second: true });
    expect(seen.sheets).toEqual({ first: null, second: null });
    expect(JSON.stringify(seen)).not.toContain('75.00');
  });

  test('both saved: the pair is locked for both observers', async () => {
    const { id } = await openPair();
    const input = { coObservationId: id, kind: 'indicators' as const };
    await w.as('principalOwn').coObservation.save({ ...input, scores: PRINCIPAL_SCORES });
    await w.as('supervisor').coObservation.save({ ...input, scores: SUPERVISOR_SCORES });
    for (const actor of ['principalOwn', 'supervisor'] as const) {
      const { code, app } = await failure(
        w.as(actor).coObservation.save({ ...input, scores: SUPERVISOR_SCORES }),
      );
      expect(code).toBe('CONFLICT');
      expect(app.messages.id).toContain('dikunci');
    }
  });

  test('an observer may correct their own sheet while the other has not saved', async () => {
    const { id } = await openPair();
    const principal = w.as('principalOwn');
    await principal.coObservation.save({
      coObservationId: id,
      kind: 'indicators',
      scores: SUPERVISOR_SCORES,
    });
    await principal.coObservation.save({
      coObservationId: id,
      kind: 'indicators',
      scores: PRINCIPAL_SCORES,
    });
    const seen = await principal.coObservation.get({ coObservationId: id });
    expect(seen.sheets.first?.percentage).toBe('93.75');
  });

  test('two last saves at once: exactly one pair of sheets, and both complete it', async () => {
    const { id } = await openPair();
    const input = { coObservationId: id, kind: 'indicators' as const };
    const results = await Promise.allSettled([
      w.as('principalOwn').coObservation.save({ ...input, scores: PRINCIPAL_SCORES }),
      w.as('supervisor').coObservation.save({ ...input, scores: SUPERVISOR_SCORES }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const completes = results.map((r) => (r.status === 'fulfilled' ? r.value.complete : null));
    // Serialised on the pair's row: one save finds the other's sheet and completes the pair.
    expect(completes.filter(Boolean)).toHaveLength(1);
  });
});

describe('scope', () => {
  test('a principal never sees another school’s pairs', async () => {
    const { id, cycleId } = await openPair();
    expect(
      (await failure(w.as('principalOther').coObservation.get({ coObservationId: id }))).code,
    ).toBe('FORBIDDEN');
    expect((await failure(w.as('principalOther').coObservation.list({ cycleId }))).code).toBe(
      'FORBIDDEN',
    );
    const principalB = callerFor(testDb.db, w.principalB);
    expect((await failure(principalB.coObservation.get({ coObservationId: id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await principalB.coObservation.mine()).toEqual([]);
  });

  test('an observer outside the pair cannot save into it', async () => {
    const { id } = await openPair();
    const deputy = await makeUser(testDb.db, {
      role: 'principal',
      district_id: w.districtA.id,
      school_id: w.schoolA1.id,
    });
    const { code } = await failure(
      callerFor(testDb.db, deputy).coObservation.save({
        coObservationId: id,
        kind: 'indicators',
        scores: SUPERVISOR_SCORES,
      }),
    );
    expect(code).toBe('FORBIDDEN');
  });

  test('the second observer must be a supervisor of the district or an account of the school', async () => {
    const { cycle, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
      teachers: 1,
    });
    const base = { cycleId: cycle.id, teacherId: teachers[0]!.id };
    const principal = w.as('principalOwn');
    for (const secondObserverId of [
      w.users.principalOther.id, // another school's principal
      w.users.supervisorOther.id, // another district's supervisor
      w.users.admin.id,
      w.users.principalOwn.id, // oneself
    ]) {
      const { code, app } = await failure(
        principal.coObservation.create({ ...base, secondObserverId }),
      );
      expect(code).toBe('BAD_REQUEST');
      expect(app.field).toBe('secondObserverId');
    }
    // A teacher of another school is refused too.
    const elsewhere = await makeTeacher(testDb.db, {
      district_id: w.districtA.id,
      school_id: w.schoolA2.id,
    });
    const { app } = await failure(
      w.as('supervisor').coObservation.create({ ...base, teacherId: elsewhere.id }),
    );
    expect(app.field).toBe('teacherId');
  });

  test('a supervisor opening a pair observes second, with the school’s principal first', async () => {
    const { cycle, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
      teachers: 1,
    });
    const { id } = await w
      .as('supervisor')
      .coObservation.create({ cycleId: cycle.id, teacherId: teachers[0]!.id });
    const pair = await w.as('principalOwn').coObservation.get({ coObservationId: id });
    expect(pair.firstObserver.id).toBe(w.users.principalOwn.id);
    expect(pair.secondObserver.id).toBe(w.users.supervisor.id);
    expect(pair.mySide).toBe('first');
  });
});

describe('calibration', () => {
  test('ranks principals by agreement and bias, and draws no verdict below the minimum', async () => {
    // Five completed pairs in which the principal scores 18.75 or 12.50 points higher.
    for (let i = 0; i < 5; i++) {
      const { id } = await openPair();
      await w.as('principalOwn').coObservation.save({
        coObservationId: id,
        kind: 'indicators',
        scores: i % 2 === 0 ? PRINCIPAL_SCORES : { A1: 4, A2: 4, B1: 3, B2: 3 },
      });
      await w.as('supervisor').coObservation.save({
        coObservationId: id,
        kind: 'indicators',
        scores: SUPERVISOR_SCORES,
      });
    }
    const rows = await w.as('supervisor').coObservation.calibration({});
    const own = rows.find((r) => r.observerId === w.users.principalOwn.id);
    expect(own).toBeDefined();
    expect(own!.schoolId).toBe(w.schoolA1.id);
    expect(own!.pairs).toBeGreaterThanOrEqual(5);
    expect(own!.verdict).toBe('check');
    expect(own!.message.id).toContain('lebih tinggi');
    expect(own!.message.id).toContain('Perlu dicek');
    // The same figures, but the bar raised above the pairs there are: no verdict.
    const strict = await w.as('supervisor').coObservation.calibration({ minPairs: 99 });
    expect(strict.find((r) => r.observerId === w.users.principalOwn.id)?.verdict).toBe(
      'too-few-pairs',
    );
    // Another district's supervisor sees none of it.
    expect(await w.as('supervisorOther').coObservation.calibration({})).toEqual([]);
  });
});
