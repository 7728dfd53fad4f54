import { createTestDb, makeSchool, type TestDb, uniqueNpsn } from '@siklus/db/testing';
import { localDate } from '@siklus/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectOutcome } from './testing/matrix';
import { makeWorld, type World } from './testing/world';

/** What the directory procedures return, beyond who may call them (role-matrix.test.ts). */

let testDb: TestDb;
let w: World;
beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

describe('schools', () => {
  test('a principal lists only their school; a supervisor only their district', async () => {
    const own = await w.as('principalOwn').schools.list({});
    expect(own.items.map((s) => s.id)).toEqual([w.schoolA1.id]);
    const district = await w.as('supervisor').schools.list({ limit: 200 });
    const ids = district.items.map((s) => s.id);
    expect(ids).toContain(w.schoolA1.id);
    expect(ids).toContain(w.schoolA2.id);
    expect(ids).not.toContain(w.schoolB1.id);
    expect(district.total).toBe(district.items.length);
  });

  test('search by NPSN prefix or name, filter by subdistrict, paged', async () => {
    const s = await makeSchool(testDb.db, {
      district_id: w.districtA.id,
      name: 'SD Negeri Lulut 2',
      subdistrict: 'Klapanunggal',
    });
    const sup = w.as('supervisor');
    expect(
      (await sup.schools.list({ search: s.npsn.slice(0, 6) })).items.map((x) => x.id),
    ).toContain(s.id);
    expect((await sup.schools.list({ search: 'lulut' })).items.map((x) => x.id)).toEqual([s.id]);
    expect(
      (await sup.schools.list({ subdistrict: 'Klapanunggal' })).items.map((x) => x.id),
    ).toEqual([s.id]);
    expect(await sup.schools.subdistricts()).toContain('Klapanunggal');
    const page1 = await sup.schools.list({ limit: 1, offset: 0 });
    const page2 = await sup.schools.list({ limit: 1, offset: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.total).toBeGreaterThanOrEqual(3);
    expect(page2.items[0]!.id).not.toBe(page1.items[0]!.id);
    // A search that looks like SQL is only text.
    expect((await sup.schools.list({ search: "%' or 1=1 --" })).items).toEqual([]);
  });

  test('get returns the school with its active teacher count', async () => {
    const school = await w.as('supervisor').schools.get({ schoolId: w.schoolA1.id });
    expect(school).toMatchObject({ id: w.schoolA1.id, npsn: w.schoolA1.npsn });
    expect(school.teacherCount).toBeGreaterThanOrEqual(1);
  });

  test('admin create, update, deactivate; each audited', async () => {
    const admin = w.as('admin');
    const npsn = uniqueNpsn();
    const created = await admin.schools.create({
      npsn,
      name: 'SD Negeri Baru',
      subdistrict: 'Cibinong',
    });
    expect(created).toMatchObject({ npsn, districtId: w.districtA.id, active: true });
    const updated = await admin.schools.update({ schoolId: created.id, name: 'SD Negeri Baru 1' });
    expect(updated.name).toBe('SD Negeri Baru 1');
    const off = await admin.schools.setActive({ schoolId: created.id, active: false });
    expect(off.active).toBe(false);
    const log = await admin.audit.list({ schoolId: created.id });
    expect(log.items.map((e) => e.action).sort()).toEqual([
      'school.create',
      'school.deactivate',
      'school.update',
    ]);
    // Each entry names the school (as it is called now), for a reader of the log.
    expect(new Set(log.items.map((e) => e.schoolName))).toEqual(new Set(['SD Negeri Baru 1']));
    // Taking another school's NPSN is refused in words.
    await expectOutcome(
      admin.schools.update({ schoolId: created.id, npsn: w.schoolA2.npsn }),
      'CONFLICT',
    );
  });

  describe('bulkCreate', () => {
    const schoolCount = async () =>
      Number(
        (
          await testDb.db
            .selectFrom('schools')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('reports every bad row by number and writes nothing', async () => {
      const before = await schoolCount();
      const good = uniqueNpsn();
      const result = await w.as('admin').schools.bulkCreate({
        rows: [
          { npsn: good, name: 'SD Satu', subdistrict: 'Cibinong' },
          { npsn: '12AB', name: 'SD Dua', subdistrict: 'Cibinong' },
          { npsn: good, name: 'SD Tiga', subdistrict: 'Cibinong' },
          { npsn: w.schoolB1.npsn, name: 'SD Empat', subdistrict: 'Cibinong' },
          { npsn: uniqueNpsn(), name: '   ', subdistrict: 'Cibinong' },
        ],
      });
      expect(result.valid).toBe(false);
      expect(result.created).toBe(0);
      // Rows are numbered as the spreadsheet numbers them: its header is row 1.
      expect(result.errors.map((e) => [e.row, e.field])).toEqual([
        [3, 'npsn'],
        [4, 'npsn'],
        [5, 'npsn'],
        [6, 'name'],
      ]);
      expect(result.errors[1]!.messages.id).toContain('baris 2');
      expect(result.errors[2]!.messages.en).toContain('already registered');
      expect(await schoolCount()).toBe(before);
    });

    test('the row numbers the client read from the sheet (blank lines, a title) are the ones reported', async () => {
      const result = await w.as('admin').schools.bulkCreate({
        rows: [
          { npsn: uniqueNpsn(), name: 'SD Satu', subdistrict: 'Cibinong', line: 3 },
          { npsn: 'x', name: 'SD Dua', subdistrict: 'cibinong', line: 6 },
          { npsn: uniqueNpsn(), name: 'SD Tiga', subdistrict: 'Kec. Entah', line: 9 },
        ],
        dryRun: true,
      });
      expect(result.errors.map((e) => [e.row, e.field])).toEqual([
        [6, 'npsn'],
        [9, 'subdistrict'],
      ]);
      expect(result.errors[1]!.messages.id).toContain('tidak ada dalam daftar kecamatan');
    });

    test('a dry run checks without writing; then all rows go in one transaction', async () => {
      for (const name of ['Cileungsi', 'Jonggol']) {
        await w.as('admin').subdistricts.create({ name });
      }
      const rows = Array.from({ length: 120 }, (_, i) => ({
        npsn: uniqueNpsn(),
        name: `SD Impor ${i + 1}`,
        subdistrict: i % 2 ? 'Cileungsi' : 'Jonggol',
      }));
      const before = await schoolCount();
      const dry = await w.as('admin').schools.bulkCreate({ rows, dryRun: true });
      expect(dry).toMatchObject({ valid: true, created: 0, errors: [] });
      expect(await schoolCount()).toBe(before);
      const done = await w.as('admin').schools.bulkCreate({ rows });
      expect(done).toMatchObject({ valid: true, created: 120 });
      expect(await schoolCount()).toBe(before + 120);
    });
  });
});

describe('teachers', () => {
  test('a principal keeps the roster; a teacher who leaves stays on record', async () => {
    const p = w.as('principalOwn');
    const t = await p.teachers.create({
      schoolId: w.schoolA1.id,
      name: 'Siti Aminah, S.Pd',
      className: 'Guru Kelas 3',
      nip: '198001012005012001',
    });
    expect(t).toMatchObject({ schoolId: w.schoolA1.id, active: true, nuptk: null });
    const edited = await p.teachers.update({ teacherId: t.id, className: 'Guru Kelas 4' });
    expect(edited.className).toBe('Guru Kelas 4');
    await p.teachers.setActive({ teacherId: t.id, active: false });
    const current = await p.teachers.list({ schoolId: w.schoolA1.id });
    expect(current.map((x) => x.id)).not.toContain(t.id);
    const all = await w
      .as('supervisor')
      .teachers.list({ schoolId: w.schoolA1.id, includeInactive: true });
    expect(all.find((x) => x.id === t.id)).toMatchObject({
      active: false,
      name: 'Siti Aminah, S.Pd',
    });
    const log = await w.as('admin').audit.list({ schoolId: w.schoolA1.id, action: 'teacher' });
    expect(log.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['teacher.create', 'teacher.update', 'teacher.deactivate']),
    );
    expect(log.items.every((e) => e.schoolId === w.schoolA1.id)).toBe(true);
    expect(log.items.every((e) => e.schoolName === w.schoolA1.name)).toBe(true);
  });
});

describe('users and the audit log', () => {
  test('an admin creates a principal who can then sign in', async () => {
    const admin = w.as('admin');
    const user = await admin.users.create({
      username: 'Kepsek.Baru',
      email: 'Kepsek.Baru@Sekolah.id',
      fullName: 'Kepala Sekolah Baru',
      role: 'principal',
      schoolId: w.schoolA2.id,
      password: 'sandi-awal-2026',
    });
    expect(user).toMatchObject({
      username: 'kepsek.baru',
      email: 'kepsek.baru@sekolah.id',
      role: 'principal',
      schoolId: w.schoolA2.id,
      schoolName: w.schoolA2.name,
      active: true,
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(user).not.toHaveProperty('password_hash');
    const me = await w
      .as('anon')
      .auth.login({ login: 'kepsek.baru@sekolah.id', password: 'sandi-awal-2026' });
    expect(me?.schoolId).toBe(w.schoolA2.id);
  });

  test('list filters by role and never shows another district', async () => {
    const supervisors = await w.as('admin').users.list({ role: 'supervisor', limit: 200 });
    const ids = supervisors.items.map((u) => u.id);
    expect(ids).toContain(w.users.supervisor.id);
    expect(ids).not.toContain(w.users.supervisorOther.id);
    expect(supervisors.items.every((u) => u.role === 'supervisor')).toBe(true);
  });

  test('a principal moved to supervisor loses the school; an admin cannot lock themselves out', async () => {
    const admin = w.as('admin');
    const user = await admin.users.create({
      username: 'kepsek.pindah',
      fullName: 'Pindah Tugas',
      role: 'principal',
      schoolId: w.schoolA1.id,
      password: 'sandi-awal-2026',
    });
    const moved = await admin.users.update({ userId: user.id, role: 'supervisor' });
    expect(moved).toMatchObject({ role: 'supervisor', schoolId: null });
    await expectOutcome(
      admin.users.setActive({ userId: w.users.admin.id, active: false }),
      'CONFLICT',
    );
    await expectOutcome(
      admin.users.update({ userId: w.users.admin.id, role: 'supervisor' }),
      'CONFLICT',
    );
  });

  test('the audit log filters by user, action prefix and dates, newest first, paged', async () => {
    const admin = w.as('admin');
    const mine = await admin.audit.list({ userId: w.users.admin.id, action: 'user', limit: 200 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(
      mine.items.every((e) => e.userId === w.users.admin.id && e.action.startsWith('user.')),
    ).toBe(true);
    const times = mine.items.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // "Today" is the district's calendar day (WIB here), not UTC's.
    const today = localDate(new Date(), 'Asia/Jakarta');
    const todays = await admin.audit.list({ from: today, to: today, limit: 1 });
    expect(todays.items).toHaveLength(1);
    expect(todays.total).toBeGreaterThan(1);
    const future = await admin.audit.list({ from: '2100-01-01' });
    expect(future.items).toEqual([]);
    // Dates are held to 2000-2100, with the field named.
    await expect(admin.audit.list({ from: '2999-01-01' })).rejects.toMatchObject({
      cause: { code: 'BAD_REQUEST', field: 'from' },
    });
    // The other district's admin sees none of district A's entries.
    const other = await w.as('adminOther').audit.list({ userId: w.users.admin.id });
    expect(other.total).toBe(0);
  });
});
