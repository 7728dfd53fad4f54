import { insertFollowUp, upsertObservation } from '@siklus/db';
import {
  createTestDb,
  makeCycle,
  makeRubricVersion,
  makeSchool,
  makeUser,
  type TestDb,
} from '@siklus/db/testing';
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

// 12 March 2026, 10:00 WIB.
const NOW = new Date('2026-03-12T03:00:00.000Z');
const SCORES = { A1: 2, A2: 3, B1: 2, B2: 4 };

/** A school of district A with its own principal, so its counts are the test's alone. */
async function freshSchool() {
  const school = await makeSchool(testDb.db, { district_id: w.districtA.id });
  const principal = await makeUser(testDb.db, {
    role: 'principal',
    district_id: w.districtA.id,
    school_id: school.id,
  });
  return { school, principal, caller: callerFor(testDb.db, principal, { now: () => NOW }) };
}

const home = async (caller: ReturnType<typeof callerFor>) => caller.home.get();

async function observe(cycleId: string, teacherId: string) {
  await upsertObservation(testDb.db, {
    districtId: w.districtA.id,
    cycleId,
    teacherId,
    observerId: null,
    observedOn: null,
    notes: null,
    percentage: '68.75',
    band: 'Cukup',
    scores: SCORES,
  });
}

async function followUp(
  made: Awaited<ReturnType<typeof makeStudyWithCycle>>,
  schoolId: string,
  teacherIndex: number,
  dueOn: string,
) {
  return insertFollowUp(testDb.db, {
    districtId: w.districtA.id,
    schoolId,
    studyId: made.study.id,
    cycleId: made.cycle.id,
    teacherId: made.teachers[teacherIndex]!.id,
    indicatorKeys: ['A1'],
    actions: 'Latihan bersama KKG',
    support: 'kkg',
    supportTeacherId: null,
    dueOn,
    carriedFromId: null,
    createdBy: null,
  });
}

describe("the principal's home", () => {
  test('without a study: start one', async () => {
    const { caller } = await freshSchool();
    const h = await home(caller);
    expect(h).toMatchObject({ role: 'principal', today: '2026-03-12', study: null });
    if (h.role !== 'principal') throw new Error('principal home expected');
    expect(h.steps).toEqual([{ kind: 'no-study' }]);
  });

  test('the study, the cycle, who is not yet observed, a returned cycle and plans falling due', async () => {
    const { school, caller } = await freshSchool();
    const made = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: school.id,
      teachers: 6,
    });
    for (const t of made.teachers.slice(0, 3)) await observe(made.cycle.id, t.id);

    let h = await home(caller);
    if (h.role !== 'principal') throw new Error('principal home expected');
    expect(h.study).toMatchObject({
      id: made.study.id,
      cycle: { id: made.cycle.id, status: 'draft', observed: 3, roster: 6 },
    });
    expect(h.steps).toEqual([
      {
        kind: 'unobserved',
        cycleId: made.cycle.id,
        label: { id: 'Kondisi Awal', en: 'Baseline' },
        missing: 3,
        roster: 6,
      },
    ]);

    // Returned by the supervisor, with plans due yesterday, today + 7 and today + 8.
    await testDb.db
      .updateTable('cycles')
      .set({
        status: 'returned',
        review_comment: 'Lengkapi refleksi',
        reviewed_at: new Date('2026-03-10T02:00:00Z'),
      })
      .where('id', '=', made.cycle.id)
      .execute();
    const overdue = await followUp(made, school.id, 0, '2026-03-11');
    const soon = await followUp(made, school.id, 1, '2026-03-19');
    await followUp(made, school.id, 2, '2026-03-20');

    h = await home(caller);
    if (h.role !== 'principal') throw new Error('principal home expected');
    expect(h.steps.map((s) => s.kind)).toEqual([
      'returned',
      'unobserved',
      'follow-up',
      'follow-up',
    ]);
    expect(h.steps[0]).toEqual({
      kind: 'returned',
      cycleId: made.cycle.id,
      label: { id: 'Kondisi Awal', en: 'Baseline' },
    });
    expect(h.steps.slice(2)).toEqual([
      {
        kind: 'follow-up',
        followUpId: overdue.id,
        cycleId: made.cycle.id,
        teacherName: made.teachers[0]!.name,
        dueOn: '2026-03-11',
        state: 'overdue',
      },
      {
        kind: 'follow-up',
        followUpId: soon.id,
        cycleId: made.cycle.id,
        teacherName: made.teachers[1]!.name,
        dueOn: '2026-03-19',
        state: 'due-soon',
      },
    ]);
  });

  test('waiting for review counts calendar days; approved asks for the next cycle', async () => {
    const { school, caller } = await freshSchool();
    const made = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: school.id,
      teachers: 1,
    });
    await observe(made.cycle.id, made.teachers[0]!.id);
    let h = await home(caller);
    if (h.role !== 'principal') throw new Error('principal home expected');
    expect(h.steps.map((s) => s.kind)).toEqual(['submit']);

    await testDb.db
      .updateTable('cycles')
      // 23:30 WIB on 1 March: eleven calendar days before 12 March.
      .set({ status: 'submitted', submitted_at: new Date('2026-03-01T16:30:00Z') })
      .where('id', '=', made.cycle.id)
      .execute();
    h = await home(caller);
    if (h.role !== 'principal') throw new Error('principal home expected');
    expect(h.steps).toMatchObject([{ kind: 'waiting-review', days: 11 }]);

    await testDb.db
      .updateTable('cycles')
      .set({ status: 'approved', approved_at: NOW })
      .where('id', '=', made.cycle.id)
      .execute();
    h = await home(caller);
    if (h.role !== 'principal') throw new Error('principal home expected');
    expect(h.steps).toEqual([
      { kind: 'next-cycle', studyId: made.study.id, label: { id: 'Siklus I', en: 'Cycle I' } },
    ]);
  });
});

describe("the supervisor's home", () => {
  test('submissions oldest first with days waiting, returned cycles, schools without a study, overdue plans; nothing of another district', async () => {
    const a = await freshSchool();
    const b = await freshSchool();
    const older = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: a.school.id,
      status: 'submitted',
      teachers: 2,
    });
    await testDb.db
      .updateTable('cycles')
      .set({ submitted_at: new Date('2026-02-01T01:00:00Z') })
      .where('id', '=', older.cycle.id)
      .execute();
    const newer = await makeCycle(testDb.db, {
      study_id: older.study.id,
      ordinal: 1,
      status: 'submitted',
      submitted_at: new Date('2026-03-01T16:30:00Z'),
    });
    const returned = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: b.school.id,
      status: 'returned',
      teachers: 1,
    });
    await testDb.db
      .updateTable('cycles')
      .set({ reviewed_at: new Date('2026-03-09T05:00:00Z') })
      .where('id', '=', returned.cycle.id)
      .execute();
    const late = await followUp(older, a.school.id, 0, '2026-03-10');
    await followUp(older, a.school.id, 1, '2026-03-12');

    const supervisor = callerFor(testDb.db, w.users.supervisor, { now: () => NOW });
    const h = await home(supervisor);
    if (h.role !== 'supervisor') throw new Error('supervisor home expected');
    expect(h.waiting.total).toBe(2);
    expect(h.waiting.items.map((i) => [i.cycleId, i.daysWaiting])).toEqual([
      [older.cycle.id, 39],
      [newer.id, 11],
    ]);
    // Returned longest ago first (another test's cycle was returned a day later).
    expect(h.returned.items[0]).toMatchObject({
      cycleId: returned.cycle.id,
      schoolId: b.school.id,
      daysSince: 3,
    });
    const noStudy = h.schoolsWithoutStudy.items.map((s) => s.schoolId);
    expect(noStudy).toContain(w.schoolA2.id);
    expect(noStudy).not.toContain(a.school.id);
    // (Other tests of this file leave overdue plans in other schools.)
    expect(h.overdueFollowUps.items.filter((f) => f.schoolId === a.school.id)).toEqual([
      {
        id: late.id,
        schoolId: a.school.id,
        schoolName: a.school.name,
        cycleId: newer.id,
        teacherName: older.teachers[0]!.name,
        dueOn: '2026-03-10',
        daysOverdue: 2,
      },
    ]);
    expect(h.overdueFollowUps.bySchool).toContainEqual({
      schoolId: a.school.id,
      schoolName: a.school.name,
      open: 2,
      overdue: 1,
    });

    // In WIT the same submission was made on 2 March: ten calendar days.
    await testDb.db
      .updateTable('districts')
      .set({ time_zone: 'Asia/Jayapura' })
      .where('id', '=', w.districtA.id)
      .execute();
    try {
      const wit = await home(supervisor);
      if (wit.role !== 'supervisor') throw new Error('supervisor home expected');
      expect(wit.waiting.items[1]!.daysWaiting).toBe(10);
    } finally {
      await testDb.db
        .updateTable('districts')
        .set({ time_zone: 'Asia/Jakarta' })
        .where('id', '=', w.districtA.id)
        .execute();
    }

    const other = await home(callerFor(testDb.db, w.users.supervisorOther, { now: () => NOW }));
    if (other.role !== 'supervisor') throw new Error('supervisor home expected');
    expect(other.waiting.total).toBe(0);
    expect(other.returned.total).toBe(0);
    expect(other.overdueFollowUps.total).toBe(0);
    expect(other.schoolsWithoutStudy.items.map((s) => s.schoolId)).toEqual([w.schoolB1.id]);
  });
});

describe("the admin's home", () => {
  test('configuration drafts and accounts silent for 90 days, of their own district only', async () => {
    const draft = await makeRubricVersion(testDb.db, {
      district_id: w.districtA.id,
      name: 'Instrumen Draf Uji',
      status: 'draft',
    });
    const recent = await makeUser(testDb.db, { role: 'supervisor', district_id: w.districtA.id });
    const silent = await makeUser(testDb.db, { role: 'supervisor', district_id: w.districtA.id });
    await testDb.db
      .insertInto('audit_log')
      .values([
        {
          district_id: w.districtA.id,
          user_id: recent.id,
          action: 'auth.login',
          created_at: new Date('2026-03-01T00:00:00Z'),
        },
        {
          district_id: w.districtA.id,
          user_id: silent.id,
          action: 'auth.login',
          created_at: new Date('2025-11-01T00:00:00Z'),
        },
      ])
      .execute();

    const h = await home(callerFor(testDb.db, w.users.admin, { now: () => NOW }));
    if (h.role !== 'admin') throw new Error('admin home expected');
    expect(h.configDrafts).toContainEqual(
      expect.objectContaining({ kind: 'rubric', versionId: draft.id, name: 'Instrumen Draf Uji' }),
    );
    const inactive = h.inactiveAccounts.items;
    const ids = inactive.map((u) => u.userId);
    expect(ids).not.toContain(recent.id);
    expect(inactive.find((u) => u.userId === silent.id)?.lastSignInAt).toBe(
      '2025-11-01T00:00:00.000Z',
    );
    // Never signed in comes first.
    expect(inactive[0]!.lastSignInAt).toBeNull();
    expect(h.inactiveAccounts.afterDays).toBe(90);

    const other = await home(callerFor(testDb.db, w.users.adminOther, { now: () => NOW }));
    if (other.role !== 'admin') throw new Error('admin home expected');
    expect(other.configDrafts.map((d) => d.versionId)).not.toContain(draft.id);
    expect(other.inactiveAccounts.items.map((u) => u.userId)).not.toContain(silent.id);
  });
});
