import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDb, type Database } from './create-db';
import { toAppError } from './errors';
import { pgQuery } from './testing/pg-admin';

/*
 * The pg pool against a real Postgres whose backends are killed (CI's Postgres pass; see
 * vitest.config.ts): the process survives, the failed query says "try again", the pool
 * serves again. Only this file's own database is touched.
 */

const SERVER_URL = process.env.DATABASE_URL!;
const NAME = `siklus_fault_${process.pid}_${randomBytes(3).toString('hex')}`;
const url = new URL(SERVER_URL);
url.pathname = `/${NAME}`;
let database: Database;

const terminate = (pid: number) => pgQuery(SERVER_URL, 'select pg_terminate_backend($1)', [pid]);
const alive = async (pid: number) =>
  (await pgQuery(SERVER_URL, 'select 1 from pg_stat_activity where pid = $1', [pid])).length > 0;

async function until(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  await pgQuery(SERVER_URL, `create database ${NAME}`);
  database = await createDb({ databaseUrl: url.toString(), poolSize: 2 });
});
afterAll(async () => {
  await database?.close();
  await pgQuery(SERVER_URL, `drop database if exists ${NAME} with (force)`);
});

test('a connection killed inside a transaction, between two queries: an error, not a crash', async () => {
  // Without a listener on the checked-out client, its 'error' event is unhandled and ends
  // the process (vitest reports it as an unhandled error, failing this file).
  const outcome = await database.db
    .transaction()
    .execute(async (tx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
      const pid = rows[0]!.pid;
      await terminate(pid);
      await until('the backend to end', async () => !(await alive(pid)));
      // Give the client's socket its turn to see the FATAL message and the close.
      await new Promise((resolve) => setImmediate(resolve));
      await sql`select 1`.execute(tx);
      return 'committed';
    })
    .catch((err: unknown) => err);
  expect(outcome).toBeInstanceOf(Error);
  const appError = toAppError(outcome);
  expect(appError.code).toBe('UNAVAILABLE');
  expect(appError.messages.id).toBe('Basis data sedang tidak tersedia. Coba lagi sebentar lagi.');

  // The pool has dropped the dead client and serves from a new connection.
  const { rows } = await sql<{ n: number }>`select 1 as n`.execute(database.db);
  expect(rows[0]?.n).toBe(1);
});

test('statement_timeout cancels a runaway statement: UNAVAILABLE, the database is busy', async () => {
  const quick = await createDb({
    databaseUrl: url.toString(),
    poolSize: 1,
    statementTimeoutMs: 300,
  });
  try {
    const err = await sql`select pg_sleep(5)`.execute(quick.db).catch((e: unknown) => e);
    const appError = toAppError(err);
    expect(appError.code).toBe('UNAVAILABLE');
    expect(appError.messages.en).toMatch(/busy; try again/);
    const { rows } = await sql<{ n: number }>`select 2 as n`.execute(quick.db);
    expect(rows[0]?.n).toBe(2);
  } finally {
    await quick.close();
  }
});
