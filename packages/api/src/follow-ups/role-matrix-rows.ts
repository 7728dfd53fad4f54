import { insertFollowUp, upsertObservation } from '@siklus/db';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { EXPECT, type MatrixRow } from '../testing/matrix';
import type { World } from '../testing/world';

/*
 * The follow-up plans' and the homes' rows of the role matrix (spread into MATRIX in
 * role-matrix.test.ts). Plans live in school A1; its principal writes and closes them.
 */

const SCORES = { A1: 2, A2: 3, B1: 2, B2: 4 };

/** A fresh cycle of school A1 whose first teacher is observed. */
export async function observedCycle(w: World) {
  const made = await makeStudyWithCycle(w.db, {
    districtId: w.districtA.id,
    schoolId: w.schoolA1.id,
    teachers: 2,
  });
  await upsertObservation(w.db, {
    districtId: w.districtA.id,
    cycleId: made.cycle.id,
    teacherId: made.teachers[0]!.id,
    observerId: w.users.principalOwn.id,
    observedOn: null,
    notes: null,
    percentage: '68.75',
    band: 'Cukup',
    scores: SCORES,
  });
  return made;
}

/** An open plan of school A1 (written from a fresh observed cycle). */
export async function freshFollowUp(w: World) {
  const made = await observedCycle(w);
  const row = await insertFollowUp(w.db, {
    districtId: w.districtA.id,
    schoolId: w.schoolA1.id,
    studyId: made.study.id,
    cycleId: made.cycle.id,
    teacherId: made.teachers[0]!.id,
    indicatorKeys: ['A1', 'B1'],
    actions: 'Latihan merumuskan tujuan bersama guru sejawat',
    support: 'principal',
    supportTeacherId: null,
    dueOn: '2026-03-12',
    carriedFromId: null,
    createdBy: w.users.principalOwn.id,
  });
  return { ...made, id: row.id };
}

export const FOLLOW_UP_MATRIX_ROWS: Record<string, MatrixRow> = {
  'followUps.forCycle': {
    input: async (w) => ({ cycleId: (await freshFollowUp(w)).cycle.id }),
    expect: EXPECT.schoolRead,
  },
  'followUps.school': { input: (w) => ({ schoolId: w.schoolA1.id }), expect: EXPECT.schoolRead },
  'followUps.create': {
    input: async (w) => {
      const { cycle, teachers } = await observedCycle(w);
      return {
        cycleId: cycle.id,
        teacherId: teachers[0]!.id,
        indicatorKeys: ['A1'],
        actions: 'Menyusun tujuan pembelajaran bersama',
        support: 'kkg',
        dueOn: '2026-03-12',
      };
    },
    expect: EXPECT.principalOwnSchool,
  },
  'followUps.close': {
    input: async (w) => ({ followUpId: (await freshFollowUp(w)).id, outcome: 'done' }),
    expect: EXPECT.principalOwnSchool,
  },
  'home.get': { input: () => undefined, expect: EXPECT.authed },
};
