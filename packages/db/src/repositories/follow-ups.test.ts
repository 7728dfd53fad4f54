import { daysBetweenDates, followUpDueState, type TFollowUpStatus } from '@siklus/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, makeCycle, makeTeacher, type TestDb } from '../testing';
import { followUpCountsBySchool, insertFollowUp, listDueFollowUps } from './follow-ups';

/*
 * The SQL that selects and counts plans by due date compares dates only, with the district's
 * today given by the caller; it must agree with the domain's followUpDueState on every plan.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

const TODAY = '2026-03-12';
const plusDays = (days: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('due and overdue plans (SQL) agree with followUpDueState (domain)', () => {
  it('for any mix of due dates and statuses', async () => {
    const cycle = await makeCycle(t.db);
    const school = await t.db
      .selectFrom('studies as s')
      .innerJoin('schools as sch', 'sch.id', 's.school_id')
      .select(['sch.id', 'sch.name', 'sch.district_id'])
      .where('s.id', '=', cycle.study_id)
      .executeTakeFirstOrThrow();
    const teacher = await makeTeacher(t.db, {
      district_id: school.district_id,
      school_id: school.id,
    });
    const plan = fc.record({
      offset: fc.integer({ min: -40, max: 40 }),
      status: fc.constantFrom<TFollowUpStatus>('open', 'open', 'done', 'carried'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(plan, { minLength: 1, maxLength: 12 }), async (plans) => {
        await t.db.deleteFrom('follow_up_plans').where('school_id', '=', school.id).execute();
        for (const p of plans) {
          const row = await insertFollowUp(t.db, {
            districtId: school.district_id,
            schoolId: school.id,
            studyId: cycle.study_id,
            cycleId: cycle.id,
            teacherId: teacher.id,
            indicatorKeys: [],
            actions: 'Tindakan',
            support: 'kkg',
            supportTeacherId: null,
            dueOn: plusDays(p.offset),
            carriedFromId: null,
            createdBy: null,
          });
          if (p.status !== 'open') {
            await t.db
              .updateTable('follow_up_plans')
              .set({ status: p.status, closed_at: new Date() })
              .where('id', '=', row.id)
              .execute();
          }
        }
        const states = plans.map((p) =>
          followUpDueState({ status: p.status, dueOn: plusDays(p.offset) }, TODAY),
        );
        const counts = await followUpCountsBySchool(t.db, {
          districtId: school.district_id,
          today: TODAY,
        });
        const open = plans.filter((p) => p.status === 'open').length;
        const overdue = states.filter((s) => s === 'overdue').length;
        expect(counts).toEqual(
          open === 0 ? [] : [{ schoolId: school.id, schoolName: school.name, open, overdue }],
        );
        // Due by today + 7: exactly the overdue and due-soon ones, earliest first.
        const due = await listDueFollowUps(t.db, {
          districtId: school.district_id,
          dueOnOrBefore: plusDays(7),
          limit: 100,
        });
        expect(due.total).toBe(states.filter((s) => s !== null).length);
        const dates = due.items.map((i) => i.dueOn);
        expect(dates).toEqual([...dates].sort());
        for (const d of dates) expect(daysBetweenDates(TODAY, d)).toBeLessThanOrEqual(7);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
