import {
  createTestDb,
  makeSchool,
  makeTeacher,
  makeUser,
  type TestDb,
  uniqueNpsn,
} from '@siklus/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

  // teachers
  'teachers.list': { input: (w) => ({ schoolId: w.schoolA1.id }), expect: EXPECT.schoolRead },
  'teachers.create': {
    input: (w) => ({ schoolId: w.schoolA1.id, name: `Guru Baru ${uniq()}, S.Pd` }),
    expect: EXPECT.principalOwnSchool,
  },
  'teachers.update': {
    input: (w) => ({ teacherId: w.teacherA1.id, className: 'Guru Kelas 2' }),
    expect: EXPECT.principalOwnSchool,
  },
  'teachers.setActive': {
    input: async (w) => ({
      teacherId: (
        await makeTeacher(w.db, { district_id: w.districtA.id, school_id: w.schoolA1.id })
      ).id,
      active: false,
    }),
    expect: EXPECT.principalOwnSchool,
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
};

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
    .executeTakeFirst();
  expect(row).toMatchObject({ entity: 'schoolId' });
});
