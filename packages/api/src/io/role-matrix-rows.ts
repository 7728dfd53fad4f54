import {
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeRubricVersion,
  makeStudy,
  makeTeacher,
} from '@siklus/db/testing';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { EXPECT, type MatrixRow } from '../testing/matrix';
import type { World } from '../testing/world';

/**
 * The io procedures' rows of the role matrix (spread into MATRIX in role-matrix.test.ts).
 * Reads follow the school's read scope; the template and imports are the principal's own.
 */

/** A fresh study of school A1 (indicator rubric, cycle 0 in draft at version 1). */
const fresh = (w: World) =>
  makeStudyWithCycle(w.db, { districtId: w.districtA.id, schoolId: w.schoolA1.id, teachers: 1 });

const sheetFor = (teacherName: string) =>
  Buffer.from(`Nama Guru;A1;A2;B1;B2\r\n"${teacherName}";3;3;2;4\r\n`).toString('base64');

/** A fresh summary-rubric study of school A1 with two teachers, for a recap of two cycles. */
async function freshRecap(w: World) {
  const scope = { district_id: w.districtA.id };
  const study = await makeStudy(w.db, {
    ...scope,
    school_id: w.schoolA1.id,
    rubric_version_id: (
      await makeRubricVersion(w.db, { ...scope, definition: { mode: 'summary' } })
    ).id,
    band_set_version_id: (await makeBandSetVersion(w.db, scope)).id,
    criteria_set_version_id: (await makeCriteriaVersion(w.db, scope)).id,
  });
  await makeCycle(w.db, { study_id: study.id, ordinal: 0 });
  const names = [`Guru Rekap ${Math.random()}`, `Guru Rekap ${Math.random()}`];
  for (const name of names) await makeTeacher(w.db, { ...scope, school_id: w.schoolA1.id, name });
  const csv = [
    'Nama Guru;Kondisi Awal;Siklus I',
    ...names.map((n) => `"${n}";40,00;60,00`),
    'Rata-rata;40,00;60,00',
  ].join('\r\n');
  return {
    studyId: study.id,
    version: 1,
    fileName: 'rekap.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  };
}

export const IO_MATRIX_ROWS: Record<string, MatrixRow> = {
  'io.cycleTable': {
    input: async (w) => ({ cycleId: (await fresh(w)).cycle.id, format: 'xlsx' }),
    expect: EXPECT.schoolRead,
  },
  'io.studyRecap': {
    input: async (w) => ({ studyId: (await fresh(w)).study.id, format: 'csv' }),
    expect: EXPECT.schoolRead,
  },
  'io.resultsChapter': {
    input: async (w) => ({ studyId: (await fresh(w)).study.id }),
    expect: EXPECT.schoolRead,
  },
  'io.studyReport': {
    input: async (w) => ({ studyId: (await fresh(w)).study.id }),
    expect: EXPECT.schoolRead,
  },
  'io.districtComparison': { input: () => ({ format: 'csv' }), expect: EXPECT.districtReaders },
  'io.importTemplate': {
    input: async (w) => ({ cycleId: (await fresh(w)).cycle.id, format: 'csv' }),
    expect: EXPECT.principalOwnSchool,
  },
  'io.previewImport': {
    input: async (w) => {
      const { cycle, teachers } = await fresh(w);
      return {
        cycleId: cycle.id,
        fileName: 'lembar.csv',
        contentBase64: sheetFor(teachers[0]!.name),
      };
    },
    expect: EXPECT.principalOwnSchool,
  },
  'io.confirmImport': {
    input: async (w) => {
      const { cycle, teachers } = await fresh(w);
      return {
        cycleId: cycle.id,
        version: 1,
        fileName: 'lembar.csv',
        contentBase64: sheetFor(teachers[0]!.name),
      };
    },
    expect: EXPECT.principalOwnSchool,
  },
  'io.previewRecap': {
    input: async (w) => {
      const { version: _v, ...input } = await freshRecap(w);
      return input;
    },
    expect: EXPECT.principalOwnSchool,
  },
  'io.confirmRecap': {
    input: (w) => freshRecap(w),
    expect: EXPECT.principalOwnSchool,
  },
};
