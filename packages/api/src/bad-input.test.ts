import { createTestDb, type TestDb } from '@siklus/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callPath } from './testing/matrix';
import { type Actor, makeWorld, type World } from './testing/world';

/**
 * Input a person (or a script) gets wrong: each answered with the right code, a message in
 * both languages naming the field, and nothing written.
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

async function counts() {
  const count = async (table: 'teachers' | 'schools' | 'users') =>
    Number(
      (
        await testDb.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    teachers: await count('teachers'),
    schools: await count('schools'),
    users: await count('users'),
  };
}

type Case = {
  name: string;
  actor: Actor;
  path: string;
  input: (w: World) => unknown;
  code: TRPCError['code'];
  field?: string;
  /** A word each language's message must contain. */
  says?: { id: string; en: string };
};

const long = (n: number) => 'x'.repeat(n);

const CASES: Case[] = [
  {
    name: 'an unknown field',
    actor: 'principalOwn',
    path: 'teachers.create',
    input: (w) => ({ schoolId: w.schoolA1.id, name: 'Guru Baru', salary: 1 }),
    code: 'BAD_REQUEST',
    says: { id: 'salary', en: 'salary' },
  },
  {
    name: 'an oversize name',
    actor: 'principalOwn',
    path: 'teachers.create',
    input: (w) => ({ schoolId: w.schoolA1.id, name: long(201) }),
    code: 'BAD_REQUEST',
    field: 'name',
    says: { id: '200', en: '200' },
  },
  {
    name: 'a megabyte of text',
    actor: 'principalOwn',
    path: 'teachers.update',
    input: (w) => ({ teacherId: w.teacherA1.id, name: long(1_000_000) }),
    code: 'BAD_REQUEST',
    field: 'name',
  },
  {
    name: 'a number as a string',
    actor: 'principalOwn',
    path: 'teachers.create',
    input: (w) => ({ schoolId: w.schoolA1.id, name: 'Guru Baru', sortOrder: '3' }),
    code: 'BAD_REQUEST',
    field: 'sortOrder',
    // zod's own check, in the words of the domain's field error map (never "Jenis isian salah").
    says: { id: 'Urutan harus berupa angka', en: 'Order must be a number' },
  },
  {
    name: 'a malformed NIP',
    actor: 'principalOwn',
    path: 'teachers.create',
    input: (w) => ({ schoolId: w.schoolA1.id, name: 'Guru Baru', nip: '12345' }),
    code: 'BAD_REQUEST',
    field: 'nip',
    says: { id: 'NIP harus 18 angka', en: 'NIP must be 18 digits' },
  },
  {
    name: 'an id that is not a uuid',
    actor: 'principalOwn',
    path: 'teachers.create',
    input: () => ({ schoolId: "1' or '1'='1", name: 'Guru Baru' }),
    code: 'BAD_REQUEST',
    field: 'schoolId',
  },
  {
    name: 'a school of another district',
    actor: 'principalOwn',
    path: 'teachers.create',
    input: (w) => ({ schoolId: w.schoolB1.id, name: 'Guru Baru' }),
    code: 'NOT_FOUND',
  },
  {
    name: 'a list of a million rows',
    actor: 'supervisor',
    path: 'schools.list',
    input: () => ({ limit: 1_000_000 }),
    code: 'BAD_REQUEST',
    field: 'limit',
  },
  {
    name: 'an NPSN of 3 digits',
    actor: 'admin',
    path: 'schools.create',
    input: () => ({ npsn: '123', name: 'SD Baru', subdistrict: 'Cibinong' }),
    code: 'BAD_REQUEST',
    field: 'npsn',
    says: { id: 'NPSN harus 8 angka', en: 'NPSN must be 8 digits' },
  },
  {
    name: 'an NPSN already registered',
    actor: 'admin',
    path: 'schools.create',
    input: (w) => ({ npsn: w.schoolB1.npsn, name: 'SD Baru', subdistrict: 'Cibinong' }),
    code: 'CONFLICT',
    field: 'npsn',
    says: { id: 'sudah terdaftar', en: 'already registered' },
  },
  {
    name: 'a principal without a school',
    actor: 'admin',
    path: 'users.create',
    input: () => ({
      username: 'kepsek.tanpa.sekolah',
      fullName: 'Tanpa Sekolah',
      role: 'principal',
      password: 'sandi-awal-2026',
    }),
    code: 'BAD_REQUEST',
    field: 'schoolId',
    says: { id: 'Kepala sekolah wajib punya sekolah', en: 'A principal needs a school' },
  },
  {
    name: 'a password of 7 characters',
    actor: 'admin',
    path: 'users.create',
    input: () => ({
      username: 'pengawas.baru',
      fullName: 'Pengawas Baru',
      role: 'supervisor',
      password: '1234567',
    }),
    code: 'BAD_REQUEST',
    field: 'password',
    says: { id: 'Kata sandi minimal 8 karakter', en: 'Password must be at least 8 characters' },
  },
  {
    name: 'a username taken',
    actor: 'admin',
    path: 'users.create',
    input: (w) => ({
      username: w.users.supervisor.username,
      fullName: 'Kembar',
      role: 'supervisor',
      password: 'sandi-awal-2026',
    }),
    code: 'CONFLICT',
    field: 'username',
  },
  {
    name: 'a role that does not exist',
    actor: 'admin',
    path: 'users.create',
    input: () => ({
      username: 'raja.baru',
      fullName: 'Raja',
      role: 'superadmin',
      password: 'sandi-awal-2026',
    }),
    code: 'BAD_REQUEST',
    field: 'role',
    says: { id: 'Peran harus salah satu pilihan', en: 'Role must be one of the options' },
  },
  {
    name: 'a number of days typed as words',
    actor: 'admin',
    path: 'district.setReviewWaitDays',
    input: () => ({ days: 'tujuh' }),
    code: 'BAD_REQUEST',
    field: 'days',
    says: { id: 'Jumlah hari harus berupa angka', en: 'Number of days must be a number' },
  },
  {
    name: 'an extra field at sign-in',
    actor: 'anon',
    path: 'auth.login',
    input: () => ({ login: 'admin', password: 'x', role: 'admin' }),
    code: 'BAD_REQUEST',
  },
  {
    name: 'no input at all',
    actor: 'principalOwn',
    path: 'teachers.create',
    input: () => undefined,
    code: 'BAD_REQUEST',
  },
];

describe.each(CASES)('$name ($path)', (c) => {
  test(`is ${c.code}, in both languages, and writes nothing`, async () => {
    const before = await counts();
    const error = await callPath(w.as(c.actor), c.path, c.input(w)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    const trpc = error as TRPCError;
    expect(trpc.code).toBe(c.code);
    const appError = trpc.cause as unknown as {
      code: string;
      field?: string;
      messages: { id: string; en: string };
    };
    expect(appError.messages.id.length).toBeGreaterThan(3);
    expect(appError.messages.en.length).toBeGreaterThan(3);
    expect(appError.messages.id).not.toBe(appError.messages.en);
    if (c.field) expect(appError.field).toBe(c.field);
    if (c.says) {
      expect(appError.messages.id).toContain(c.says.id);
      expect(appError.messages.en).toContain(c.says.en);
    }
    expect(await counts()).toEqual(before);
  });
});
