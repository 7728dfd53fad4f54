import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { createDb, DataDirLockedError, lockFileOf, procStat } from './create-db';

/*
 * The embedded database across processes, with real processes: a second one on the same
 * data directory is refused while the first lives and takes over once it is dead; and a
 * writer killed with SIGKILL mid-write loses none of the writes it saw committed.
 */

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./testing/pglite-child.ts', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'siklus-pglite-'));
  dirs.push(parent);
  return join(parent, 'data');
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stdout line matching re (rejects if the process ends first). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** One node process (no tsx wrapper process in between, so its pid is the lock's pid). */
function startChild(mode: 'hold' | 'open' | 'write', dataDir: string): Child {
  return startProcess(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir]);
}

function startProcess(command: string, args: string[]): Child {
  const child = spawn(command, args, {
    cwd: PACKAGE_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters) w();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      resolve({ code, signal });
      for (const w of waiters) w();
    }),
  );
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (re, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${re} (stdout: ${out}, stderr: ${err})`)),
          timeoutMs,
        );
        const check = () => {
          const match = out.match(re);
          if (match) {
            clearTimeout(timer);
            resolve(match);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            reject(new Error(`process ended before ${re} (stdout: ${out}, stderr: ${err})`));
          }
        };
        waiters.push(check);
        check();
      }),
  };
}

describe('one process per data directory', () => {
  test('a second process is refused while the first lives; a dead one’s lock is taken over', async () => {
    const dataDir = tempDataDir();
    const first = startChild('hold', dataDir);
    const [, pid] = await first.waitFor(/ready (\d+)/);
    const lock = readFileSync(lockFileOf(dataDir), 'utf8').split('\n');
    expect(lock[0]).toBe(pid);
    // The holder's start time, as /proc/<pid>/stat has it.
    expect(lock[3]).toBe(procStat(Number(pid))!.startTime);

    const second = startChild('open', dataDir);
    const { code } = await second.exited;
    expect(code).toBe(2);
    expect(second.stdout()).not.toContain('opened');
    expect(second.stderr()).toContain(`in use by process ${pid}`);
    expect(second.stderr()).toContain('SIKLUS_DATA_DIR');

    // SIGKILL: no exit handler runs, the lock file stays behind naming a dead process.
    first.process.kill('SIGKILL');
    await first.exited;
    expect(existsSync(lockFileOf(dataDir))).toBe(true);

    const third = startChild('open', dataDir);
    expect(await third.exited).toMatchObject({ code: 0 });
    expect(third.stdout()).toContain('opened');
    // Closed cleanly: the lock is released.
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  }, 180_000);
});

describe('a dead owner is recognised', () => {
  test('a lock naming this very process with another start time (a restarted container’s pid 1) is stale', async () => {
    const dataDir = tempDataDir();
    const own = procStat(process.pid)!;
    // What the previous server in this container left: our pid, an earlier start time.
    writeFileSync(
      lockFileOf(dataDir),
      `${process.pid}\nold-host\n2026-01-01T00:00:00.000Z\n${Number(own.startTime) - 1}\n`,
    );
    const database = await createDb({ dataDir });
    try {
      const lock = readFileSync(lockFileOf(dataDir), 'utf8').split('\n');
      expect(lock[0]).toBe(String(process.pid));
      expect(lock[3]).toBe(own.startTime);
      // Held by this process for real (same pid, same start time): a second open is refused.
      const second = await createDb({ dataDir }).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(DataDirLockedError);
      expect((second as Error).message).toContain(`in use by process ${process.pid}`);
      expect((second as Error).message).toContain('delete the lock file');
    } finally {
      await database.close();
    }
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  }, 180_000);

  test('a lock naming this pid without a start time (an older lock, or a pid 1 before) is stale', async () => {
    const dataDir = tempDataDir();
    writeFileSync(lockFileOf(dataDir), `${process.pid}\nold-host\n2026-01-01T00:00:00.000Z\n`);
    const database = await createDb({ dataDir });
    await database.close();
  }, 180_000);

  test('a lock held by a zombie (killed, never reaped by its parent) is stale', async () => {
    const dataDir = tempDataDir();
    // The holder's parent is a shell that becomes `sleep`, which never waits for children:
    // once killed, the holder stays a zombie for as long as sleep runs.
    const parent = startProcess('sh', [
      '-c',
      `"${process.execPath}" --import tsx "${CHILD}" hold "${dataDir}" & exec sleep 300`,
    ]);
    const [, pidText] = await parent.waitFor(/ready (\d+)/);
    const pid = Number(pidText);
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && procStat(pid)?.state !== 'Z'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(procStat(pid)?.state).toBe('Z');
    // kill(pid, 0) still succeeds on a zombie: the pid alone would refuse this start.
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(readFileSync(lockFileOf(dataDir), 'utf8').split('\n')[0]).toBe(String(pid));

    const next = startChild('open', dataDir);
    expect(await next.exited).toMatchObject({ code: 0 });
    expect(next.stdout()).toContain('opened');
    parent.process.kill('SIGKILL');
    await parent.exited;
  }, 180_000);
});

/** The same formula as the writer's (testing/pglite-child.ts). */
const payloadOf = (n: number) => `observasi-${n}-${'x'.repeat(n % 97)}`;

describe('durability', () => {
  test('kill -9 mid-write, restart: every write reported committed is there, row by row', async () => {
    const dataDir = tempDataDir();
    const writer = startChild('write', dataDir);
    await writer.waitFor(/ready \d+/);
    // Let it commit a good number, then kill it while it is still writing.
    await writer.waitFor(/committed 150\n/);
    writer.process.kill('SIGKILL');
    expect(await writer.exited).toMatchObject({ signal: 'SIGKILL' });

    const acknowledged = [...writer.stdout().matchAll(/committed (\d+)\n/g)].map((m) =>
      Number(m[1]),
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    const last = Math.max(...acknowledged);

    // The restart: this process opens the directory the killed one held (its lock is stale).
    const database = await createDb({ dataDir });
    try {
      const { rows } = await sql<{
        n: number;
        payload: string;
      }>`select n, payload from durability_rows order by n`.execute(database.db);
      const found = new Map(rows.map((r) => [r.n, r.payload]));
      const missing = acknowledged.filter((n) => found.get(n) !== payloadOf(n));
      expect(missing).toEqual([]);
      // Nothing half-done: the counter agrees with the rows; at most one write beyond the
      // last acknowledged one (committed, killed before it could say so).
      const counter = await sql<{
        last: number;
      }>`select last from durability_counter where id = 1`.execute(database.db);
      const maxRow = rows.length === 0 ? 0 : rows[rows.length - 1]!.n;
      expect(counter.rows[0]?.last).toBe(maxRow);
      expect(rows.length).toBe(maxRow);
      expect(maxRow - last).toBeGreaterThanOrEqual(0);
      expect(maxRow - last).toBeLessThanOrEqual(1);
    } finally {
      await database.close();
    }
  }, 180_000);
});

describe('a damaged directory', () => {
  test('refuses to start and says how to recover from a backup', async () => {
    const dataDir = tempDataDir();
    const create = startChild('open', dataDir);
    expect(await create.exited).toMatchObject({ code: 0 });
    // What a power cut can leave: the control file zeroed.
    writeFileSync(join(dataDir, 'global', 'pg_control'), Buffer.alloc(8192, 0));

    const reopen = startChild('open', dataDir);
    expect(await reopen.exited).toMatchObject({ code: 2 });
    expect(reopen.stderr()).toContain(`the embedded database in ${dataDir} could not be opened`);
    expect(reopen.stderr()).toContain('pnpm db:restore');
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  }, 180_000);
});
