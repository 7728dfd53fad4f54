import {
  createTestDb,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeRubricVersion,
  makeSchool,
  makeStudy,
  makeTeacher,
  makeUser,
  type TestDb,
} from '@siklus/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callerFor } from '../testing/callers';
import { makeWorld, type World } from '../testing/world';

/**
 * The preview's questions through the procedures: nothing is stored from a column the
 * principal did not see named, or for a close name they did not confirm (issue 15).
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

async function summarySchool(names: string[]) {
  const db = testDb.db;
  const scope = { district_id: w.districtA.id };
  const school = await makeSchool(db, scope);
  const principal = await makeUser(db, { ...scope, role: 'principal', school_id: school.id });
  const teachers = [];
  for (const name of names)
    teachers.push(await makeTeacher(db, { ...scope, school_id: school.id, name }));
  const study = await makeStudy(db, {
    ...scope,
    school_id: school.id,
    rubric_version_id: (await makeRubricVersion(db, { ...scope, definition: { mode: 'summary' } }))
      .id,
    band_set_version_id: (await makeBandSetVersion(db, scope)).id,
    criteria_set_version_id: (await makeCriteriaVersion(db, scope)).id,
  });
  const cycle = await makeCycle(db, { study_id: study.id, ordinal: 0 });
  return { api: callerFor(db, principal), cycle, teachers };
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

test('Skor beside Persentase: asked, refused until picked, then the picked column is stored', async () => {
  const { api, cycle, teachers } = await summarySchool(['Ismiati, S.Pd', 'Wulandari Kusuma, S.Pd']);
  const file = {
    cycleId: cycle.id,
    fileName: 'tabel.csv',
    contentBase64: b64(
      'No;Nama Guru;Skor;Persentase\r\n1;Ismiati, S.Pd;30;75,00\r\n2;Wulandari Kusma;28;70,00\r\n',
    ),
  };
  const first = await api.io.previewImport(file);
  expect(first.ok).toBe(false);
  expect(first.rows).toEqual([]);
  expect(first.questions.map((q) => q.kind)).toEqual(['column']);

  const refused = await api.io.confirmImport({ ...file, version: 1 }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(TRPCError);
  expect((refused as TRPCError).code).toBe('BAD_REQUEST');

  // The column picked; the close name is asked about next.
  const picked = await api.io.previewImport({ ...file, percentColumn: 'D' });
  expect(picked.columns.find((c) => c.key === 'percentage')).toMatchObject({
    column: 'D',
    header: 'Persentase',
    chosen: 'picked',
  });
  expect(picked.questions).toMatchObject([
    { kind: 'teacher', row: 3, candidates: [{ id: teachers[1]!.id }] },
  ]);
  expect(picked.ok).toBe(false);

  const answers = { percentColumn: 'D', teacherAnswers: [{ row: 3, teacherId: teachers[1]!.id }] };
  const ready = await api.io.previewImport({ ...file, ...answers });
  expect(ready.ok).toBe(true);
  const done = await api.io.confirmImport({ ...file, ...answers, version: 1 });
  expect(done.imported).toBe(2);
  const saved = await api.cycles.get({ cycleId: cycle.id });
  expect(saved.observations.map((o) => [o.teacherId, o.percentage])).toEqual([
    [teachers[0]!.id, '75.00'],
    [teachers[1]!.id, '70.00'],
  ]);

  // The pick is remembered for the school: the next file of this layout is read the same
  // way without asking, and the preview says the column came from the earlier choice.
  const next = await api.io.previewImport(file);
  expect(next.questions.map((q) => q.kind)).toEqual(['teacher']);
  expect(next.columns.find((c) => c.key === 'percentage')).toMatchObject({
    column: 'D',
    header: 'Persentase',
    chosen: 'remembered',
  });
  const log = await testDb.db
    .selectFrom('audit_log')
    .select('after')
    .where('action', '=', 'cycle.import')
    .where('entity_id', '=', cycle.id)
    .executeTakeFirstOrThrow();
  expect(log.after).toMatchObject({
    columns: [
      { key: 'name', column: 'B', chosen: 'header' },
      { key: 'percentage', column: 'D', header: 'Persentase', chosen: 'picked' },
    ],
  });
});
