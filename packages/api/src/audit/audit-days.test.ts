import { createTestDb, type TestDb } from '@siklus/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeWorld, type World } from '../testing/world';

/*
 * The audit log's date filter means the district's calendar days. Entries around midnight
 * of 1/2 December 2026 land on different days in WIB (+7), WITA (+8) and WIT (+9).
 */

let testDb: TestDb;
let w: World;
beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
  const at = [
    '2026-12-01T14:30:00Z', // 21.30 WIB, 22.30 WITA, 23.30 WIT on 1 Dec
    '2026-12-01T15:30:00Z', // 22.30 WIB, 23.30 WITA on 1 Dec; 00.30 WIT on 2 Dec
    '2026-12-01T16:30:00Z', // 23.30 WIB on 1 Dec; 00.30 WITA, 01.30 WIT on 2 Dec
    '2026-12-01T17:30:00Z', // 00.30 WIB on 2 Dec
  ];
  await testDb.db
    .insertInto('audit_log')
    .values(
      at.map((iso) => ({
        district_id: w.districtA.id,
        user_id: w.users.admin.id,
        action: 'probe.midnight',
        created_at: new Date(iso),
      })),
    )
    .execute();
});
afterAll(async () => {
  await testDb?.destroy();
});

async function day(date: string): Promise<string[]> {
  const page = await w
    .as('admin')
    .audit.list({ action: 'probe.midnight', from: date, to: date, limit: 50 });
  return page.items.map((e) => e.createdAt).sort();
}

describe('the audit log’s days are the district’s days', () => {
  test.each([
    ['Asia/Jakarta', 1, 3],
    ['Asia/Makassar', 2, 2],
    ['Asia/Jayapura', 3, 1],
  ] as const)('in %s, 2 Dec holds %i entries and 1 Dec %i', async (zone, second, first) => {
    const set = await w.as('admin').district.setTimeZone({ timeZone: zone });
    expect(set.timeZone).toBe(zone);
    const dec2 = await day('2026-12-02');
    const dec1 = await day('2026-12-01');
    expect(dec2).toHaveLength(second);
    expect(dec1).toHaveLength(first);
    // Every entry is on exactly one of the two days.
    expect([...dec1, ...dec2].sort()).toHaveLength(4);
    // The list tells the UI which clock to show the times in.
    const page = await w.as('admin').audit.list({ action: 'probe.midnight' });
    expect(page.timeZone).toBe(zone);
  });

  test('setting the zone is the admin’s, recorded, and read by everyone of the district', async () => {
    await w.as('admin').district.setTimeZone({ timeZone: 'Asia/Makassar' });
    expect((await w.as('principalOwn').district.get()).timeZone).toBe('Asia/Makassar');
    expect((await w.as('principalOwn').auth.me())?.timeZone).toBe('Asia/Makassar');
    expect((await w.as('adminOther').district.get()).timeZone).toBe('Asia/Jakarta');
    const log = await w.as('admin').audit.list({ action: 'district' });
    expect(log.items[0]).toMatchObject({
      action: 'district.time_zone',
      after: expect.objectContaining({ timeZone: 'Asia/Makassar' }),
    });
    await w.as('admin').district.setTimeZone({ timeZone: 'Asia/Jakarta' });
  });
});

describe('the audit log in words', () => {
  test('names the actor and the user, school or cycle an action touched', async () => {
    const admin = w.as('admin');
    const created = await admin.users.create({
      username: `guru.baru.${Date.now()}`,
      fullName: 'Budi Santoso',
      role: 'supervisor',
      password: 'kata-sandi-awal-2026',
    });
    await admin.users.setActive({ userId: created.id, active: false });
    const log = await admin.audit.list({ action: 'user.deactivate' });
    expect(log.items[0]).toMatchObject({
      targetName: 'Budi Santoso',
      summary: {
        id: `${w.users.admin.full_name} menonaktifkan pengguna “Budi Santoso”`,
        en: `${w.users.admin.full_name} deactivated the user “Budi Santoso”`,
      },
    });
  });
});
