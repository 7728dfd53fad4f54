import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BATCH_SIZE } from '@siklus/api';
import { makeWorld, TEST_PASSWORD, type World } from '@siklus/api/testing';
import type { Database } from '@siklus/db';
import { createTestDb, type TestDb } from '@siklus/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from './app';
import { parseEnv } from './env';

/** The HTTP surface: the tRPC adapter, cookies, and the protections in front of it. */

let testDb: TestDb;
let w: World;
let app: FastifyInstance;
const HOST = 'siklus.test';
const ORIGIN = `http://${HOST}`;

function databaseOf(t: TestDb): Database {
  return { db: t.db, kind: t.kind, close: async () => {} };
}

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
  app = await buildServer({
    env: parseEnv({ NODE_ENV: 'test' }),
    database: databaseOf(testDb),
    logger: false,
    apps: false,
  });
});
afterAll(async () => {
  await app?.close();
  await testDb?.destroy();
});

const json = (body: unknown) => JSON.stringify(body);
const headers = (extra: Record<string, string> = {}) => ({
  host: HOST,
  'content-type': 'application/json',
  ...extra,
});

async function login(username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    headers: headers({ origin: ORIGIN }),
    payload: json({ login: username, password: TEST_PASSWORD }),
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'siklus_session');
  expect(cookie).toBeDefined();
  return `siklus_session=${cookie!.value}`;
}

const teacherCount = async () =>
  Number(
    (
      await testDb.db
        .selectFrom('teachers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('over HTTP', () => {
  test('/health reports the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  test('cookie sign-in, then a query and a mutation with that cookie', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: headers({ origin: ORIGIN }),
      payload: json({ login: w.users.principalOwn.username, password: TEST_PASSWORD }),
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^siklus_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const cookie = setCookie.split(';')[0]!;

    const me = await app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      headers: { host: HOST, cookie },
    });
    expect(me.json().result.data).toMatchObject({ username: w.users.principalOwn.username });

    const input = encodeURIComponent(json({ schoolId: w.schoolA1.id }));
    const list = await app.inject({
      method: 'GET',
      url: `/trpc/teachers.list?input=${input}`,
      headers: { host: HOST, cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().result.data.map((t: { id: string }) => t.id)).toContain(w.teacherA1.id);

    const created = await app.inject({
      method: 'POST',
      url: '/trpc/teachers.create',
      headers: headers({ cookie, origin: ORIGIN }),
      payload: json({ schoolId: w.schoolA1.id, name: 'Guru Lewat HTTP' }),
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().result.data).toMatchObject({ name: 'Guru Lewat HTTP' });

    // Batched queries work too.
    const batch = await app.inject({
      method: 'GET',
      url: `/trpc/auth.me,schools.list?batch=1&input=${encodeURIComponent(json({ 0: null, 1: {} }))}`,
      headers: { host: HOST, cookie },
    });
    expect(batch.statusCode).toBe(200);
    expect(batch.json()).toHaveLength(2);

    const out = await app.inject({
      method: 'POST',
      url: '/trpc/auth.logout',
      headers: headers({ cookie, origin: ORIGIN }),
    });
    expect(out.statusCode).toBe(200);
    const after = await app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      headers: { host: HOST, cookie },
    });
    expect(after.json().result.data).toBeNull();
  });

  test('errors carry the code, both languages, the field and a request id', async () => {
    const cookie = await login(w.users.principalOwn.username);
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/teachers.create',
      headers: headers({ cookie }),
      payload: json({ schoolId: w.schoolA1.id, name: 'x'.repeat(500) }),
    });
    expect(res.statusCode).toBe(400);
    const data = res.json().error.data;
    expect(data.appError).toMatchObject({ code: 'BAD_REQUEST', field: 'name' });
    expect(data.appError.messages.id).toBeTruthy();
    expect(data.appError.messages.en).toBeTruthy();
    expect(data.requestId).toBe(res.headers['x-request-id']);

    const anon = await app.inject({
      method: 'POST',
      url: '/trpc/teachers.create',
      headers: headers(),
      payload: json({ schoolId: w.schoolA1.id, name: 'Guru' }),
    });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.data.appError.code).toBe('UNAUTHORIZED');

    const other = await app.inject({
      method: 'GET',
      url: `/trpc/schools.get?input=${encodeURIComponent(json({ schoolId: w.schoolB1.id }))}`,
      headers: { host: HOST, cookie },
    });
    expect(other.statusCode).toBe(404);
  });

  test('a multipart mutation is refused before it runs', async () => {
    const cookie = await login(w.users.principalOwn.username);
    const before = await teacherCount();
    const boundary = '----siklus';
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/teachers.create',
      headers: { host: HOST, cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: [
        `--${boundary}`,
        'Content-Disposition: form-data; name="schoolId"',
        '',
        w.schoolA1.id,
        `--${boundary}`,
        'Content-Disposition: form-data; name="name"',
        '',
        'Guru Palsu',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.data.appError.messages.en).toContain('JSON');
    expect(await teacherCount()).toBe(before);
  });

  test('a text/plain mutation (a simple cross-site form) is refused', async () => {
    const cookie = await login(w.users.principalOwn.username);
    const before = await teacherCount();
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/teachers.create',
      headers: { host: HOST, cookie, 'content-type': 'text/plain' },
      payload: json({ schoolId: w.schoolA1.id, name: 'Guru Palsu' }),
    });
    expect(res.statusCode).toBe(415);
    expect(await teacherCount()).toBe(before);
  });

  test('a mutation from a foreign Origin is refused, even with a valid cookie', async () => {
    const cookie = await login(w.users.principalOwn.username);
    const before = await teacherCount();
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/teachers.create',
      headers: headers({ cookie, origin: 'https://evil.example' }),
      payload: json({ schoolId: w.schoolA1.id, name: 'Guru Palsu' }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.data.appError.code).toBe('FORBIDDEN');
    const crossSite = await app.inject({
      method: 'POST',
      url: '/trpc/teachers.create',
      headers: headers({ cookie, 'sec-fetch-site': 'cross-site' }),
      payload: json({ schoolId: w.schoolA1.id, name: 'Guru Palsu' }),
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await teacherCount()).toBe(before);
  });

  test('an oversize body is refused with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: headers({ origin: ORIGIN }),
      payload: json({ login: 'admin', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.data.appError.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a batch above maxBatchSize is refused', async () => {
    const batchOf = (n: number) =>
      app.inject({
        method: 'GET',
        url: `/trpc/${Array.from({ length: n }, () => 'schools.subdistricts').join(',')}?batch=1&input={}`,
        headers: { host: HOST },
      });
    // At the limit: answered (each item UNAUTHORIZED here, signed out).
    expect((await batchOf(MAX_BATCH_SIZE)).json()).toHaveLength(MAX_BATCH_SIZE);
    const over = await batchOf(MAX_BATCH_SIZE + 1);
    expect(over.statusCode).toBe(400);
    expect(over.json().error.data.appError.code).toBe('BAD_REQUEST');
  });

  test('responses carry a request id and defensive headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { host: HOST } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('in production', () => {
  let prodDb: TestDb;
  let prod: FastifyInstance;
  let appsDir: string;
  beforeAll(async () => {
    prodDb = await createTestDb();
    await makeWorld(prodDb.db);
    appsDir = mkdtempSync(join(tmpdir(), 'siklus-apps-'));
    for (const name of ['supervision', 'admin']) {
      mkdirSync(join(appsDir, name, 'assets'), { recursive: true });
      writeFileSync(join(appsDir, name, 'index.html'), `<!doctype html><title>${name}</title>`);
      writeFileSync(join(appsDir, name, 'assets', 'app.js'), `console.log('${name}')`);
    }
    prod = await buildServer({
      env: parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      database: databaseOf(prodDb),
      logger: false,
      apps: { supervision: join(appsDir, 'supervision'), admin: join(appsDir, 'admin') },
    });
  });
  afterAll(async () => {
    await prod?.close();
    await prodDb?.destroy();
  });

  test('the session cookie is Secure with the __Host- prefix', async () => {
    const user = await prodDb.db
      .selectFrom('users')
      .select('username')
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const res = await prod.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: headers(),
      payload: json({ login: user.username, password: TEST_PASSWORD }),
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-siklus_session=/);
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('HttpOnly');
  });

  test('serves both apps with a fallback to index.html for client routes', async () => {
    const root = await prod.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(root.body).toContain('<title>supervision</title>');
    const deep = await prod.inject({
      method: 'GET',
      url: '/schools/123',
      headers: { accept: 'text/html' },
    });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>supervision</title>');
    const admin = await prod.inject({
      method: 'GET',
      url: '/admin/users/1',
      headers: { accept: 'text/html' },
    });
    expect(admin.body).toContain('<title>admin</title>');
    const asset = await prod.inject({ method: 'GET', url: '/admin/assets/app.js' });
    expect(asset.body).toContain("console.log('admin')");
    const missing = await prod.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
  });

  test('a database failure: 503 on /health, and no internals in the error', async () => {
    await prodDb.destroy();
    const health = await prod.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ database: 'down' });
    const res = await prod.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: headers(),
      payload: json({ login: 'admin', password: 'whatever-password' }),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    const body = res.body;
    expect(body).not.toMatch(/stack|select|insert|\.ts|node_modules|constraint|PGlite/i);
    const data = res.json().error.data;
    expect(data.requestId).toBe(res.headers['x-request-id']);
    expect(data.appError.messages.id).toBeTruthy();
  });
});
