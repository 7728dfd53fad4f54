import type { DB } from '@siklus/db';
import { makeCycle, makeObservation } from '@siklus/db/testing';
import type { Kysely } from 'kysely';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';

/**
 * Test data that should raise a signal: a teacher of `schoolId` jumping from 40.00 to
 * 90.00 in one cycle (50 points, above the default 35). Returns the signal's key.
 */
export async function craftJump(
  db: Kysely<DB>,
  opts: { districtId: string; schoolId: string },
): Promise<{ key: string; cycleId: string; teacherId: string }> {
  const { study, cycle, teachers } = await makeStudyWithCycle(db, { ...opts, teachers: 1 });
  const teacherId = teachers[0]!.id;
  const next = await makeCycle(db, { study_id: study.id, ordinal: 1 });
  await makeObservation(db, { cycle_id: cycle.id, teacher_id: teacherId, percentage: '40.00' });
  await makeObservation(db, { cycle_id: next.id, teacher_id: teacherId, percentage: '90.00' });
  return { key: `jump:${next.id}:${teacherId}`, cycleId: next.id, teacherId };
}
