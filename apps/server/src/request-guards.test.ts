import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { COSTLY_PER_BATCH, IMPORT_BODY_LIMIT } from '@siklus/api';
import { makeWorld, TEST_PASSWORD, type World } from '@siklus/api/testing';
import { createTestDb, type TestDb } from '@siklus/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BODY_LIMIT, buildServer } from './app';
import { parseEnv } from './env';

/*
 * The request guards over real sockets, replaying issue 13's findings: percent-encoded
 * paths, chunked bodies, oversized URLs and headers, NUL in text, deep payloads and
 * batches of costly calls. Each refusal must be the same JSON error envelope.
 */

let testDb: TestDb;
let w: World;
let app: FastifyInstance;
let base: string;
let port: number;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
  app = await buildServer({
    env: parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database: { db: testDb.db, kind: testDb.kind, close: async () => {} },
    logger: false,
    apps: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await app?.close();
  await testDb?.destroy();
});

interface Envelope {
  error: {
    code: number;
    data: {
      code: string;
      httpStatus: number;
      requestId: string | null;
      appError: { code: string; messages: { id: string; en: string }; field: string | null };
    };
  };
}

function expectEnvelope(status: number, body: unknown, code = 'BAD_REQUEST'): Envelope {
  const envelope = body as Envelope;
  expect(envelope.error.data.httpStatus).toBe(status);
  expect(envelope.error.data.appError.code).toBe(code);
  expect(envelope.error.data.appError.messages.id).toBeTruthy();
  expect(envelope.error.data.appError.messages.en).toBeTruthy();
  expect(envelope.error.data.requestId).toMatch(/^[0-9a-f-]{36}$/);
  return envelope;
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

/** A POST whose body is sent in chunks with no Content-Length. */
function postChunked(
  path: string,
  chunks: Iterable<string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer and close before every chunk is written.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    (async () => {
      for (const chunk of chunks) {
        if (req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => {});
  });
}

/** Raw bytes on a socket, for requests fetch would refuse to send. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => {
      out += d.toString('utf8');
    });
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' ? resolve(out) : reject(e),
    );
    socket.write(text);
  });
}

const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));

const teacherCount = async () =>
  Number(
    (
      await testDb.db
        .selectFrom('teachers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('percent-encoded paths reach the same guards', () => {
  test('a multipart POST to /%74rpc/... is refused before it runs', async () => {
    const cookie = await login(w.users.principalOwn.username);
    const before = await teacherCount();
    for (const path of [
      '/%74rpc/teachers.create',
      '/trpc/%74eachers.create',
      '/trpc/teachers%2Ecreate',
    ]) {
      const form = new FormData();
      form.set('schoolId', w.schoolA1.id);
      form.set('name', 'Guru Palsu');
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      expect(res.status, path).toBe(415);
      expectEnvelope(415, await res.json());
    }
    const logout = await fetch(`${base}/%74rpc/auth.logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x--\r\n',
    });
    expect(logout.status).toBe(415);
    expect(await teacherCount()).toBe(before);
  });

  test('a large multipart body to /%74rpc/auth.login is refused without being read', async () => {
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const chunk = 'x'.repeat(64 * 1024);
    // 64 MiB offered; the answer comes before it is sent, and the socket is closed.
    const res = await postChunked(
      '/%74rpc/auth.login',
      (function* () {
        for (let i = 0; i < 1024; i++) yield chunk;
      })(),
      { 'content-type': 'multipart/form-data; boundary=x' },
    );
    expect(res.status).toBe(415);
    expectEnvelope(415, JSON.parse(res.body));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  test('a batch limit counts encoded names too', async () => {
    const names = Array.from({ length: 2 }, () => 'auth.%6Cogin').join(',');
    const res = await fetch(`${base}/trpc/${names}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 0: { login: 'a', password: 'b' }, 1: { login: 'a', password: 'c' } }),
    });
    expect(res.status).toBe(400);
    expect(expectEnvelope(400, await res.json()).error.data.appError.messages.en).toMatch(
      /one sign-in/,
    );
  });
});

describe('body limits on the bytes read', () => {
  const bigJson = (bytes: number) =>
    (function* () {
      yield '{"login":"admin","password":"';
      const piece = 'x'.repeat(64 * 1024);
      for (let sent = 0; sent < bytes; sent += piece.length) yield piece;
      yield '"}';
    })();

  test('a chunked body over 1 MiB is refused with 413 naming 1 MiB', async () => {
    const res = await postChunked('/trpc/auth.login', bigJson(3.5 * 1024 * 1024));
    expect(res.status).toBe(413);
    const envelope = expectEnvelope(413, JSON.parse(res.body), 'PAYLOAD_TOO_LARGE');
    expect(envelope.error.data.appError.messages.en).toContain('1 MiB');
    expect(envelope.error.data.appError.messages.id).toContain('1 MiB');
  });

  test('the same through an encoded path', async () => {
    const res = await postChunked('/%74rpc/auth.login', bigJson(2 * 1024 * 1024));
    expect(res.status).toBe(413);
  });

  test('a chunked body under the limit is read as usual', async () => {
    const res = await postChunked('/trpc/auth.login', [
      '{"login":"',
      w.users.principalOwn.username,
      `","password":"${TEST_PASSWORD}"}`,
    ]);
    expect(res.status).toBe(200);
  });

  test('imports are held to 4 MiB, named in the message; a batch with anything else to 1 MiB', async () => {
    const cookie = await login(w.users.principalOwn.username);
    const res = await postChunked(
      '/trpc/io.previewImport',
      (function* () {
        yield '{"cycleId":"00000000-0000-4000-8000-000000000000","fileName":"a.csv","contentBase64":"';
        const piece = 'A'.repeat(64 * 1024);
        for (let sent = 0; sent < IMPORT_BODY_LIMIT + 1; sent += piece.length) yield piece;
        yield '"}';
      })(),
      { cookie },
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.data.appError.messages.en).toContain('4 MiB');

    const mixed = await fetch(`${base}/trpc/io.previewImport,auth.logout?batch=1`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ 0: { contentBase64: 'A'.repeat(BODY_LIMIT + 10) }, 1: null }),
    });
    expect(mixed.status).toBe(413);
    expect(((await mixed.json()) as Envelope).error.data.appError.messages.en).toContain('1 MiB');
  });
});

describe('oversized URLs and headers answer the JSON error', () => {
  test('414 for a path parameter over the router limit', async () => {
    const res = await fetch(`${base}/trpc/${'a'.repeat(5_000)}`);
    expect(res.status).toBe(414);
    expectEnvelope(414, await res.json());
  });

  test('431 for headers over the parser limit', async () => {
    const raw = await rawRequest(
      `GET /trpc/auth.me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw.toLowerCase()).toContain('content-type: application/json');
    expectEnvelope(431, bodyOf(raw));
  });

  test('431 for a URL over the parser limit', async () => {
    const raw = await rawRequest(
      `GET /trpc/auth.me?input=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expectEnvelope(431, bodyOf(raw));
  });
});

describe('bad text and deep payloads answer 400 with a field', () => {
  test('NUL in the unauthenticated auth.login: 400 naming the field, not 500', async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin\u0000', password: 'kata-sandi-panjang' }),
    });
    expect(res.status).toBe(400);
    const { appError } = expectEnvelope(400, await res.json()).error.data;
    expect(appError.field).toBe('login');
    expect(appError.messages.en).toMatch(/NUL/);
    expect(appError.messages.id).toMatch(/NUL/);
  });

  test('NUL in a search (a query) answers 400 naming the field', async () => {
    const cookie = await login(w.users.admin.username);
    const input = encodeURIComponent(JSON.stringify({ search: 'Lulut\u0000' }));
    const res = await fetch(`${base}/trpc/schools.list?input=${input}`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(expectEnvelope(400, await res.json()).error.data.appError.field).toBe('search');
  });

  test('a lone surrogate in a rubric name names the field', async () => {
    const cookie = await login(w.users.admin.username);
    const res = await fetch(`${base}/trpc/config.rubrics.create`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      // JSON.stringify would escape it as \ud800, which JSON.parse turns back into one.
      body: '{"name":"Rubrik \\ud800","payload":{"mode":"summary"}}',
    });
    expect(res.status).toBe(400);
    const { appError } = expectEnvelope(400, await res.json()).error.data;
    expect(appError.field).toBe('name');
    expect(appError.messages.en).toMatch(/surrogate/);
  });

  test('a deeply nested payload is a clear 400, not a stack overflow', async () => {
    const cookie = await login(w.users.admin.username);
    const depth = 200_000;
    const res = await fetch(`${base}/trpc/config.rubrics.create`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: `{"name":"Dalam","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    });
    expect(res.status).toBe(400);
    const { appError } = expectEnvelope(400, await res.json()).error.data;
    expect(appError.messages.en).toMatch(/nested/);
    expect(JSON.stringify(appError)).not.toMatch(/call stack/i);

    // A query's input in the URL too; brackets inside strings do not count.
    const deepGet = await fetch(
      `${base}/trpc/auth.me?input=${encodeURIComponent('['.repeat(2_000) + ']'.repeat(2_000))}`,
    );
    expect(deepGet.status).toBe(400);
    expect(((await deepGet.json()) as Envelope).error.data.appError.messages.en).toMatch(/nested/);
    const inString = await fetch(`${base}/trpc/config.rubrics.create`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Rubrik ${'['.repeat(100)}`, payload: { mode: 'summary' } }),
    });
    expect(inString.status).toBe(200);
  });
});

describe('per-batch limits', () => {
  test(`at most ${COSTLY_PER_BATCH} reports or files in one batch`, async () => {
    const cookie = await login(w.users.supervisor.username);
    const batch = (n: number) =>
      fetch(
        `${base}/trpc/${Array.from({ length: n }, () => 'reports.districtHeadline').join(',')}?batch=1&input={}`,
        { headers: { cookie } },
      );
    const ok = await batch(COSTLY_PER_BATCH);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveLength(COSTLY_PER_BATCH);
    const over = await batch(COSTLY_PER_BATCH + 1);
    expect(over.status).toBe(400);
    expect(expectEnvelope(400, await over.json()).error.data.appError.messages.en).toContain(
      `At most ${COSTLY_PER_BATCH}`,
    );
  });

  test('one auth.login per batch: two guesses in one POST check no password', async () => {
    const res = await fetch(`${base}/trpc/auth.login,auth.login?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        0: { login: w.users.principalOwn.username, password: 'salah-salah-salah' },
        1: { login: w.users.principalOwn.username, password: TEST_PASSWORD },
      }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
