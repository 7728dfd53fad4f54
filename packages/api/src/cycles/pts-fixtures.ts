import type { DB } from '@siklus/db';
import {
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeObservation,
  makeRubricVersion,
  makeStudy,
  makeTeacher,
} from '@siklus/db/testing';
import type { TCycleStatus, TRubricDefinition } from '@siklus/domain';
import type { Kysely } from 'kysely';

/**
 * Test data for the PTS procedures: a small indicator rubric (two aspects, four
 * indicators on a 1-4 scale), the default bands and criteria, published in a district.
 */

export const scale = {
  min: 1,
  max: 4,
  levels: [
    { value: 1, label: 'Kurang' },
    { value: 2, label: 'Cukup' },
    { value: 3, label: 'Baik' },
    { value: 4, label: 'Sangat Baik' },
  ],
};

/** A lesson-plan (RPP) sheet for a study's second instrument: two indicators on 1-4, so a
 * teacher's percentage is sum / 8. */
export const RPP_RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'R',
      title: 'Rencana pelaksanaan pembelajaran',
      indicators: [
        { key: 'R1', text: 'Merumuskan tujuan pembelajaran', scale },
        { key: 'R2', text: 'Menyusun langkah pembelajaran', scale },
      ],
    },
  ],
};

export const TEST_RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Perencanaan',
      indicators: [
        { key: 'A1', text: 'Merumuskan tujuan kerja kelompok', scale },
        { key: 'A2', text: 'Menyiapkan lembar kerja kelompok', scale },
      ],
    },
    {
      key: 'B',
      title: 'Pelaksanaan',
      indicators: [
        { key: 'B1', text: 'Membagi peran dalam kelompok', scale },
        { key: 'B2', text: 'Memfasilitasi diskusi kelompok', scale },
      ],
    },
  ],
};

export async function makePtsConfig(db: Kysely<DB>, districtId: string) {
  const scope = { district_id: districtId };
  const rubric = await makeRubricVersion(db, { ...scope, definition: TEST_RUBRIC });
  const bandSet = await makeBandSetVersion(db, scope);
  const criteria = await makeCriteriaVersion(db, scope);
  return { rubric, bandSet, criteria };
}

/** A study of `schoolId` on an indicator rubric, with cycle 0 in `status` and teachers. */
export async function makeStudyWithCycle(
  db: Kysely<DB>,
  opts: {
    districtId: string;
    schoolId: string;
    status?: TCycleStatus;
    teachers?: number;
  },
) {
  const config = await makePtsConfig(db, opts.districtId);
  const study = await makeStudy(db, {
    district_id: opts.districtId,
    school_id: opts.schoolId,
    rubric_version_id: config.rubric.id,
    band_set_version_id: config.bandSet.id,
    criteria_set_version_id: config.criteria.id,
  });
  const cycle = await makeCycle(db, {
    study_id: study.id,
    ordinal: 0,
    status: opts.status ?? 'draft',
    submitted_at: opts.status && opts.status !== 'draft' ? new Date() : null,
  });
  const teachers = [];
  for (let i = 0; i < (opts.teachers ?? 2); i++) {
    teachers.push(
      await makeTeacher(db, { district_id: opts.districtId, school_id: opts.schoolId }),
    );
  }
  return { config, study, cycle, teachers };
}

/**
 * A study that may be closed: its baseline and Siklus I approved, Siklus I observing every
 * active teacher of the school (so its criteria verdict can be read). With `closed`, it is
 * already closed, as `studies.close` leaves it.
 */
export async function makeClosableStudy(
  db: Kysely<DB>,
  opts: { districtId: string; schoolId: string; percentage?: string; closed?: boolean },
) {
  const made = await makeStudyWithCycle(db, { ...opts, status: 'approved', teachers: 1 });
  const cycle1 = await makeCycle(db, {
    study_id: made.study.id,
    ordinal: 1,
    status: 'approved',
    submitted_at: new Date(),
  });
  const active = await db
    .selectFrom('teachers')
    .select('id')
    .where('school_id', '=', opts.schoolId)
    .where('active', '=', true)
    .execute();
  await makeObservation(db, { cycle_id: made.cycle.id, teacher_id: made.teachers[0]!.id });
  for (const t of active) {
    await makeObservation(db, {
      cycle_id: cycle1.id,
      teacher_id: t.id,
      percentage: opts.percentage ?? '80.00',
    });
  }
  if (opts.closed) {
    await db
      .updateTable('studies')
      .set({
        closed_at: new Date(),
        final_verdict: JSON.stringify({
          ordinal: 1,
          met: true,
          n: active.length,
          mean: opts.percentage ?? '80.00',
          message: { id: 'Siklus I: tercapai', en: 'Cycle I: met' },
        }),
      })
      .where('id', '=', made.study.id)
      .execute();
  }
  return { ...made, cycle1 };
}
