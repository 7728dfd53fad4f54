import { insertCoObservation } from '@siklus/db';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { EXPECT, type MatrixRow } from '../testing/matrix';
import type { World } from '../testing/world';

/**
 * The co-observation procedures' rows of the role matrix (spread into MATRIX in
 * role-matrix.test.ts). Pairs live in school A1: its principal observes first, district
 * A's supervisor second.
 */

const fresh = (w: World) =>
  makeStudyWithCycle(w.db, { districtId: w.districtA.id, schoolId: w.schoolA1.id, teachers: 1 });

/** A new pair in a fresh cycle of school A1 (principalOwn first, supervisor second). */
export async function freshPair(w: World) {
  const { cycle, teachers } = await fresh(w);
  const row = await insertCoObservation(w.db, {
    districtId: w.districtA.id,
    schoolId: w.schoolA1.id,
    cycleId: cycle.id,
    teacherId: teachers[0]!.id,
    firstObserverId: w.users.principalOwn.id,
    secondObserverId: w.users.supervisor.id,
    observedOn: null,
    createdBy: w.users.principalOwn.id,
  });
  return { cycle, teacher: teachers[0]!, id: row!.id };
}

export const CO_OBSERVATION_MATRIX_ROWS: Record<string, MatrixRow> = {
  'coObservation.create': {
    input: async (w) => {
      const { cycle, teachers } = await fresh(w);
      return {
        cycleId: cycle.id,
        teacherId: teachers[0]!.id,
        secondObserverId: w.users.supervisor.id,
      };
    },
    // Principals of the school and the district's supervisors open pairs; admins do not.
    expect: { ...EXPECT.schoolRead, admin: 'FORBIDDEN' },
  },
  'coObservation.observers': {
    input: async (w) => ({ cycleId: (await fresh(w)).cycle.id }),
    expect: EXPECT.principalOwnSchool,
  },
  'coObservation.list': {
    input: async (w) => ({ cycleId: (await freshPair(w)).cycle.id }),
    expect: EXPECT.schoolRead,
  },
  'coObservation.mine': { input: () => undefined, expect: EXPECT.authed },
  'coObservation.get': {
    input: async (w) => ({ coObservationId: (await freshPair(w)).id }),
    expect: EXPECT.schoolRead,
  },
  'coObservation.save': {
    input: async (w) => ({
      coObservationId: (await freshPair(w)).id,
      kind: 'indicators',
      scores: { A1: 3, A2: 3, B1: 2, B2: 4 },
    }),
    // Only the pair's two observers: the admin is in scope but not an observer.
    expect: { ...EXPECT.schoolRead, admin: 'FORBIDDEN' },
  },
  'coObservation.calibration': { input: () => ({}), expect: EXPECT.districtReaders },
};
