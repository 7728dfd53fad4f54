import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A postgres:// URL. When absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite only: a directory, or 'memory://' for a throwaway in-memory database. */
  dataDir?: string | undefined;
  /** Postgres only: pool size (default 10). */
  poolSize?: number | undefined;
}

/** `<repo root>/.data/pglite`, found from this file so the CLIs work from any cwd. */
export const DEFAULT_DATA_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '.data',
  'pglite',
);

// Type OIDs whose parsing we pin so both drivers return the same JS values.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

/**
 * The same values come back from both drivers: bigint and count(*) as number (they stay far
 * below 2^53 here), numeric as a string (no float ever touches a figure), and `date` as the
 * plain 'YYYY-MM-DD' text, because turning a calendar date into a JS Date shifts it by the
 * server's time zone. Timestamps stay Date objects.
 */
const parseInt8 = (value: string) => Number.parseInt(value, 10);
const asText = (value: string) => value;

export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8) return parseInt8;
          if (oid === DATE || oid === NUMERIC) return asText;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection that the server ends (a restart, a DROP DATABASE ... WITH (FORCE),
    // an administrator's pg_terminate_backend) is reported on the pool. Without a listener
    // Node treats it as an unhandled error and the process dies; the pool has already
    // discarded that client, and the next query simply opens a new connection.
    pool.on('error', (err) => {
      console.warn(`postgres: idle connection closed by the server (${err.message})`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory && !existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  return wrapPglite(
    await PGlite.create(inMemory ? 'memory://' : dataDir, { parsers: PGLITE_PARSERS }),
  );
}

/** PGlite's parsers, matching the pg pool's above. */
export const PGLITE_PARSERS = { [INT8]: parseInt8, [DATE]: asText, [NUMERIC]: asText };

/** A Database over an open PGlite instance (created with PGLITE_PARSERS). */
export function wrapPglite(pglite: PGlite): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      // Kysely's destroy does not close the PGlite instance it was handed.
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
