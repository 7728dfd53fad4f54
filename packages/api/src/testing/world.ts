import { type DB, ensureSubdistricts } from '@siklus/db';
import { makeDistrict, makeSchool, makeTeacher, makeUser } from '@siklus/db/testing';
import type { TRole } from '@siklus/domain';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password';
import { type Caller, type CallerOptions, callerFor } from './callers';

/**
 * Two districts, the people of each, and a school with a teacher: enough to call every
 * procedure as every role, inside and outside its scope.
 *
 * District A: school A1 (principal `principalOwn`, teacher), school A2 (`principalOther`),
 * `supervisor`, `admin`. District B: school B1 (`principalB`), `supervisorOther`,
 * `adminOther`. Targets of the matrix live in school A1 / district A.
 */

export const TEST_PASSWORD = 'kata-sandi-uji-2026';

export const ACTORS = [
  'anon',
  'principalOwn',
  'principalOther',
  'supervisor',
  'supervisorOther',
  'admin',
  'adminOther',
] as const;
export type Actor = (typeof ACTORS)[number];

type Row<T> = T extends Promise<infer R> ? R : never;
export type UserRow = Row<ReturnType<typeof makeUser>>;
export type SchoolRow = Row<ReturnType<typeof makeSchool>>;

let passwordHashOnce: Promise<string> | undefined;
/** Hashing costs ~50 ms; the one test password is hashed once per worker. */
export function testPasswordHash(): Promise<string> {
  passwordHashOnce ??= hashPassword(TEST_PASSWORD);
  return passwordHashOnce;
}

export async function makeWorld(db: Kysely<DB>) {
  const password_hash = await testPasswordHash();
  const districtA = await makeDistrict(db);
  const districtB = await makeDistrict(db);
  const schoolA1 = await makeSchool(db, { district_id: districtA.id, subdistrict: 'Cibinong' });
  const schoolA2 = await makeSchool(db, { district_id: districtA.id, subdistrict: 'Citeureup' });
  const schoolB1 = await makeSchool(db, { district_id: districtB.id });
  // District A's kecamatan list has one with no school yet (a bulk import's second row).
  await ensureSubdistricts(db, districtA.id, ['Babakan Madang']);
  const teacherA1 = await makeTeacher(db, { district_id: districtA.id, school_id: schoolA1.id });
  const user = (role: TRole, districtId: string, schoolId?: string) =>
    makeUser(db, {
      role,
      district_id: districtId,
      school_id: schoolId ?? null,
      password_hash,
    });
  const users: Record<Exclude<Actor, 'anon'>, UserRow> = {
    principalOwn: await user('principal', districtA.id, schoolA1.id),
    principalOther: await user('principal', districtA.id, schoolA2.id),
    supervisor: await user('supervisor', districtA.id),
    supervisorOther: await user('supervisor', districtB.id),
    admin: await user('admin', districtA.id),
    adminOther: await user('admin', districtB.id),
  };
  const principalB = await user('principal', districtB.id, schoolB1.id);

  return {
    db,
    districtA,
    districtB,
    schoolA1,
    schoolA2,
    schoolB1,
    teacherA1,
    users,
    principalB,
    /** A caller acting as one of the actors (anon: signed out). */
    as(actor: Actor, opts?: CallerOptions): Caller & ReturnType<typeof callerFor> {
      return callerFor(db, actor === 'anon' ? null : users[actor], opts);
    },
    /** Puts the known test password back (a test changed it). */
    async resetPassword(userId: string) {
      await db.updateTable('users').set({ password_hash }).where('id', '=', userId).execute();
    },
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
