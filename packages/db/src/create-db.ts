import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /**
   * Postgres only: `select 1` on a new connection outside the pool, for /health to ask the
   * database itself when a pooled connection has just been dropped.
   */
  pingFresh?: (timeoutMs: number) => Promise<void>;
}

export interface CreateDbOptions {
  /** A postgres:// URL. When absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite only: a directory, or 'memory://' for a throwaway in-memory database. */
  dataDir?: string | undefined;
  /** Postgres only: pool size (default 10). */
  poolSize?: number | undefined;
  /**
   * Postgres only: the server cancels a statement running longer than this (default
   * 15 s), and the client gives up on an answer 5 s after that, in case the server itself
   * hangs. Either way the request fails with UNAVAILABLE instead of holding a connection.
   */
  statementTimeoutMs?: number | undefined;
  /** Postgres only: how long to wait for a new connection (default 5 s). */
  connectTimeoutMs?: number | undefined;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

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
    const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      statement_timeout: statementTimeout,
      query_timeout: statementTimeout + 5_000,
      // A transaction left open by a crashed request must not hold its locks for ever.
      idle_in_transaction_session_timeout: statementTimeout * 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      // No JIT compilation: the comparison's plan (a page of rows with a few subqueries
      // each) is estimated far above jit_above_cost, and Postgres compiled it on every
      // request: 5.7 s of a 5.73 s execution under load, ~0.3-1 s on a quiet machine, for a
      // query that runs in tens of milliseconds interpreted. Nothing here runs long enough
      // to repay compiling (decision 025).
      options: '-c jit=off',
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
    // The pool listens for errors only while a client is idle. A connection that dies while
    // checked out but between two queries (inside a transaction, say) emits 'error' on the
    // client with nobody listening, which would also end the process. The error itself
    // reaches the request: the client's next query fails ("not queryable"), the request
    // answers UNAVAILABLE, and the pool discards the client when it is released.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const pingFresh = async (timeoutMs: number) => {
      const client = new pg.Client({
        connectionString: options.databaseUrl,
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
      });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query('select 1');
      } finally {
        await client.end().catch(() => {});
      }
    };
    return { db, kind: 'postgres', close: () => db.destroy(), pingFresh };
  }

  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (dataDir.startsWith('memory://')) {
    return wrapPglite(await PGlite.create('memory://', PGLITE_OPTIONS));
  }
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  // Before PGlite touches a file: a second process on the same directory corrupts it.
  const release = acquireDataDirLock(dataDir);
  const existing = existsSync(join(dataDir, 'PG_VERSION'));
  try {
    const pglite = await PGlite.create(dataDir, PGLITE_OPTIONS);
    return wrapPglite(pglite, release);
  } catch (err) {
    release();
    throw existing ? new DataDirUnreadableError(dataDir, err) : err;
  }
}

/**
 * An existing data directory PGlite cannot open: damaged by a machine crash or power cut
 * (PGlite cannot promise its writes reached the disk), or by two processes at once before
 * the lock existed. Says how to recover (docs/decisions/007).
 */
export class DataDirUnreadableError extends Error {
  constructor(
    readonly dataDir: string,
    cause: unknown,
  ) {
    super(
      `the embedded database in ${dataDir} could not be opened ` +
        `(${cause instanceof Error ? cause.message : String(cause)}). It may be damaged by a ` +
        `crash of the machine. To recover: stop every Siklus process, move ${dataDir} aside ` +
        `(keep it), then restore the newest backup into a fresh directory there: ` +
        `SIKLUS_DATA_DIR=${dataDir} pnpm db:restore <backup file>. ` +
        `See docs/decisions/007-faults-and-durability.md.`,
      { cause },
    );
    this.name = 'DataDirUnreadableError';
  }
}

/** The lock file beside a PGlite data directory (outside it, so backups never carry it). */
export function lockFileOf(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

/**
 * What /proc says about a process: its state letter ('Z' for a zombie) and its start time
 * (field 22 of /proc/<pid>/stat, clock ticks since boot). Null where there is no /proc
 * (macOS) or no such process. The command name (field 2) may hold spaces and parentheses,
 * so the fields are counted from its last ')'.
 */
export function procStat(pid: number): { state: string; startTime: string } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
  const state = fields[0];
  const startTime = fields[19];
  return state && startTime ? { state, startTime } : null;
}

/** This process's start time as the lock records it ('' without /proc). */
const ownStartTime = (): string => procStat(process.pid)?.startTime ?? '';

/** The `code` of a Node system error ('EEXIST', 'EPERM'), or undefined. */
function errnoOf(err: unknown): unknown {
  return err instanceof Error && 'code' in err ? err.code : undefined;
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return errnoOf(err) === 'EPERM';
  }
}

/**
 * Whether the process a lock names still holds it. A pid alone is not enough: a killed
 * server whose parent never reaps it stays a zombie (kill(pid, 0) succeeds on it), and a
 * restarted container gives the new server the old one's pid (pid 1), so the lock would
 * name the very process reading it. The start time (field 22 of /proc/<pid>/stat) tells a
 * process from a later one with the same pid. Without /proc, or for an older lock without
 * a start time, only a lock naming this very process is known to be stale: we wrote none.
 */
export function lockHolderAlive(pid: number, startTime: string | undefined): boolean {
  const stat = procStat(pid);
  if (stat) {
    if (stat.state === 'Z' || stat.state === 'X') return false;
    if (startTime) return stat.startTime === startTime;
    return pid !== process.pid;
  }
  if (pid === process.pid) return Boolean(startTime) && startTime === ownStartTime();
  return signalable(pid);
}

/**
 * PGlite is Postgres in one process and takes no lock of its own (its postmaster.pid holds
 * a fixed fake pid): two processes opening one directory both succeed and corrupt it. So
 * the directory gets a lock file with our pid and start time, created exclusively. A lock
 * whose process is alive refuses to start, naming the pid; one whose process is gone (a
 * kill -9, a power cut, a zombie, or an earlier process that had our pid) is stale and taken
 * over. Returns the release function (also run at process exit).
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = lockFileOf(dataDir);
  // pid, host, time, start time: the fourth line tells this process from an earlier one
  // with the same pid (decision 007).
  const content = `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n${ownStartTime()}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          // Only our own lock: never remove one a successor took over.
          if (readFileSync(file, 'utf8') === content) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if (errnoOf(err) !== 'EEXIST') throw err;
    }
    let lines: string[];
    try {
      lines = readFileSync(file, 'utf8').split('\n');
    } catch {
      continue; // removed between our two calls: try again
    }
    const holder = Number.parseInt(lines[0] ?? '', 10);
    if (Number.isInteger(holder) && holder > 0 && lockHolderAlive(holder, lines[3]?.trim())) {
      throw new DataDirLockedError(dataDir, file, holder);
    }
    // Stale (its process is gone, or the file is unreadable garbage): take it over.
    try {
      unlinkSync(file);
    } catch {
      // Another starter removed it first; the exclusive create decides.
    }
  }
  throw new Error(`could not take the lock ${file}; another process keeps changing it`);
}

/** A second process tried to open a PGlite data directory that a live process holds. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} ` +
        `(lock file ${lockFile}). PGlite serves one process only: stop that process ` +
        `(e.g. the running server) first, or point SIKLUS_DATA_DIR at another directory. ` +
        `If process ${pid} is not Siklus (its pid was reused after a crash), stop every Siklus ` +
        `process on this directory and delete the lock file ${lockFile}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** PGlite's parsers, matching the pg pool's above. */
export const PGLITE_PARSERS = { [INT8]: parseInt8, [DATE]: asText, [NUMERIC]: asText };

/**
 * Every PGlite instance opens with these: the parsers, and the contrib extensions the
 * migrations create (pg_trgm, for near-copy notes; Postgres ships it as a trusted
 * extension, PGlite as a bundle that must be loaded at startup).
 */
export const PGLITE_OPTIONS = { parsers: PGLITE_PARSERS, extensions: { pg_trgm } };

/** A Database over an open PGlite instance (created with PGLITE_PARSERS). */
export function wrapPglite(pglite: PGlite, release: () => void = () => {}): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      // Kysely's destroy does not close the PGlite instance it was handed.
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}
