import { createTestDb, makeSchool, makeTeacher, makeUser, type TestDb } from '@siklus/db/testing';
import type { AppError, TSuccessCriteria } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makePtsConfig } from '../cycles/pts-fixtures';
import { callerFor } from '../testing/callers';
import { makeWorld, type World } from '../testing/world';

/*
 * Success criteria as papers state them (issue 16, decision 017), through the API: the
 * admin composes them (in scope only), a principal's study is judged by them, and the
 * verdict reads the same on the cycle page, the school report and the district comparison.
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

async function failure(call: Promise<unknown>): Promise<{ code: string; app: AppError }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  return { code: (error as TRPCError).code, app: (error as TRPCError).cause as AppError };
}

const KKM_CRITERIA: TSuccessCriteria = {
  criteria: [
    { kind: 'passShare', op: '>', percent: '75', kkm: '78' },
    { kind: 'indicatorMean', op: '>=', value: '75' },
  ],
};
const READ_BACK = {
  id: 'Lebih dari 75% guru mencapai nilai minimal 78 dan rata-rata setiap indikator minimal 75,00',
  en: "More than 75% of teachers reaching at least 78 and every indicator's mean at least 75.00",
};
const NOT_MET = {
  id: 'Kriteria keberhasilan belum tercapai: 1 dari 4 guru di bawah nilai 78; hanya 75,00% mencapai nilai minimal 78, lebih dari 75% (kurang 0,00 poin, perlu 1 guru lagi)',
  en: 'Success criteria not met: 1 of 4 teachers below 78; only 75.00% reach at least 78, more than 75% required (0.00 points short, 1 more teacher needed)',
};

describe('criteria sets with the new clauses', () => {
  test('only the district admin composes them; a bad clause names its field in both languages', async () => {
    const config = await makePtsConfig(testDb.db, w.districtA.id);
    const input = {
      name: 'Kriteria KKM',
      bandSetVersionId: config.bandSet.id,
      payload: KKM_CRITERIA,
    };
    for (const actor of ['principalOwn', 'supervisor'] as const) {
      expect((await failure(w.as(actor).config.criteriaSets.create(input))).code).toBe('FORBIDDEN');
    }
    const admin = w.as('admin');
    const { versionId } = await admin.config.criteriaSets.create(input);
    const other = await failure(w.as('adminOther').config.criteriaSets.get({ versionId }));
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(other.code);
    expect((await admin.config.criteriaSets.get({ versionId })).payload).toEqual(KKM_CRITERIA);

    const bad = await failure(
      admin.config.criteriaSets.updateDraft({
        versionId,
        payload: { criteria: [{ kind: 'passShare', op: '>', percent: '100', kkm: '78' }] },
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.app.field).toBe('payload.criteria.0.percent');
    expect(bad.app.messages).toEqual({
      id: 'Lebih dari 100 tidak mungkin tercapai; pakai “minimal 100”',
      en: 'More than 100 can never be met; use “at least 100”',
    });
  });

  test('a KKM study reads its criteria back in words and says which clause failed and by how much', async () => {
    const config = await makePtsConfig(testDb.db, w.districtA.id);
    const admin = w.as('admin');
    const { versionId: criteriaId } = await admin.config.criteriaSets.create({
      name: 'Kriteria KKM 78',
      bandSetVersionId: config.bandSet.id,
      payload: KKM_CRITERIA,
    });
    await admin.config.criteriaSets.publish({ versionId: criteriaId });

    const school = await makeSchool(testDb.db, { district_id: w.districtA.id });
    const principal = callerFor(
      testDb.db,
      await makeUser(testDb.db, {
        role: 'principal',
        district_id: w.districtA.id,
        school_id: school.id,
      }),
    );
    const teachers = [];
    for (let i = 0; i < 4; i++) {
      teachers.push(
        await makeTeacher(testDb.db, { district_id: w.districtA.id, school_id: school.id }),
      );
    }
    const { studyId, baselineCycleId: cycleId } = await principal.studies.create({
      schoolId: school.id,
      title: 'Meningkatkan pembelajaran kolaboratif',
      focus: 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif',
      schoolYear: '2025/2026',
      semester: 'ganjil',
      rubricVersionId: config.rubric.id,
      bandSetVersionId: config.bandSet.id,
      criteriaSetVersionId: criteriaId,
    });

    // Three teachers at 13/16 = 81.25, one at 12/16 = 75.00: 75.00% reach 78, not more.
    let version = 1;
    for (const [i, teacher] of teachers.entries()) {
      const up = await principal.cycles.upsertObservation({
        cycleId,
        version,
        teacherId: teacher.id,
        kind: 'indicators',
        scores: { A1: i < 3 ? 4 : 3, A2: 3, B1: 3, B2: 3 },
      });
      version = up.version;
    }

    const cycle = await principal.cycles.get({ cycleId });
    expect(cycle.criteria.description).toEqual(READ_BACK);
    expect(cycle.criteriaEvaluation.met).toBe(false);
    expect(cycle.criteriaEvaluation.message).toEqual(NOT_MET);
    expect(cycle.criteriaEvaluation.results.map((r) => [r.met, r.actual, r.shortfall])).toEqual([
      [false, '75.00', '0.00'],
      // A1 15/16 = 93.75, the others 12/16 = 75.00: the lowest is exactly 75.00.
      [true, '75.00', null],
    ]);

    const detail = await principal.reports.schoolDetail({ studyId });
    expect(detail.criteria.description).toEqual(READ_BACK);
    expect(detail.cycles[0]?.criteria.message).toEqual(NOT_MET);

    // Approved, the district comparison (SQL aggregates + the domain) says the same.
    const submitted = await principal.cycles.submit({ cycleId, version });
    const supervisor = w.as('supervisor');
    await supervisor.review.approve({ cycleId, version: submitted.version, confirmLock: true });
    const { rows } = await supervisor.reports.districtComparison({ search: school.npsn });
    const row = rows.find((r) => r.studyId === studyId);
    expect(row?.criteriaMet).toBe(false);
    expect(row?.criteria?.message).toEqual(NOT_MET);
    expect(row?.criteria?.results).toEqual(cycle.criteriaEvaluation.results);
  });
});
