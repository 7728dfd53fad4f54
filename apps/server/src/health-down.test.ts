import { createServer } from 'node:net';
import { createDb, type Database } from '@siklus/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildServer } from './app';
import { parseEnv } from './env';

/** A server whose Postgres is not there at all (a closed port): it answers, and says so. */

let database: Database;
let app: FastifyInstance;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  database = await createDb({
    databaseUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/siklus_nowhere`,
    connectTimeoutMs: 2_000,
  });
  app = await buildServer({
    env: parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
    database,
    logger: false,
    apps: false,
  });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

test('/health is 503 with the database down', async () => {
  const res = await app.inject({ method: 'GET', url: '/health' });
  expect(res.statusCode).toBe(503);
  expect(res.json()).toEqual({ status: 'unavailable', database: 'down', kind: 'postgres' });
});

test('a request answers 503 "try again" in both languages, with its request id', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    headers: {
      host: 'siklus.test',
      'content-type': 'application/json',
      cookie: 'siklus_session=x',
    },
    payload: JSON.stringify({ login: 'kepsek', password: 'kata-sandi-panjang' }),
  });
  expect(res.statusCode).toBe(503);
  const data = res.json().error.data;
  // One code end to end: tRPC's code says the same as the AppError.
  expect(data.code).toBe('SERVICE_UNAVAILABLE');
  expect(data.appError).toMatchObject({
    code: 'UNAVAILABLE',
    messages: {
      id: 'Basis data sedang tidak tersedia. Coba lagi sebentar lagi.',
      en: 'The database is unavailable right now. Try again in a moment.',
    },
  });
  expect(data.requestId).toBe(res.headers['x-request-id']);
  expect(res.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|\.ts/);
});
