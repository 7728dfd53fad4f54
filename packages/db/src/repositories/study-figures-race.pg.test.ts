import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestDb,
  makeCycle,
  makeSchool,
  makeStudy,
  makeTeacher,
  type TestDb,
} from '../testing';

/*
 * study_figures is recomputed from the study's cycles by whichever transaction writes
 * them. Two transactions writing two cycles of one study at once must not leave a row
 * computed from a snapshot that lacks the other's write (the refresh locks the study,
 * then reads: migration 2026-12-02T0800-study-figures). Needs real concurrent sessions,
 * so Postgres only (PGlite runs one transaction at a time).
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

it('two concurrent writers of one study both end up in its figures', async () => {
  const school = await makeSchool(t.db);
  const scope = { district_id: school.district_id, school_id: school.id };
  const study = await makeStudy(t.db, scope);
  const teacher = await makeTeacher(t.db, scope);
  const base = await makeCycle(t.db, { study_id: study.id, ordinal: 0, status: 'approved' });
  const later = await makeCycle(t.db, { study_id: study.id, ordinal: 1, status: 'approved' });
  for (const cycle of [base, later]) {
    await sql`insert into observations (district_id, cycle_id, teacher_id, percentage, band)
      values (${school.district_id}, ${cycle.id}, ${teacher.id}, '50.00', 'Cukup')`.execute(t.db);
  }
  // A corrected percentage, same band: one refresh per write, so nothing later in the
  // transaction would mend a row computed from a stale snapshot.
  const write = (cycleId: string, percentage: string) =>
    sql`update observations set percentage = ${percentage}
        where district_id = ${school.district_id} and cycle_id = ${cycleId}`;

  let releaseFirst: () => void = () => {};
  const firstHolds = new Promise<void>((resolve) => {
    releaseFirst = resolve;
  });
  let firstWrote: () => void = () => {};
  const firstHasWritten = new Promise<void>((resolve) => {
    firstWrote = resolve;
  });
  // The first transaction corrects the baseline and holds its locks; the second corrects the
  // later cycle meanwhile (its refresh waits for the study), then the first commits.
  const first = t.db.transaction().execute(async (trx) => {
    await write(base.id, '60.00').execute(trx);
    firstWrote();
    await firstHolds;
  });
  await firstHasWritten;
  const second = t.db.transaction().execute(async (trx) => {
    await write(later.id, '80.00').execute(trx);
  });
  // Give the second time to reach the lock before the first lets go.
  await new Promise((resolve) => setTimeout(resolve, 300));
  releaseFirst();
  await Promise.all([first, second]);

  const row = await t.db
    .selectFrom('study_figures')
    .select([
      'approved_baseline_mean',
      'approved_latest_mean',
      'approved_latest_ordinal',
      'approved_gain_points',
    ])
    .where('district_id', '=', school.district_id)
    .where('study_id', '=', study.id)
    .executeTakeFirstOrThrow();
  expect(row).toEqual({
    approved_baseline_mean: '60.00',
    approved_latest_mean: '80.00',
    approved_latest_ordinal: 1,
    approved_gain_points: '20.00',
  });
});
