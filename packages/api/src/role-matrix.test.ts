import { insertSubdistrict } from '@siklus/db';
import {
  createTestDb,
  DEFAULT_CRITERIA,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeObservation,
  makeRubricVersion,
  makeSchool,
  makeTeacher,
  makeUser,
  type TestDb,
  uniqueNpsn,
} from '@siklus/db/testing';
import { PTS_DEFAULT_BANDS } from '@siklus/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ATTACHMENT_MATRIX_ROWS } from './attachments/role-matrix-rows';
import { CO_OBSERVATION_MATRIX_ROWS } from './co-observation/role-matrix-rows';
import { makeClosableStudy, makeStudyWithCycle, TEST_RUBRIC } from './cycles/pts-fixtures';
import { FOLLOW_UP_MATRIX_ROWS } from './follow-ups/role-matrix-rows';
import { INTEGRITY_MATRIX_ROWS } from './integrity/role-matrix-rows';
import { IO_MATRIX_ROWS } from './io/role-matrix-rows';
import { ACCOUNT_MATRIX_ROWS } from './notifications/role-matrix-rows';
import { appRouter } from './root';
import { callPath, EXPECT, expectOutcome, type MatrixRow } from './testing/matrix';
import { ACTORS, makeWorld, TEST_PASSWORD, testPasswordHash, type World } from './testing/world';

/**
 * Every procedure of appRouter, called as every actor, in and out of scope. A procedure
 * without a row fails the first test: add one object to MATRIX (pick an EXPECT preset, or
 * spread one and override a cell).
 */

let n = 0;
const uniq = () => `${Date.now().toString(36)}${++n}`;

const MATRIX: Record<string, MatrixRow> = {
  // auth
  'auth.login': {
    input: async (w, actor) => {
      const user = w.users[actor === 'anon' ? 'admin' : actor];
      await w.resetPassword(user.id);
      return { login: user.username, password: TEST_PASSWORD };
    },
    expect: EXPECT.public,
  },
  'auth.logout': { input: () => undefined, expect: EXPECT.public },
  'auth.me': { input: () => undefined, expect: EXPECT.public },
  'auth.changePassword': {
    input: async (w, actor) => {
      if (actor !== 'anon') await w.resetPassword(w.users[actor].id);
      return { currentPassword: TEST_PASSWORD, newPassword: 'kata-sandi-baru-2026' };
    },
    expect: EXPECT.authed,
  },

  // schools
  'schools.list': { input: () => ({}), expect: EXPECT.authed },
  'schools.subdistricts': { input: () => undefined, expect: EXPECT.authed },
  'schools.get': { input: (w) => ({ schoolId: w.schoolA1.id }), expect: EXPECT.schoolRead },
  'schools.create': {
    input: () => ({ npsn: uniqueNpsn(), name: `SD Baru ${uniq()}`, subdistrict: 'Cibinong' }),
    expect: EXPECT.admin,
  },
  'schools.update': {
    input: async (w) => ({
      schoolId: (await makeSchool(w.db, { district_id: w.districtA.id })).id,
      name: `SD Ganti ${uniq()}`,
    }),
    expect: EXPECT.adminInDistrict,
  },
  'schools.setActive': {
    input: async (w) => ({
      schoolId: (await makeSchool(w.db, { district_id: w.districtA.id })).id,
      active: false,
    }),
    expect: EXPECT.adminInDistrict,
  },
  'schools.bulkCreate': {
    input: () => ({
      rows: [
        { npsn: uniqueNpsn(), name: `SD Impor ${uniq()}`, subdistrict: 'Cibinong' },
        { npsn: uniqueNpsn(), name: `SD Impor ${uniq()}`, subdistrict: 'Babakan Madang' },
      ],
    }),
    expect: EXPECT.admin,
  },

  // kecamatan
  'subdistricts.list': { input: () => ({ includeInactive: true }), expect: EXPECT.authed },
  'subdistricts.create': { input: () => ({ name: `Kecamatan ${uniq()}` }), expect: EXPECT.admin },
  'subdistricts.update': {
    input: async (w) => ({
      subdistrictId: (
        await insertSubdistrict(w.db, { districtId: w.districtA.id, name: `Kecamatan ${uniq()}` })
      ).id,
      active: false,
    }),
    expect: EXPECT.adminInDistrict,
  },

  // teachers
  'teachers.list': { input: (w) => ({ schoolId: w.schoolA1.id }), expect: EXPECT.schoolRead },
  'teachers.create': {
    input: (w) => ({ schoolId: w.schoolA1.id, name: `Guru Baru ${uniq()}, S.Pd` }),
    expect: EXPECT.keeperOfSchool,
  },
  'teachers.update': {
    input: (w) => ({ teacherId: w.teacherA1.id, className: 'Guru Kelas 2' }),
    expect: EXPECT.keeperOfSchool,
  },
  'teachers.setActive': {
    input: async (w) => ({
      teacherId: (
        await makeTeacher(w.db, { district_id: w.districtA.id, school_id: w.schoolA1.id })
      ).id,
      active: false,
    }),
    expect: EXPECT.keeperOfSchool,
  },

  'teachers.previewImport': {
    input: (w) => rosterFile(w),
    expect: EXPECT.keeperOfSchool,
  },
  'teachers.confirmImport': {
    input: (w) => rosterFile(w),
    expect: EXPECT.keeperOfSchool,
  },

  // users
  'users.list': { input: () => ({}), expect: EXPECT.admin },
  'users.get': {
    input: (w) => ({ userId: w.users.principalOwn.id }),
    expect: EXPECT.adminInDistrict,
  },
  'users.create': {
    // A principal of school A1: the other district's admin may not name that school.
    input: (w) => ({
      username: `kepsek.${uniq()}`,
      fullName: 'Kepala Sekolah Baru',
      role: 'principal',
      schoolId: w.schoolA1.id,
      password: 'sandi-awal-2026',
    }),
    expect: { ...EXPECT.admin, adminOther: 'NOT_FOUND' },
  },
  'users.update': {
    input: async (w) => ({
      userId: (await makeUser(w.db, { role: 'supervisor', district_id: w.districtA.id })).id,
      fullName: `Nama Baru ${uniq()}`,
    }),
    expect: EXPECT.adminInDistrict,
  },
  'users.setActive': {
    input: async (w) => ({
      userId: (await makeUser(w.db, { role: 'supervisor', district_id: w.districtA.id })).id,
      active: false,
    }),
    expect: EXPECT.adminInDistrict,
  },
  'users.resetPassword': {
    input: async (w) => ({
      userId: (
        await makeUser(w.db, {
          role: 'principal',
          district_id: w.districtA.id,
          school_id: w.schoolA2.id,
          password_hash: await testPasswordHash(),
        })
      ).id,
      newPassword: 'sandi-reset-2026',
    }),
    expect: EXPECT.adminInDistrict,
  },

  // audit
  'audit.list': { input: () => ({}), expect: EXPECT.admin },
  'audit.exportCsv': { input: () => ({ action: 'auth' }), expect: EXPECT.admin },
  'district.get': { input: () => undefined, expect: EXPECT.authed },
  // Setting the zone it already has: the row runs for every actor without changing the world.
  'district.setTimeZone': { input: () => ({ timeZone: 'Asia/Jakarta' }), expect: EXPECT.admin },

  // studies, cycles, review, reports (school A1's study; fresh cycles where a call writes)
  'studies.list': { input: (w) => ({ schoolId: w.schoolA1.id }), expect: EXPECT.schoolRead },
  'studies.get': {
    input: async (w) => ({ studyId: (await ptsOf(w)).study.id }),
    expect: EXPECT.schoolRead,
  },
  'studies.options': { input: () => undefined, expect: EXPECT.authed },
  'studies.close': {
    input: async (w) => ({
      studyId: (
        await makeClosableStudy(w.db, { districtId: w.districtA.id, schoolId: w.schoolA1.id })
      ).study.id,
      confirmClose: true,
    }),
    expect: EXPECT.principalOwnSchool,
  },
  'studies.reopen': {
    input: async (w) => ({
      studyId: (
        await makeClosableStudy(w.db, {
          districtId: w.districtA.id,
          schoolId: w.schoolA1.id,
          closed: true,
        })
      ).study.id,
      reason: 'Nilai Siklus I perlu dikoreksi.',
    }),
    expect: EXPECT.adminInDistrict,
  },
  'studies.create': {
    input: async (w) => {
      const { config } = await ptsOf(w);
      return {
        schoolId: w.schoolA1.id,
        title: `PTS ${uniq()}`,
        focus: 'Pembelajaran kolaboratif',
        schoolYear: '2025/2026',
        rubricVersionId: config.rubric.id,
        bandSetVersionId: config.bandSet.id,
        criteriaSetVersionId: config.criteria.id,
      };
    },
    expect: EXPECT.principalOwnSchool,
  },
  'studies.setGainFirst': {
    input: async (w) => ({ studyId: (await ptsOf(w)).study.id, gainFirst: 'relative' }),
    expect: EXPECT.principalOwnSchool,
  },
  'cycles.get': {
    input: async (w) => ({ cycleId: (await ptsOf(w)).cycle.id }),
    expect: EXPECT.schoolRead,
  },
  'cycles.create': {
    input: async (w) => ({ studyId: (await freshCycle(w, 'submitted')).study.id }),
    expect: EXPECT.principalOwnSchool,
  },
  'cycles.updateNotes': {
    input: async (w) => ({
      cycleId: (await freshCycle(w)).cycle.id,
      version: 1,
      planningNotes: 'Rencana',
    }),
    expect: EXPECT.principalOwnSchool,
  },
  'cycles.upsertObservation': {
    input: async (w) => {
      const { cycle, teachers } = await freshCycle(w);
      return {
        cycleId: cycle.id,
        version: 1,
        teacherId: teachers[0]!.id,
        kind: 'indicators',
        scores: { A1: 3, A2: 3, B1: 2, B2: 4 },
      };
    },
    expect: EXPECT.principalOwnSchool,
  },
  'cycles.deleteObservation': {
    input: async (w) => {
      const { cycle, teachers } = await freshCycle(w, 'draft', true);
      return { cycleId: cycle.id, version: 1, teacherId: teachers[0]!.id };
    },
    expect: EXPECT.principalOwnSchool,
  },
  'cycles.setPrintedFigures': {
    input: async (w) => ({
      cycleId: (await freshCycle(w)).cycle.id,
      version: 1,
      printedMean: '65,05',
      printedMeanBand: 'Cukup',
      printedBands: null,
    }),
    expect: EXPECT.principalOwnSchool,
  },
  'cycles.submit': {
    input: async (w) => ({ cycleId: (await freshCycle(w, 'draft', true)).cycle.id, version: 1 }),
    expect: EXPECT.principalOwnSchool,
  },
  'cycles.withdraw': {
    input: async (w) => ({
      cycleId: (await freshCycle(w, 'submitted', true)).cycle.id,
      version: 1,
    }),
    expect: EXPECT.principalOwnSchool,
  },
  'review.queue': {
    input: () => ({}),
    expect: { ...EXPECT.districtReaders, admin: 'FORBIDDEN', adminOther: 'FORBIDDEN' },
  },
  'review.approve': {
    input: async (w) => ({
      cycleId: (await freshCycle(w, 'submitted', true)).cycle.id,
      version: 1,
      confirmLock: true,
    }),
    expect: EXPECT.supervisorInDistrict,
  },
  'review.return': {
    input: async (w) => ({
      cycleId: (await freshCycle(w, 'submitted', true)).cycle.id,
      version: 1,
      comment: 'Lengkapi refleksi.',
    }),
    expect: EXPECT.supervisorInDistrict,
  },
  'review.reopen': {
    input: async (w) => ({
      cycleId: (await freshCycle(w, 'approved', true)).cycle.id,
      version: 1,
      reason: 'Salah ketik skor.',
    }),
    expect: EXPECT.adminInDistrict,
  },
  'reports.districtComparison': { input: () => ({}), expect: EXPECT.districtReaders },
  'reports.districtHeadline': { input: () => undefined, expect: EXPECT.districtReaders },
  'reports.schoolDetail': {
    input: async (w) => ({ studyId: (await ptsOf(w)).study.id }),
    expect: EXPECT.schoolRead,
  },
  'reports.teacherTrajectory': {
    input: (w) => ({ teacherId: w.teacherA1.id }),
    expect: EXPECT.schoolRead,
  },
  'reports.compareSchools': {
    input: (w) => ({ schoolIds: [w.schoolA1.id, w.schoolA2.id] }),
    expect: EXPECT.districtReadersInDistrict,
  },

  // config: the same lifecycle for rubrics, band sets and success criteria
  ...configRows('rubrics', TEST_RUBRIC, (w, o) =>
    makeRubricVersion(w.db, { ...o, definition: TEST_RUBRIC }),
  ),
  ...configRows('bandSets', PTS_DEFAULT_BANDS, (w, o) =>
    makeBandSetVersion(w.db, { ...o, bands: PTS_DEFAULT_BANDS }),
  ),
  ...configRows('criteriaSets', DEFAULT_CRITERIA, (w, o) =>
    makeCriteriaVersion(w.db, { ...o, criteria: DEFAULT_CRITERIA }),
  ),
  'config.bandSets.presets': { input: () => undefined, expect: EXPECT.admin },
  'config.bandSets.preview': {
    input: async (w) => ({
      versionId: (await makeBandSetVersion(w.db, { district_id: w.districtA.id, status: 'draft' }))
        .id,
      bands: PTS_DEFAULT_BANDS.bands,
    }),
    expect: EXPECT.adminInDistrict,
  },

  // io: spreadsheets in, report out
  ...IO_MATRIX_ROWS,
  ...ATTACHMENT_MATRIX_ROWS,
  ...CO_OBSERVATION_MATRIX_ROWS,
  ...INTEGRITY_MATRIX_ROWS,
  ...FOLLOW_UP_MATRIX_ROWS,
  ...ACCOUNT_MATRIX_ROWS,
};

/** A roster sheet of one new teacher for school A1 (a fresh name each call). */
function rosterFile(w: World) {
  const csv = `Nama;L/P\r\nGuru Impor ${uniq()}, S.Pd;P\r\n`;
  return {
    schoolId: w.schoolA1.id,
    fileName: 'guru.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  };
}

/** School A1's study on an indicator rubric, made once per world. */
const ptsCache = new WeakMap<World, ReturnType<typeof makeStudyWithCycle>>();
function ptsOf(w: World) {
  let made = ptsCache.get(w);
  if (!made) {
    made = makeStudyWithCycle(w.db, { districtId: w.districtA.id, schoolId: w.schoolA1.id });
    ptsCache.set(w, made);
  }
  return made;
}

/** A fresh study of school A1 with cycle 0 in `status` (version 1), observed if asked. */
async function freshCycle(
  w: World,
  status: 'draft' | 'submitted' | 'approved' = 'draft',
  observed = false,
) {
  const made = await makeStudyWithCycle(w.db, {
    districtId: w.districtA.id,
    schoolId: w.schoolA1.id,
    status,
    teachers: 1,
  });
  if (observed) {
    await makeObservation(w.db, { cycle_id: made.cycle.id, teacher_id: made.teachers[0]!.id });
  }
  return made;
}

type VersionMaker = (
  w: World,
  o: { district_id: string; status: 'draft' | 'published' },
) => Promise<{ id: string }>;

/** The lifecycle's rows for one kind of configuration. */
function configRows(
  kind: 'rubrics' | 'bandSets' | 'criteriaSets',
  payload: unknown,
  make: VersionMaker,
): Record<string, MatrixRow> {
  const draft = async (w: World) => ({
    versionId: (await make(w, { district_id: w.districtA.id, status: 'draft' })).id,
  });
  const published = async (w: World) => ({
    versionId: (await make(w, { district_id: w.districtA.id, status: 'published' })).id,
  });
  const p = `config.${kind}`;
  return {
    [`${p}.list`]: { input: () => undefined, expect: EXPECT.admin },
    [`${p}.get`]: { input: published, expect: EXPECT.adminInDistrict },
    [`${p}.create`]: { input: () => ({ name: `Baru ${uniq()}`, payload }), expect: EXPECT.admin },
    [`${p}.updateDraft`]: {
      input: async (w) => ({ ...(await draft(w)), payload }),
      expect: EXPECT.adminInDistrict,
    },
    [`${p}.publish`]: { input: draft, expect: EXPECT.adminInDistrict },
    [`${p}.newVersion`]: { input: published, expect: EXPECT.adminInDistrict },
    [`${p}.deleteDraft`]: { input: draft, expect: EXPECT.adminInDistrict },
    [`${p}.duplicate`]: {
      input: async (w) => ({ ...(await published(w)), name: `Salinan ${uniq()}` }),
      expect: EXPECT.adminInDistrict,
    },
    [`${p}.export`]: { input: published, expect: EXPECT.adminInDistrict },
    [`${p}.import`]: {
      input: () => ({
        document: {
          format: 'siklus.config',
          formatVersion: 1,
          kind: { rubrics: 'rubric', bandSets: 'bandSet', criteriaSets: 'criteriaSet' }[kind],
          name: `Impor ${uniq()}`,
          payload,
        },
      }),
      expect: EXPECT.admin,
    },
  };
}

let testDb: TestDb;
let world: World;

beforeAll(async () => {
  testDb = await createTestDb();
  world = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

test('every procedure of appRouter has a row in the matrix (add yours)', () => {
  const missing = procedurePaths.filter((p) => !(p in MATRIX));
  const stale = Object.keys(MATRIX).filter((p) => !procedurePaths.includes(p));
  expect({ missing, stale }).toEqual({ missing: [], stale: [] });
});

describe.each(procedurePaths.filter((p) => p in MATRIX))('%s', (path) => {
  const row = MATRIX[path]!;
  test.each(ACTORS)(`as %s`, async (actor) => {
    const outcome = row.expect[actor];
    const input = await row.input(world, actor);
    await expectOutcome(callPath(world.as(actor), path, input), outcome);
  });
});

test('a refused call is audited with what was refused', async () => {
  await expectOutcome(
    world.as('supervisorOther').schools.get({ schoolId: world.schoolA1.id }),
    'NOT_FOUND',
  );
  const row = await testDb.db
    .selectFrom('audit_log')
    .select(['action', 'entity', 'entity_id', 'user_id'])
    .where('action', '=', 'access.refused')
    .where('user_id', '=', world.users.supervisorOther.id)
    .where('entity_id', '=', world.schoolA1.id)
    // The newest: other rows (reports.compareSchools' `schoolIds`) refuse the same school.
    .orderBy('id', 'desc')
    .executeTakeFirst();
  expect(row).toMatchObject({ entity: 'schoolId' });
});
