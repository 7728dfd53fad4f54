import { createTestDb, type TestDb } from '@siklus/db/testing';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeWorld, type World } from '../testing/world';

/*
 * The audit log you can read: before/after as field-by-field changes in words, and the CSV
 * export (the admin's district only, bilingual headers, UTF-8 with a BOM, the district's
 * clock and days).
 */

let testDb: TestDb;
let w: World;
beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
  const entry = (districtId: string, iso: string, before: object, after: object) => ({
    district_id: districtId,
    user_id: w.users.admin.id,
    action: 'cycle.approve',
    entity: 'cycle',
    before: JSON.stringify(before),
    after: JSON.stringify(after),
    reason: '=HYPERLINK("x")',
    created_at: new Date(iso),
  });
  await testDb.db
    .insertInto('audit_log')
    .values([
      // 16:30 UTC is 23:30 WIB on 1 Dec; 17:30 UTC is 00:30 WIB on 2 Dec.
      entry(
        w.districtA.id,
        '2026-12-01T16:30:00Z',
        { status: 'submitted' },
        { status: 'approved' },
      ),
      entry(w.districtA.id, '2026-12-01T17:30:00Z', { version: 3 }, { version: 4 }),
      entry(w.districtB.id, '2026-12-01T17:30:00Z', { version: 8 }, { version: 9 }),
    ])
    .execute();
});
afterAll(async () => {
  await testDb?.destroy();
});

function decode(file: { contentBase64: string }) {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const text = bytes.toString('utf8');
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';' }).data.filter(
    (r) => r.length > 1,
  );
  return { bytes, text, rows };
}

describe('before/after in words', () => {
  test('the list carries each entry’s changes, field names and values in words', async () => {
    const page = await w.as('admin').audit.list({ action: 'cycle.approve', limit: 10 });
    const approved = page.items.find((e) => e.changes.some((c) => c.field === 'status'));
    expect(approved?.changes).toEqual([
      {
        field: 'status',
        label: { id: 'Status', en: 'Status' },
        before: { id: 'Diajukan', en: 'Submitted' },
        after: { id: 'Disetujui', en: 'Approved' },
      },
    ]);
  });
});

describe('the audit CSV', () => {
  test('holds the admin’s district only, with a BOM, bilingual headers and the district’s clock', async () => {
    const file = await w.as('admin').audit.exportCsv({ action: 'cycle.approve' });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.fileName).toMatch(/^Log-Audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const { bytes, rows } = decode(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]!.slice(0, 4)).toEqual([
      'Waktu (WIB) / Time (WIB)',
      'Pengguna / User',
      'Nama / Name',
      'Kode tindakan / Action code',
    ]);
    expect(rows[0]).toContain('Perubahan / Changes (id)');
    // District B's entry is not here: two rows, newest first, at WIB wall-clock times.
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '2 Desember 2026 00.30.00',
      '1 Desember 2026 23.30.00',
    ]);
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(rows[2]![col('Perubahan / Changes (id)')]).toBe('Status: Diajukan → Disetujui');
    expect(rows[1]![col('Perubahan / Changes (en)')]).toBe('Version: 3 → 4');
    // A value Excel would run as a formula is written as text.
    expect(rows[1]![col('Alasan / Reason')]).toBe('\'=HYPERLINK("x")');
  });

  test('filters by the district’s days, in its zone', async () => {
    const dec1 = decode(
      await w
        .as('admin')
        .audit.exportCsv({ action: 'cycle.approve', from: '2026-12-01', to: '2026-12-01' }),
    );
    expect(dec1.rows.slice(1).map((r) => r[0])).toEqual(['1 Desember 2026 23.30.00']);
    await w.as('admin').district.setTimeZone({ timeZone: 'Asia/Jayapura' });
    try {
      // In WIT both entries fall on 2 December (01:30 and 02:30).
      const dec2 = decode(
        await w
          .as('admin')
          .audit.exportCsv({ action: 'cycle.approve', from: '2026-12-02', to: '2026-12-02' }),
      );
      expect(dec2.rows[0]![0]).toBe('Waktu (WIT) / Time (WIT)');
      expect(dec2.rows.slice(1).map((r) => r[0])).toEqual([
        '2 Desember 2026 02.30.00',
        '2 Desember 2026 01.30.00',
      ]);
    } finally {
      await w.as('admin').district.setTimeZone({ timeZone: 'Asia/Jakarta' });
    }
  });
});
