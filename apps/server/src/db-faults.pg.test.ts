import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { makeWorld, TEST_PASSWORD, type World } from '@siklus/api/testing';
import { createDb, type Database, migrateToLatest } from '@siklus/db';
import { pgQuery, pgSession } from '@siklus/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from './app';
import { parseEnv } from './env';

/*
 * Faults of a real Postgres under a running server (CI's Postgres pass; see
 * vitest.config.ts). The machine's cluster is shared, so it is never restarted: the tests
 * kill the backends of their own database with pg_terminate_backend, and play "Postgres is
 * down, then back" with a TCP relay in front of it that they stop and start.
 */

const SERVER_URL = process.env.DATABASE_URL!;
const DB_NAME = `siklus_fault_${process.pid}_${randomBytes(3).toString('hex')}`;
const dbUrl = (() => {
  const url = new URL(SERVER_URL);
  url.pathname = `/${DB_NAME}`;
  return url;
})();

const UNAVAILABLE_ID = 'Basis data sedang tidak tersedia. Coba lagi sebentar lagi.';

const adminQuery = pgQuery;

/** Polls until check() is true; fails with what it was waiting for. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Backends of our database other than the given one (the server's pooled connections). */
const backendsOf = (except = 0) =>
  adminQuery<{ pid: number; wait_event_type: string | null; state: string | null }>(
    SERVER_URL,
    `select pid, wait_event_type, state from pg_stat_activity
      where datname = $1 and pid <> pg_backend_pid() and pid <> $2`,
    [DB_NAME, except],
  );

const terminateBackends = (except = 0) =>
  adminQuery(
    SERVER_URL,
    `select pg_terminate_backend(pid) from pg_stat_activity
      where datname = $1 and pid <> pg_backend_pid() and pid <> $2`,
    [DB_NAME, except],
  );

const HOST = 'siklus.test';
const servers: FastifyInstance[] = [];
const databases: Database[] = [];
let w: World;

async function serve(url: string | URL, options: { statementTimeoutMs?: number } = {}) {
  const database = await createDb({
    databaseUrl: url.toString(),
    poolSize: 4,
    connectTimeoutMs: 2_000,
    ...options,
  });
  databases.push(database);
  const app = await buildServer({
    env: parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', COOKIE_SECURE: 'false' }),
    database,
    logger: false,
    apps: false,
  });
  servers.push(app);
  return app;
}

async function login(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    headers: { host: HOST, 'content-type': 'application/json' },
    payload: JSON.stringify({ login: username, password: TEST_PASSWORD }),
  });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

const listTeachers = (app: FastifyInstance, cookie: string) =>
  app.inject({
    method: 'GET',
    url: `/trpc/teachers.list?input=${encodeURIComponent(JSON.stringify({ schoolId: w.schoolA1.id }))}`,
    headers: { host: HOST, cookie },
  });

function expectUnavailable(res: Awaited<ReturnType<FastifyInstance['inject']>>) {
  expect(res.statusCode).toBe(503);
  const data = res.json().error.data;
  expect(data.appError.code).toBe('UNAVAILABLE');
  // One code end to end: tRPC's code agrees with the AppError's.
  expect(data.code).toBe('SERVICE_UNAVAILABLE');
  expect(data.appError.messages.id).toBe(UNAVAILABLE_ID);
  expect(data.appError.messages.en).toMatch(/try again/i);
  expect(data.requestId).toBe(res.headers['x-request-id']);
  expect(res.body).not.toMatch(/terminat|ECONN|pg_|\.ts|stack/i);
}

beforeAll(async () => {
  await adminQuery(SERVER_URL, `create database ${DB_NAME}`);
  const setup = await createDb({ databaseUrl: dbUrl.toString(), poolSize: 1 });
  try {
    await migrateToLatest(setup.db);
    w = await makeWorld(setup.db);
  } finally {
    await setup.close();
  }
});

afterAll(async () => {
  for (const app of servers) await app.close();
  for (const database of databases) await database.close();
  await adminQuery(SERVER_URL, `drop database if exists ${DB_NAME} with (force)`);
});

describe('killed connections', () => {
  test('between requests: the pool replaces them and the next request is served', async () => {
    const app = await serve(dbUrl);
    const cookie = await login(app, w.users.principalOwn.username);
    expect((await listTeachers(app, cookie)).statusCode).toBe(200);
    expect((await backendsOf()).length).toBeGreaterThan(0);

    await terminateBackends();
    await until('the backends to end', async () => (await backendsOf()).length === 0);

    const next = await listTeachers(app, cookie);
    expect(next.statusCode).toBe(200);
    expect(next.json().result.data.map((t: { id: string }) => t.id)).toContain(w.teacherA1.id);
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  test('/health right after a kill reflects the database, not the dropped connections', async () => {
    const app = await serve(dbUrl);
    const cookie = await login(app, w.users.principalOwn.username);
    for (let round = 0; round < 5; round++) {
      // Fill the pool (4 connections), then kill them all and ask at once, not waiting for
      // the pool to notice.
      await Promise.all(Array.from({ length: 8 }, () => listTeachers(app, cookie)));
      await terminateBackends();
      const started = Date.now();
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode, `round ${round}`).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', database: 'up' });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  test('mid-request: that request gets 503 "try again", the process lives, the next one is served', async () => {
    // A long statement timeout: on a loaded machine the kill must come first.
    const app = await serve(dbUrl, { statementTimeoutMs: 120_000 });
    const cookie = await login(app, w.users.principalOwn.username);
    // Hold a lock the request will wait on, so it is surely in flight when the kill comes.
    const locker = await pgSession(dbUrl);
    try {
      const lockerPid = locker.pid;
      await locker.query('begin');
      await locker.query('lock table teachers in access exclusive mode');

      const inFlight = listTeachers(app, cookie);
      await until('the request to wait on the lock', async () =>
        (await backendsOf(lockerPid)).some((b) => b.wait_event_type === 'Lock'),
      );
      await terminateBackends(lockerPid);
      expectUnavailable(await inFlight);
      await locker.query('rollback');
    } finally {
      await locker.end();
    }

    const next = await listTeachers(app, cookie);
    expect(next.statusCode).toBe(200);
  });

  test('a statement past the timeout is cancelled: 503, and the connection serves again', async () => {
    const app = await serve(dbUrl, { statementTimeoutMs: 1_500 });
    const cookie = await login(app, w.users.principalOwn.username);
    const locker = await pgSession(dbUrl);
    try {
      await locker.query('begin');
      await locker.query('lock table teachers in access exclusive mode');
      const started = Date.now();
      const res = await listTeachers(app, cookie);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.data.appError.code).toBe('UNAVAILABLE');
      expect(res.json().error.data.appError.messages.en).toMatch(/try again/i);
      // Cancelled by the server's statement_timeout, long before the lock is released.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    expect((await listTeachers(app, cookie)).statusCode).toBe(200);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A TCP relay to Postgres that can be stopped (every connection cut) and started again. */
class Relay {
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(private target: { host: string; port: number }) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = undefined;
  }
}

describe('Postgres down, then back', () => {
  test('requests and /health answer 503 during the gap; service resumes by itself', async () => {
    const target = new URL(SERVER_URL);
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.start();
    try {
      const viaRelay = new URL(dbUrl);
      viaRelay.host = `127.0.0.1:${relay.port}`;
      const app = await serve(viaRelay);
      const cookie = await login(app, w.users.principalOwn.username);
      expect((await listTeachers(app, cookie)).statusCode).toBe(200);

      await relay.stop();
      expectUnavailable(await listTeachers(app, cookie));
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', database: 'down' });

      await relay.start(); // same port: the same DATABASE_URL works again
      await until('the server to serve again', async () => {
        const res = await listTeachers(app, cookie);
        return res.statusCode === 200;
      });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await relay.stop();
    }
  });
});

describe('the process starting before Postgres', () => {
  test('main.ts waits for the database, then migrates and serves; SIGTERM ends it cleanly', async () => {
    const target = new URL(SERVER_URL);
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    // Reserve a port for the relay, then close it: "Postgres is not up yet".
    await relay.start();
    await relay.stop();
    const viaRelay = new URL(dbUrl);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: {
        ...process.env,
        DATABASE_URL: viaRelay.toString(),
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      await until(
        'the server to say it waits',
        async () => log.includes('not reachable yet'),
        60_000,
      );
      expect(child.exitCode).toBeNull();
      await relay.start();
      await until(
        'the server to serve',
        async () =>
          await fetch(`http://127.0.0.1:${port}/health`).then(
            (r) => r.status === 200,
            () => false,
          ),
        60_000,
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await relay.stop();
    }
  }, 120_000);
});
