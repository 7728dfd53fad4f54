import {
  createTestDb,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeRubricVersion,
  makeStudy,
  type TestDb,
} from '@siklus/db/testing';
import type { AppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeWorld, type World } from '../testing/world';
import { xfdPerRow, zipBomb } from './crafted-sheets.fixture';

/*
 * The crafted workbooks of issue 13 through the import procedures a principal calls: each
 * is refused naming its limit, on the file's field, and nothing is written. The reader's
 * limits one by one are in sheet-limits.test.ts.
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

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  return (error as TRPCError).cause as AppError;
}

test('crafted workbooks (a cell at XFD per row, a zip bomb) are refused naming the limit; nothing written', async () => {
  const db = testDb.db;
  const scope = { district_id: w.districtA.id };
  const study = await makeStudy(db, {
    ...scope,
    school_id: w.schoolA1.id,
    rubric_version_id: (await makeRubricVersion(db, { ...scope, definition: { mode: 'summary' } }))
      .id,
    band_set_version_id: (await makeBandSetVersion(db, scope)).id,
    criteria_set_version_id: (await makeCriteriaVersion(db, scope)).id,
  });
  const cycle = await makeCycle(db, { study_id: study.id, ordinal: 0 });
  const api = w.as('principalOwn');
  for (const [fileName, bytes, limit] of [
    ['xfd.xlsx', await xfdPerRow(5_000), 'columns'],
    ['bom.xlsx', await zipBomb(200), 'partBytes'],
  ] as const) {
    // One call at a time: a call started before the previous one is awaited could reject
    // with nobody listening yet.
    for (const call of [
      () => api.io.previewImport({ cycleId: cycle.id, fileName, contentBase64: b64(bytes) }),
      () =>
        api.io.confirmImport({
          cycleId: cycle.id,
          version: cycle.version,
          fileName,
          contentBase64: b64(bytes),
        }),
    ]) {
      const error = await refusal(call());
      expect(error.field).toBe('contentBase64');
      expect(error.details).toMatchObject({ limit });
      expect(error.messages.id).not.toBe(error.messages.en);
    }
  }
  const written = await db
    .selectFrom('observations')
    .select('id')
    .where('cycle_id', '=', cycle.id)
    .execute();
  expect(written).toHaveLength(0);
});
