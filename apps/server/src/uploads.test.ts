import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, DEMO_PASSWORD, LocalFileStore, seed } from '@siklus/db';
import { createTestDb, makeCycle, makeStudy, type TestDb } from '@siklus/db/testing';
import exifr from 'exifr';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from './app';
import { parseEnv } from './env';

/**
 * Evidence files over real HTTP, as the page sends them: a multipart POST with the session
 * cookie, then GET links. Scope, limits and headers are checked on the wire.
 */

let testDb: TestDb;
let app: FastifyInstance;
let base: string;
let filesDir: string;
let cycleId: string;
let otherPrincipal: string;

beforeAll(async () => {
  testDb = await createTestDb();
  await seed(testDb.db);
  const database: Database = { db: testDb.db, kind: testDb.kind, close: async () => {} };
  filesDir = mkdtempSync(join(tmpdir(), 'siklus-upload-'));
  app = await buildServer({
    env: parseEnv({ NODE_ENV: 'test' }),
    database,
    logger: false,
    apps: false,
    files: new LocalFileStore(filesDir),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // A new study in draft at Lulut 2, configured like its existing one.
  const existing = await testDb.db
    .selectFrom('studies as s')
    .innerJoin('schools as sch', 'sch.id', 's.school_id')
    .selectAll('s')
    .where('sch.name', '=', 'SD Negeri Lulut 2')
    .executeTakeFirstOrThrow();
  const study = await makeStudy(testDb.db, {
    district_id: existing.district_id,
    school_id: existing.school_id,
    rubric_version_id: existing.rubric_version_id,
    band_set_version_id: existing.band_set_version_id,
    criteria_set_version_id: existing.criteria_set_version_id,
  });
  cycleId = (await makeCycle(testDb.db, { study_id: study.id, ordinal: 0, status: 'draft' })).id;
  const other = await testDb.db
    .selectFrom('users')
    .select('username')
    .where('role', '=', 'principal')
    .where('district_id', '=', existing.district_id)
    .where('school_id', '!=', existing.school_id)
    .orderBy('username')
    .executeTakeFirstOrThrow();
  otherPrincipal = other.username;
});

afterAll(async () => {
  await app?.close();
  await testDb?.destroy();
  rmSync(filesDir, { recursive: true, force: true });
});

interface ErrorBody {
  error: { data: { appError: { code: string; messages: { id: string; en: string } } } };
}
/** The API's error, as an answer carries it. */
const appErrorOf = async (res: Response) => ((await res.json()) as ErrorBody).error.data.appError;

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
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('siklus_session='))!;
  cookies.set(username, cookie.split(';')[0]!);
  return cookies.get(username)!;
}

async function post(
  path: string,
  bytes: Uint8Array,
  name: string,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), name);
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie: await login('kepsek.lulut2'), ...headers },
    body: form,
  });
}

async function get(path: string, username: string) {
  return fetch(`${base}${path}`, { headers: { cookie: await login(username) } });
}

const photo = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#4477aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Kamera Sekolah' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 35/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 47/1 0/1',
      },
    })
    .toBuffer();

describe('upload and download over HTTP', () => {
  test('a photo goes up as multipart and comes back without its location', async () => {
    const original = await photo();
    expect(await exifr.gps(original)).toBeDefined();
    const res = await post(`/files/cycles/${cycleId}?stage=observation`, original, 'kelas 5A.jpg');
    expect(res.status).toBe(201);
    const row = (await res.json()) as { id: string };
    expect(row).toMatchObject({ fileName: 'kelas 5A.jpg', stage: 'observation', width: 2000 });

    const file = await get(`/files/attachments/${row.id}`, 'kepsek.lulut2');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="kelas 5A.jpg"; filename*=UTF-8''kelas%205A.jpg`,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(await exifr.gps(bytes)).toBeUndefined();
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();

    const thumb = await get(`/files/attachments/${row.id}/thumbnail`, 'pengawas');
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(thumb.headers.get('content-disposition')).toMatch(/^inline; filename="kelas 5A.webp"/);

    // Another school's principal: refused with the API's JSON error.
    const refused = await get(`/files/attachments/${row.id}`, otherPrincipal);
    expect(refused.status).toBe(403);
    expect((await appErrorOf(refused)).code).toBe('FORBIDDEN');
    // Signed out.
    const anon = await fetch(`${base}/files/attachments/${row.id}`);
    expect(anon.status).toBe(401);
  });

  test('over 10 MB is refused with 413 and the limit in both languages', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    const res = await post(`/files/cycles/${cycleId}?stage=planning`, big, 'besar.pdf');
    expect(res.status).toBe(413);
    expect((await appErrorOf(res)).messages).toEqual({
      id: 'Berkas terlalu besar: paling besar 10 MB per berkas.',
      en: 'The file is too large: at most 10 MB a file.',
    });
  });

  test('a renamed executable is refused by its content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);
    const res = await post(`/files/cycles/${cycleId}?stage=planning`, exe, 'foto.jpg');
    expect(res.status).toBe(400);
    expect((await appErrorOf(res)).messages.id).toContain('Jenis berkas tidak diterima');
  });

  test('a bad stage, a body that is not multipart and a foreign origin are refused', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const stage = await post(`/files/cycles/${cycleId}?stage=kesimpulan`, png, 'a.png');
    expect(stage.status).toBe(400);
    expect((await appErrorOf(stage)).messages.en).toContain('The stage must be');

    const json = await fetch(`${base}/files/cycles/${cycleId}?stage=planning`, {
      method: 'POST',
      headers: { cookie: await login('kepsek.lulut2'), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);

    const foreign = await post(`/files/cycles/${cycleId}?stage=planning`, png, 'a.png', {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    const list = await testDb.db
      .selectFrom('attachments')
      .select('file_name')
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(list.map((r) => r.file_name)).toEqual(['kelas 5A.jpg']);
  });
});
