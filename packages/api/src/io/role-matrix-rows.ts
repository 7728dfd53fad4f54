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
};
