import {
  createTestDb,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeObservation,
  makeRubricVersion,
  makeSchool,
  makeStudy,
  makeUser,
  type TestDb,
} from '@siklus/db/testing';
import type { AppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStudyWithCycle, TEST_RUBRIC } from '../cycles/pts-fixtures';
import { callerFor } from '../testing/callers';
import { makeWorld, type World } from '../testing/world';

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

describe('rubrics', () => {
  test('draft -> publish (frozen) -> new version leaves studies on the old one', async () => {
    const admin = w.as('admin');
    const { versionId: v1 } = await admin.config.rubrics.create({
      name: 'Lembar Observasi Kolaboratif',
      payload: TEST_RUBRIC,
    });

    // A bad definition names the field inside the payload, in both languages.
    const dup = structuredClone(TEST_RUBRIC);
    if (dup.mode === 'indicators') dup.aspects[1]!.indicators[0]!.key = 'A1';
    const bad = await failure(admin.config.rubrics.updateDraft({ versionId: v1, payload: dup }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.app.field).toBe('payload.aspects.1.indicators.0.key');
    expect(bad.app.messages.id).toMatch(/dipakai lebih dari sekali/);
    expect(bad.app.messages.en).toMatch(/used more than once/);

    const renamed = await admin.config.rubrics.updateDraft({
      versionId: v1,
      description: 'Dua aspek, empat indikator',
    });
    expect(renamed).toMatchObject({ status: 'draft', editable: true, version: 1 });

    // A draft cannot be chosen for a study.
    const published = await admin.config.rubrics.publish({ versionId: v1 });
    expect(published).toMatchObject({ status: 'published', editable: false });

    const frozen = await failure(
      admin.config.rubrics.updateDraft({ versionId: v1, payload: TEST_RUBRIC }),
    );
    expect(frozen.code).toBe('CONFLICT');
    expect((await failure(admin.config.rubrics.publish({ versionId: v1 }))).code).toBe('CONFLICT');
    // The database refuses too, whatever the API does.
    await expect(
      sql`update rubric_versions set definition = '{"mode":"summary"}'::jsonb where id = ${v1}`.execute(
        testDb.db,
      ),
    ).rejects.toThrow();

    // A study on v1.
    const { config } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
      teachers: 0,
    });
    const { studyId } = await w.as('principalOwn').studies.create({
      schoolId: w.schoolA1.id,
      title: 'PTS pada v1',
      focus: 'Kolaboratif',
      schoolYear: '2025/2026',
      rubricVersionId: v1,
      bandSetVersionId: config.bandSet.id,
      criteriaSetVersionId: config.criteria.id,
    });

    const { versionId: v2, version } = await admin.config.rubrics.newVersion({ versionId: v1 });
    expect(version).toBe(2);
    expect((await failure(admin.config.rubrics.newVersion({ versionId: v1 }))).code).toBe(
      'CONFLICT',
    );
    const changed = structuredClone(TEST_RUBRIC);
    if (changed.mode === 'indicators') changed.aspects[0]!.title = 'Perencanaan Pembelajaran';
    await admin.config.rubrics.updateDraft({ versionId: v2, payload: changed });
    await admin.config.rubrics.publish({ versionId: v2 });

    const study = await w.as('principalOwn').studies.get({ studyId });
    expect(study.rubric).toMatchObject({ id: v1, version: 1 });
    expect(study.rubric.definition).toEqual(TEST_RUBRIC);

    const list = await admin.config.rubrics.list();
    const item = list.find((i) => i.name === 'Lembar Observasi Kolaboratif')!;
    expect(item.versions.map((v) => [v.version, v.status, v.inUse])).toEqual([
      [2, 'published', 0],
      [1, 'published', 1],
    ]);
    expect(item.inUse).toBe(1);
  });

  test('duplicate, export and import', async () => {
    const admin = w.as('admin');
    const { versionId } = await admin.config.rubrics.create({
      name: 'Instrumen Asal',
      payload: TEST_RUBRIC,
    });
    const copy = await admin.config.rubrics.duplicate({ versionId, name: 'Instrumen Salinan' });
    expect((await admin.config.rubrics.get({ versionId: copy.versionId })).payload).toEqual(
      TEST_RUBRIC,
    );
    const taken = await failure(
      admin.config.rubrics.duplicate({ versionId, name: 'instrumen asal' }),
    );
    expect(taken).toMatchObject({ code: 'CONFLICT', app: { field: 'name' } });

    const document = await admin.config.rubrics.export({ versionId });
    // Into the other district, renamed.
    const imported = await w.as('adminOther').config.rubrics.import({ document, name: 'Impor' });
    expect(
      (await w.as('adminOther').config.rubrics.get({ versionId: imported.versionId })).payload,
    ).toEqual(TEST_RUBRIC);
    const wrongKind = await failure(admin.config.bandSets.import({ document }));
    expect(wrongKind).toMatchObject({ code: 'BAD_REQUEST', app: { field: 'document.kind' } });
    // Another district's version does not exist for this admin.
    expect((await failure(admin.config.rubrics.get({ versionId: imported.versionId }))).code).toBe(
      'NOT_FOUND',
    );
    await admin.config.rubrics.deleteDraft({ versionId: copy.versionId });
    expect((await failure(admin.config.rubrics.get({ versionId: copy.versionId }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('band sets', () => {
  test('presets, and a band set is validated by the domain', async () => {
    const admin = w.as('admin');
    const presets = await admin.config.bandSets.presets();
    expect(presets.map((p) => p.id)).toEqual(['pts-default', 'pkg']);
    const bad = await failure(
      admin.config.bandSets.create({
        name: 'Kategori rusak',
        payload: {
          bands: [
            { from: '10', label: 'Kurang' },
            { from: '60', label: 'Baik' },
          ],
        },
      }),
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', app: { field: 'payload.bands.0.from' } });
  });

  test('preview counts the changes of this band set’s studies only, per school; publishing moves them and reclassifies', async () => {
    // Its own district, so the counts are exact.
    const district = await testDb.db
      .insertInto('districts')
      .values({ name: `Kabupaten Pratinjau ${Date.now()}`, province: 'Jawa Barat' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scope = { district_id: district.id };
    const [lulut, other] = [await makeSchool(testDb.db, scope), await makeSchool(testDb.db, scope)];
    const caller = callerFor(testDb.db, await makeUser(testDb.db, { role: 'admin', ...scope }));
    const PTS = [
      { from: '0', label: 'Kurang' },
      { from: '51', label: 'Cukup' },
      { from: '71', label: 'Baik' },
      { from: '86', label: 'Sangat Baik' },
    ];
    // 55.00: Cukup -> Kurang; the mean 65.50: Cukup -> Baik. 50, 71 and 86 keep their band.
    const MOVED = [
      { from: '0', label: 'Kurang' },
      { from: '56', label: 'Cukup' },
      { from: '65', label: 'Baik' },
      { from: '86', label: 'Sangat Baik' },
    ];
    const { versionId: v1 } = await caller.config.bandSets.create({
      name: 'Kriteria PTS kabupaten',
      payload: { bands: PTS },
    });
    await caller.config.bandSets.publish({ versionId: v1 });

    // Lulut's study is on v1; the other school's study is on another band set with the
    // same bounds, which this band set's versions must never touch.
    const rubric = await makeRubricVersion(testDb.db, { ...scope, definition: TEST_RUBRIC });
    const criteria = await makeCriteriaVersion(testDb.db, scope);
    const otherBands = await makeBandSetVersion(testDb.db, { ...scope, bands: { bands: PTS } });
    const studyOn = async (schoolId: string, bandSetVersionId: string, percentages: string[]) => {
      const study = await makeStudy(testDb.db, {
        ...scope,
        school_id: schoolId,
        rubric_version_id: rubric.id,
        band_set_version_id: bandSetVersionId,
        criteria_set_version_id: criteria.id,
      });
      const cycle = await makeCycle(testDb.db, { study_id: study.id, status: 'approved' });
      for (const percentage of percentages) {
        await makeObservation(testDb.db, { cycle_id: cycle.id, percentage });
      }
      return { study, cycle };
    };
    const ours = await studyOn(lulut.id, v1, ['50.00', '55.00', '71.00', '86.00']);
    const theirs = await studyOn(other.id, otherBands.id, ['55.00', '65.00']);

    const { versionId: v2 } = await caller.config.bandSets.newVersion({ versionId: v1 });
    const preview = await caller.config.bandSets.preview({ versionId: v2, bands: MOVED });
    expect(preview.totals).toEqual({
      studies: 1,
      observations: 4,
      observationsChanged: 1,
      cycles: 1,
      cycleMeansChanged: 1,
    });
    expect(preview.schools).toEqual([
      expect.objectContaining({
        schoolId: lulut.id,
        schoolName: lulut.name,
        studies: 1,
        observationsChanged: 1,
        cycleMeansChanged: 1,
      }),
    ]);
    expect(preview.criteriaMisfits).toEqual([]);
    expect(preview.ranges[1]).toEqual({ label: 'Cukup', from: '56.00', to: '64.99' });

    // The same bands change nothing; bands the criteria cannot use are named before publishing.
    const same = await caller.config.bandSets.preview({ versionId: v2, bands: PTS });
    expect(same.totals.observationsChanged + same.totals.cycleMeansChanged).toBe(0);
    const renamed = MOVED.map((b) => (b.label === 'Baik' ? { ...b, label: 'Bagus' } : b));
    const misfit = await caller.config.bandSets.preview({ versionId: v2, bands: renamed });
    expect(misfit.criteriaMisfits).toEqual([
      expect.objectContaining({ criteriaVersionId: criteria.id, studies: 1 }),
    ]);
    expect(misfit.criteriaMisfits[0]?.messages.en).toMatch(/“Baik” is not in the band set/);
    const invalid = await failure(
      caller.config.bandSets.preview({ versionId: v2, bands: [{ from: '5', label: 'Kurang' }] }),
    );
    expect(invalid.code).toBe('BAD_REQUEST');

    // Publishing bands the criteria cannot use is refused, and nothing moves.
    await caller.config.bandSets.updateDraft({ versionId: v2, payload: { bands: renamed } });
    const refused = await failure(caller.config.bandSets.publish({ versionId: v2 }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.app.messages.id).toMatch(/tidak cocok dengan kategori ini/);
    expect((await caller.config.bandSets.get({ versionId: v2 })).status).toBe('draft');

    // Publishing the moved bounds moves the study and reclassifies its stored bands.
    const cycleBefore = await caller.cycles.get({ cycleId: ours.cycle.id });
    await caller.config.bandSets.updateDraft({ versionId: v2, payload: { bands: MOVED } });
    const published = await caller.config.bandSets.publish({ versionId: v2 });
    expect(published.moved).toEqual({ studiesMoved: 1, observationsChanged: 1 });
    expect(published.inUse).toBe(1);

    const study = await caller.studies.get({ studyId: ours.study.id });
    expect(study.bandSet).toMatchObject({ id: v2, version: 2 });
    expect(study.cycles[0]).toMatchObject({ mean: '65.50', meanBand: 'Baik' });
    const cycle = await caller.cycles.get({ cycleId: ours.cycle.id });
    expect(cycle.observations.map((o) => [o.percentage, o.band]).sort()).toEqual([
      ['50.00', 'Kurang'],
      ['55.00', 'Kurang'],
      ['71.00', 'Baik'],
      ['86.00', 'Sangat Baik'],
    ]);
    // An open form that read the old bands must reload before it writes.
    expect(cycle.version).toBe(cycleBefore.version + 1);

    // The other band set's study is untouched.
    const untouched = await caller.studies.get({ studyId: theirs.study.id });
    expect(untouched.bandSet).toMatchObject({ id: otherBands.id });
    expect(untouched.cycles[0]).toMatchObject({ mean: '60.00', meanBand: 'Cukup' });

    // The log names the school.
    const log = await caller.audit.list({ schoolId: lulut.id, action: 'study.band_set_moved' });
    expect(log.items).toEqual([
      expect.objectContaining({ entityId: ours.study.id, schoolId: lulut.id }),
    ]);

    // A new study starts on the newest version: the older one is neither offered nor taken.
    const principal = callerFor(
      testDb.db,
      await makeUser(testDb.db, { role: 'principal', ...scope, school_id: lulut.id }),
    );
    const options = await principal.studies.options();
    expect(options.bandSets.map((b) => [b.id, b.version])).toEqual(
      expect.arrayContaining([[v2, 2]]),
    );
    expect(options.bandSets.some((b) => b.id === v1)).toBe(false);
    const stale = await failure(
      principal.studies.create({
        schoolId: lulut.id,
        title: 'PTS pada kategori lama',
        focus: 'Kolaboratif',
        schoolYear: '2026/2027',
        rubricVersionId: rubric.id,
        bandSetVersionId: v1,
        criteriaSetVersionId: criteria.id,
      }),
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', app: { field: 'bandSetVersionId' } });
    expect(stale.app.messages.id).toMatch(/sudah diganti versi 2/);

    // The next draft starts from what is now stored: the same bands change nothing.
    const { versionId: v3 } = await caller.config.bandSets.newVersion({ versionId: v2 });
    const again = await caller.config.bandSets.preview({ versionId: v3, bands: MOVED });
    expect(again.totals).toMatchObject({
      studies: 1,
      observationsChanged: 0,
      cycleMeansChanged: 0,
    });
    const list = await caller.config.bandSets.list();
    const item = list.find((i) => i.name === 'Kriteria PTS kabupaten');
    expect(item?.versions.map((v) => [v.version, v.status, v.inUse])).toEqual([
      [3, 'draft', 0],
      [2, 'published', 1],
      [1, 'published', 0],
    ]);
  });
});

describe('success criteria', () => {
  test('checked against a band set’s labels', async () => {
    const admin = w.as('admin');
    const { versionId: bands } = await admin.config.bandSets.create({
      name: 'Kategori PTS uji',
      payload: {
        bands: [
          { from: '0', label: 'Kurang' },
          { from: '51', label: 'Cukup' },
          { from: '71', label: 'Baik' },
          { from: '86', label: 'Sangat Baik' },
        ],
      },
    });
    const unknownBand = await failure(
      admin.config.criteriaSets.create({
        name: 'Kriteria salah',
        bandSetVersionId: bands,
        payload: { criteria: [{ kind: 'bandShare', op: '>=', percent: '100', band: 'Istimewa' }] },
      }),
    );
    expect(unknownBand.code).toBe('BAD_REQUEST');
    const ok = await admin.config.criteriaSets.create({
      name: 'Kriteria PTS uji',
      bandSetVersionId: bands,
      payload: {
        criteria: [
          { kind: 'mean', op: '>=', value: '71.00' },
          { kind: 'bandShare', op: '>=', percent: '80.00', band: 'Baik' },
        ],
      },
    });
    await admin.config.criteriaSets.publish({ versionId: ok.versionId });
    expect((await admin.config.criteriaSets.get({ versionId: ok.versionId })).status).toBe(
      'published',
    );
  });
});
