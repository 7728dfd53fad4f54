import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDb, type DatabaseKind } from '../create-db';
import { migrateToLatest } from '../migrate';
import type { DB } from '../schema';
import { migratedPglite } from './pglite-template';

export interface TestDb {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Closes the connection and, on Postgres, drops the database. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file. PGlite in memory by default (it takes a
 * few seconds to start: share one per file, not one per test). When DATABASE_URL is set,
 * a new database `siklus_test_<random>` on that server, dropped by destroy(), so test
 * files can run in parallel without seeing each other's rows.
 */
export async function createTestDb(
  options: { databaseUrl?: string | undefined } = {},
): Promise<TestDb> {
  const serverUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    const { db, kind, close } = await migratedPglite();
    return { db, kind, destroy: close };
  }

  const name = `siklus_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { db, kind, close } = await createDb({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await close();
    await admin(serverUrl, `drop database if exists ${name} with (force)`);
    throw err;
  }
  return {
    db,
    kind,
    destroy: async () => {
      await close();
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
