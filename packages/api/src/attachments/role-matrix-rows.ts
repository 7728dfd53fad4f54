import { insertAttachment, keyOf } from '@siklus/db';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { testFileStore } from '../testing/callers';
import { EXPECT, type MatrixRow } from '../testing/matrix';
import type { World } from '../testing/world';
import { minimalPdf } from './fixtures';

/**
 * The attachment procedures' rows of the role matrix (spread into MATRIX in
 * role-matrix.test.ts): reading follows the school's read scope, writing is the school's
 * principal's own.
 */

const fresh = (w: World) =>
  makeStudyWithCycle(w.db, { districtId: w.districtA.id, schoolId: w.schoolA1.id, teachers: 1 });

/** A stored PDF attached to a fresh draft cycle of school A1. */
async function attached(w: World) {
  const { cycle } = await fresh(w);
  const bytes = minimalPdf();
  await testFileStore().put(bytes);
  const row = await insertAttachment(w.db, {
    districtId: w.districtA.id,
    cycleId: cycle.id,
    stage: 'planning',
    teacherId: null,
    fileName: 'RPP.pdf',
    kind: 'pdf',
    contentType: 'application/pdf',
    sizeBytes: bytes.byteLength,
    sha256: keyOf(bytes),
    thumbSha256: null,
    width: null,
    height: null,
    uploadedBy: null,
  });
  return row.id;
}

export const ATTACHMENT_MATRIX_ROWS: Record<string, MatrixRow> = {
  'attachments.list': {
    input: async (w) => ({ cycleId: (await fresh(w)).cycle.id }),
    expect: EXPECT.schoolRead,
  },
  'attachments.upload': {
    input: async (w) => ({
      cycleId: (await fresh(w)).cycle.id,
      target: { stage: 'reflection' },
      fileName: 'rpp.pdf',
      bytes: new Uint8Array(minimalPdf()),
    }),
    expect: EXPECT.principalOwnSchool,
  },
  'attachments.download': {
    input: async (w) => ({ attachmentId: await attached(w) }),
    expect: EXPECT.schoolRead,
  },
  'attachments.delete': {
    input: async (w) => ({ attachmentId: await attached(w) }),
    expect: EXPECT.principalOwnSchool,
  },
};
