import type { AddressInfo } from 'node:net';
import { type Database, DEMO_PASSWORD, seed } from '@siklus/db';
import { createTestDb, type TestDb } from '@siklus/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BODY_LIMIT, buildServer } from './app';
import { comparisonFilters } from './downloads';
import { parseEnv } from './env';

/**
 * Downloads over real HTTP (a listening server and fetch, as a browser link does): sign in
 * with the cookie, GET each export, and see scope refused with the API's JSON errors.
 */

let testDb: TestDb;
let app: FastifyInstance;
let base: string;
let studyId: string;
let cycleIds: string[];

beforeAll(async () => {
  testDb = await createTestDb();
  await seed(testDb.db);
  const database: Database = { db: testDb.db, kind: testDb.kind, close: async () => {} };
  app = await buildServer({
    env: parseEnv({ NODE_ENV: 'test' }),
    database,
    logger: false,
    apps: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const study = await testDb.db
    .selectFrom('studies as s')
    .innerJoin('schools as sch', 'sch.id', 's.school_id')
    .select('s.id')
    .where('sch.name', '=', 'SD Negeri Lulut 2')
    .executeTakeFirstOrThrow();
  studyId = study.id;
  cycleIds = (
    await testDb.db
      .selectFrom('cycles')
      .select('id')
      .where('study_id', '=', studyId)
      .orderBy('ordinal')
      .execute()
  ).map((c) => c.id);
});
afterAll(async () => {
  await app?.close();
  await testDb?.destroy();
});

const cookies = new Map<string, string>();
async function login(username: string): Promise<string> {
  const cached = cookies.get(username);
  if (cached) return cached;
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('siklus_session='));
  expect(cookie).toBeDefined();
  const value = cookie!.split(';')[0]!;
  cookies.set(username, value);
  return value;
}

async function get(path: string, username?: string) {
  const headers: Record<string, string> = {};
  if (username) headers.cookie = await login(username);
  return fetch(`${base}${path}`, { headers });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

describe('downloads', () => {
  test('a principal downloads the cycle table, recap, report and template of their school', async () => {
    const table = await get(`/export/cycles/${cycleIds[1]}/table.xlsx`, 'kepsek.lulut2');
    expect(table.status).toBe(200);
    expect(table.headers.get('content-type')).toBe(XLSX);
    expect(table.headers.get('content-disposition')).toBe(
      `attachment; filename="Tabel-Siklus-I-SDN-Lulut-2.xlsx"; filename*=UTF-8''Tabel-Siklus-I-SDN-Lulut-2.xlsx`,
    );
    expect(table.headers.get('cache-control')).toBe('private, no-store');
    expect(isZip(new Uint8Array(await table.arrayBuffer()))).toBe(true);

    const csv = await get(`/export/cycles/${cycleIds[2]}/table.csv`, 'kepsek.lulut2');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Rata-rata;;65,08;Cukup');

    // By default the recap holds approved cycles (Lulut 2's Siklus II awaits review)...
    const recap = await get(`/export/studies/${studyId}/recap.csv`, 'kepsek.lulut2');
    expect(recap.headers.get('content-disposition')).toContain('filename="Rekap-SDN-Lulut-2.csv"');
    expect(await recap.text()).toContain('1;Ismiati, S.Pd;35,75;Kurang;46,75;Kurang;11,00');
    // ...and `?basis=submitted` adds the submitted one.
    const withSubmitted = await get(
      `/export/studies/${studyId}/recap.csv?basis=submitted`,
      'kepsek.lulut2',
    );
    expect(await withSubmitted.text()).toContain(
      '1;Ismiati, S.Pd;35,75;Kurang;46,75;Kurang;53,50;Cukup',
    );

    const report = await get(`/export/studies/${studyId}/report.docx`, 'kepsek.lulut2');
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe(DOCX);
    expect(isZip(new Uint8Array(await report.arrayBuffer()))).toBe(true);

    const template = await get(`/import/cycles/${cycleIds[0]}/template.csv`, 'kepsek.lulut2');
    expect(template.status).toBe(200);
    const bytes = Buffer.from(await template.arrayBuffer());
    // A BOM first, so Excel reads the UTF-8 names right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('\uFEFFNo;Nama Guru;NIP;Persentase');
  });

  test('a supervisor downloads a school’s report and the district comparison with filters', async () => {
    const report = await get(`/export/studies/${studyId}/recap.xlsx`, 'pengawas');
    expect(report.status).toBe(200);
    const comparison = await get(
      '/export/district/comparison.csv?subdistrict=Klapanunggal&sort=latestMean&dir=desc&page=3',
      'pengawas',
    );
    expect(comparison.status).toBe(200);
    expect(comparison.headers.get('content-disposition')).toContain(
      'filename="Perbandingan-Kabupaten-Bogor.csv"',
    );
    const lines = (await comparison.text()).trim().split('\r\n');
    expect(lines.slice(1).every((l) => l.includes(';Klapanunggal;'))).toBe(true);
    expect(lines.some((l) => l.includes('SD Negeri Lulut 2'))).toBe(true);
  });

  test('an admin downloads the audit log of their own district as CSV, filtered', async () => {
    const csv = await get('/export/audit/audit.csv?action=auth.login', 'admin');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /filename="Log-Audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    const lines = bytes.toString('utf8').split('\r\n');
    expect(lines[0]!.startsWith('\uFEFFWaktu (WIB) / Time (WIB);Pengguna / User;')).toBe(true);
    // Only sign-ins, and only Kabupaten Bogor's (the admin's own, just now among them).
    const rows = lines.slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => l.includes(';auth.login;'))).toBe(true);
    expect(rows.some((l) => l.includes('admin.sukabumi'))).toBe(false);
    expect((await get('/export/audit/audit.csv', 'pengawas')).status).toBe(403);
    expect((await get('/export/audit/audit.csv?from=kemarin', 'admin')).status).toBe(400);
    expect((await get('/export/audit/other.csv', 'admin')).status).toBe(404);
  });

  test('out of scope, signed out or unknown: the API’s JSON errors', async () => {
    const otherSchool = await get(`/export/cycles/${cycleIds[0]}/table.xlsx`, 'kepsek.pabuaran1');
    expect(otherSchool.status).toBe(403);
    const body = (await otherSchool.json()) as {
      error: {
        data: {
          appError: { code: string; messages: { id: string; en: string } };
          requestId: string;
        };
      };
    };
    expect(body.error.data.appError.code).toBe('FORBIDDEN');
    expect(body.error.data.appError.messages.id).toBeTruthy();
    expect(body.error.data.requestId).toBe(otherSchool.headers.get('x-request-id'));

    expect((await get(`/export/studies/${studyId}/report.docx`, 'kepsek.pabuaran1')).status).toBe(
      403,
    );
    expect((await get(`/export/studies/${studyId}/report.docx`, 'pengawas.sukabumi')).status).toBe(
      404,
    );
    expect((await get(`/export/studies/${studyId}/recap.xlsx`)).status).toBe(401);
    expect((await get('/export/district/comparison.xlsx', 'kepsek.lulut2')).status).toBe(403);
    expect((await get(`/import/cycles/${cycleIds[0]}/template.xlsx`, 'pengawas')).status).toBe(403);
    expect((await get(`/export/cycles/${cycleIds[0]}/table.pdf`, 'pengawas')).status).toBe(404);
    expect((await get('/export/cycles/not-a-uuid/table.csv', 'pengawas')).status).toBe(400);
  });
});

describe('body limits', () => {
  const post = async (path: string, body: string, username = 'kepsek.lulut2') =>
    fetch(`${base}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await login(username) },
      body,
    });

  test('an import may carry a file over the ordinary 1 MiB limit', async () => {
    // Six teachers and a long notes column: 1.5 MB of CSV, ~2 MB of base64.
    const names = ['Ismiati, S.Pd', 'Nanin Sudiar, S.Pd', 'Lisda, S.Pd'];
    const csv = `Nama Guru;Persentase;Catatan\n${names.map((n) => `${n};50;${'x'.repeat(500_000)}`).join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(BODY_LIMIT);
    const res = await post(
      'io.previewImport',
      JSON.stringify({
        cycleId: cycleIds[2],
        fileName: 'lembar.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
      }),
    );
    expect(res.status).toBe(200);
    const out = (await res.json()) as {
      result: { data: { rows: unknown[]; problemCount: number } };
    };
    expect(out.result.data.rows).toHaveLength(3);
  });

  test('a file over 2 MB gets the import’s own message; other procedures keep 1 MiB', async () => {
    const big = Buffer.alloc(2_200_000, 'a').toString('base64');
    const res = await post(
      'io.previewImport',
      JSON.stringify({ cycleId: cycleIds[2], fileName: 'besar.csv', contentBase64: big }),
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as {
      error: { data: { appError: { messages: { id: string } } } };
    };
    expect(body.error.data.appError.messages.id).toMatch(/^Berkas terlalu besar/);

    const other = await post(
      'cycles.updateNotes',
      JSON.stringify({
        cycleId: cycleIds[2],
        version: 1,
        planningNotes: 'x'.repeat(BODY_LIMIT + 10),
      }),
    );
    expect(other.status).toBe(413);
  });
});

test('comparison filters from a query string', () => {
  expect(
    comparisonFilters({ search: 'Lulut', attention: 'true', sort: 'latestMean:desc', page: '2' }),
  ).toEqual({ search: 'Lulut', attention: true, sort: { by: 'latestMean', dir: 'desc' } });
  expect(comparisonFilters({ sortBy: 'npsn', sortDir: 'asc', status: '' })).toEqual({
    sort: { by: 'npsn', dir: 'asc' },
  });
});
