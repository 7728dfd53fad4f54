import { createTestDb, type TestDb, uniqueNpsn } from '@siklus/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectOutcome } from '../testing/matrix';
import { makeWorld, type World } from '../testing/world';

/**
 * The district's kecamatan list (issue 15): what the procedures do beyond who may call them
 * (role-matrix.test.ts). The migration of existing free text is tested in db
 * (repositories/subdistricts.test.ts).
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

const bilingualConflict = async (call: Promise<unknown>, field: string) => {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 'CONFLICT', cause: { field } });
  return error as { cause: { messages: { id: string; en: string } } };
};

describe('kecamatan', () => {
  test('one name per district, case folded; another district may have the same name', async () => {
    const admin = w.as('admin');
    const made = await admin.subdistricts.create({ name: '  Tajurhalang ' });
    expect(made).toMatchObject({ name: 'Tajurhalang', active: true, schoolCount: 0 });
    const clash = await bilingualConflict(
      admin.subdistricts.create({ name: 'TAJURHALANG' }),
      'name',
    );
    expect(clash.cause.messages.id).toContain('"Tajurhalang" sudah ada');
    expect(clash.cause.messages.en).toContain('"Tajurhalang" is already on the list');
    // Renaming another one onto it clashes too.
    const other = await admin.subdistricts.create({ name: 'Tanah Sareal' });
    await bilingualConflict(
      admin.subdistricts.update({ subdistrictId: other.id, name: 'tajurhalang' }),
      'name',
    );
    // A change of case of its own name is a rename, not a clash.
    const recased = await admin.subdistricts.update({
      subdistrictId: other.id,
      name: 'Tanah sareal',
    });
    expect(recased.name).toBe('Tanah sareal');
    // District B keeps its own list.
    const b = await w.as('adminOther').subdistricts.create({ name: 'Tajurhalang' });
    expect(b.districtId).not.toBe(made.districtId);
    const listA = await w.as('supervisor').subdistricts.list({});
    expect(listA.map((k) => k.name)).toContain('Tajurhalang');
    expect(listA.map((k) => k.id)).not.toContain(b.id);
  });

  test('a school picks from the list: its spelling is stored; free text and other districts refused', async () => {
    const admin = w.as('admin');
    await admin.subdistricts.create({ name: 'Parung Panjang' });
    const school = await admin.schools.create({
      npsn: uniqueNpsn(),
      name: 'SD Negeri Parung 1',
      subdistrict: 'parung  panjang'.replace('  ', ' '),
    });
    expect(school.subdistrict).toBe('Parung Panjang');
    const refused = await admin.schools
      .create({ npsn: uniqueNpsn(), name: 'SD Negeri Entah', subdistrict: 'Kec. Entah' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'subdistrict' } });
    // District B's kecamatan is not on district A's list.
    await w.as('adminOther').subdistricts.create({ name: 'Kuta Selatan' });
    await expectOutcome(
      admin.schools.create({ npsn: uniqueNpsn(), name: 'SD X', subdistrict: 'Kuta Selatan' }),
      'BAD_REQUEST',
    );
    // Another district's kecamatan cannot be touched by id either.
    const [own] = (await admin.subdistricts.list({})).filter((k) => k.name === 'Parung Panjang');
    await expectOutcome(
      w.as('adminOther').subdistricts.update({ subdistrictId: own!.id, name: 'Diambil' }),
      'NOT_FOUND',
    );
    await expectOutcome(
      w.as('supervisor').subdistricts.update({ subdistrictId: own!.id, active: false }),
      'FORBIDDEN',
    );
  });

  test('a rename reaches every school; a deactivated one stays on its schools but is not offered', async () => {
    const admin = w.as('admin');
    const k = await admin.subdistricts.create({ name: 'Rumpin' });
    const school = await admin.schools.create({
      npsn: uniqueNpsn(),
      name: 'SD Negeri Rumpin 1',
      subdistrict: 'Rumpin',
    });
    const renamed = await admin.subdistricts.update({ subdistrictId: k.id, name: 'Rumpin Barat' });
    expect(renamed).toMatchObject({ name: 'Rumpin Barat', schoolCount: 1 });
    expect((await admin.schools.get({ schoolId: school.id })).subdistrict).toBe('Rumpin Barat');
    const filtered = await w.as('supervisor').schools.list({ subdistrict: 'Rumpin Barat' });
    expect(filtered.items.map((s) => s.id)).toEqual([school.id]);

    await admin.subdistricts.update({ subdistrictId: k.id, active: false });
    // Not offered for schools...
    expect((await admin.subdistricts.list({})).map((x) => x.id)).not.toContain(k.id);
    await expectOutcome(
      admin.schools.create({ npsn: uniqueNpsn(), name: 'SD Y', subdistrict: 'Rumpin Barat' }),
      'BAD_REQUEST',
    );
    // ...but the school keeps it, can be edited without moving, and the filter still lists it.
    const edited = await admin.schools.update({
      schoolId: school.id,
      name: 'SD Negeri Rumpin Satu',
      subdistrict: 'Rumpin Barat',
    });
    expect(edited.subdistrict).toBe('Rumpin Barat');
    expect(await w.as('supervisor').schools.subdistricts()).toContain('Rumpin Barat');
    const all = await admin.subdistricts.list({ includeInactive: true });
    expect(all.find((x) => x.id === k.id)).toMatchObject({ active: false, schoolCount: 1 });
    // Every change is audited.
    const log = await admin.audit.list({ action: 'subdistrict' });
    expect(log.items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'subdistrict.create',
        'subdistrict.update',
        'subdistrict.deactivate',
      ]),
    );
  });
});
