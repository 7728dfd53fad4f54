import { EXPECT, type MatrixRow } from '../testing/matrix';
import { craftJump } from './crafted';

/**
 * The integrity procedures' rows of the role matrix (spread into MATRIX in
 * role-matrix.test.ts). Signals are read district-wide by supervisors and admins, per
 * school by its principal too; only supervisors dismiss; only admins set the threshold.
 */
export const INTEGRITY_MATRIX_ROWS: Record<string, MatrixRow> = {
  'integrity.district': { input: () => ({}), expect: EXPECT.districtReaders },
  'integrity.school': { input: (w) => ({ schoolId: w.schoolA1.id }), expect: EXPECT.schoolRead },
  'integrity.dismiss': {
    input: async (w) => {
      const { key } = await craftJump(w.db, {
        districtId: w.districtA.id,
        schoolId: w.schoolA1.id,
      });
      return { schoolId: w.schoolA1.id, signalKey: key, reason: 'Guru baru pindah kelas.' };
    },
    expect: EXPECT.supervisorInDistrict,
  },
  'integrity.settings': { input: () => undefined, expect: EXPECT.admin },
  'integrity.updateSettings': { input: () => ({ jumpPoints: '35' }), expect: EXPECT.admin },
};
