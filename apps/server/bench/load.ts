/**
 * `pnpm loadtest`: a district's working morning against a real server process on real
 * Postgres, with autocannon; then every acknowledged save is checked in the database.
 *
 * It recreates a database `siklus_load` on DATABASE_URL, synthesises the district with the
 * db package's generator (as `pnpm bench` does), adds principals (each with their own open
 * cycle, so versions never race) and supervisors, starts `src/main.ts` as a child process
 * (NODE_ENV=production), signs everyone in, and runs side by side for --duration seconds:
 *   - principals saving observations (cycles.upsertObservation), each save carrying the
 *     version the previous one returned; a CONFLICT would count as an expected refusal;
 *   - principals opening their cycle (cycles.get);
 *   - supervisors opening the district comparison (sorts and pages vary) and the headline.
 * It prints throughput and p50/p95/p99 per request type and the load average, then reads
 * back every saved observation (load-verify.ts). Exit 1 on an error or a lost write.
 *
 * Options: --schools N (2000), --duration S (30), --writers N (32), --readers N (12),
 * --keep (leave the database), --reuse (run on the database a --keep run left, without
 * synthesising again), --db NAME (siklus_load), --profile DIR (the server's CPU profile).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@siklus/api';
import { createDb, migrateToLatest, synthesize } from '@siklus/db';
import { listIndicators, scoreObservation, type TRubricDefinition } from '@siklus/domain';
import autocannon from 'autocannon';
import { parseEnv } from '../src/env';
import { type GoalRow, goalsTable } from './goals';
import { percentile, type SavedValue, type SaveRecord, verifySaves } from './load-verify';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const SCHOOLS = option('schools', 2000);
const DURATION = option('duration', 30);
const WRITERS = option('writers', 32);
const READERS = option('readers', 12);
/** Principals beyond the writer connections, so a principal is always free to save. */
const PRINCIPALS = WRITERS + 8;
const SUPERVISORS = 6;
/** `--db NAME`: another database name, when several checkouts share one Postgres server. */
const LOAD_DB = (() => {
  const at = args.indexOf('--db');
  const name = at >= 0 ? (args[at + 1] ?? '') : 'siklus_load';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--db ${name}: not a plain database name`);
  return name;
})();
const PASSWORD = 'load-password-2026';
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

type Db = Awaited<ReturnType<typeof createDb>>['db'];

async function raw(db: Db, text: string): Promise<void> {
  const query = { kind: 'RawNode', sqlFragments: [text], parameters: [] };
  await db.executeQuery({ sql: text, parameters: [], query } as unknown as Parameters<
    Db['executeQuery']
  >[0]);
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = await createDb({ databaseUrl: serverUrl, poolSize: 1 });
  try {
    await raw(admin.db, statement);
  } finally {
    await admin.close();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function startServer(
  databaseUrl: string,
  port: number,
): { child: ChildProcess; log: () => string } {
  // --profile DIR: the server writes a V8 CPU profile there when it exits (open it in
  // Chrome's DevTools, Performance tab), to see what holds the event loop under load.
  const at = args.indexOf('--profile');
  const profile = at >= 0 ? ['--cpu-prof', `--cpu-prof-dir=${args[at + 1]}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  return { child, log: () => log };
}

interface Principal {
  username: string;
  cookie: string;
  cycleId: string;
  version: number;
  teachers: string[];
  definition: TRubricDefinition;
  saves: number;
}

interface TypeStats {
  latencies: number[];
  ok: number;
  refused: number;
  errors: number;
}
const newStats = (): TypeStats => ({ latencies: [], ok: 0, refused: 0, errors: 0 });

async function main() {
  const env = parseEnv({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent' });
  if (!env.DATABASE_URL) {
    process.stderr.write('pnpm loadtest needs DATABASE_URL (a real Postgres server).\n');
    process.exit(1);
  }
  const loadUrl = new URL(env.DATABASE_URL);
  loadUrl.pathname = `/${LOAD_DB}`;

  const reuse = flag('reuse');
  if (!reuse) {
    process.stdout.write(`Recreating database ${LOAD_DB}...\n`);
    await adminQuery(env.DATABASE_URL, `drop database if exists ${LOAD_DB} with (force)`);
    await adminQuery(env.DATABASE_URL, `create database ${LOAD_DB}`);
  }
  // Synthesis generates rows in Node inside its transaction (minutes on a busy machine):
  // the default idle-in-transaction limit would end it, as in the bench.
  const database = await createDb({
    databaseUrl: loadUrl.toString(),
    poolSize: 2,
    statementTimeoutMs: 900_000,
  });
  const { db } = database;
  await migrateToLatest(db);
  let synth: { districtId: string; counts: { schools: number; observations: number } };
  if (reuse) {
    // A database an earlier run left (--keep): same district, same principals.
    const district = await db.selectFrom('districts').select('id').executeTakeFirstOrThrow();
    const count = async (table: 'schools' | 'observations') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    synth = {
      districtId: district.id,
      counts: { schools: await count('schools'), observations: await count('observations') },
    };
    process.stdout.write(`Reusing ${LOAD_DB}: ${synth.counts.schools} schools\n`);
  } else {
    process.stdout.write(`Synthesising ${SCHOOLS} schools...\n`);
    synth = await synthesize(db, { schools: SCHOOLS, seed: 2026 });
    await raw(db, 'analyze');
  }

  // One open cycle per school for as many principals as needed, with its rubric.
  const targets = await db
    .selectFrom('cycles as c')
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .innerJoin('rubric_versions as rv', 'rv.id', 's.rubric_version_id')
    .select(['c.id as cycleId', 's.school_id as schoolId', 'rv.definition'])
    .where('c.district_id', '=', synth.districtId)
    .where('c.status', 'in', ['draft', 'returned'])
    .distinctOn('s.school_id')
    .orderBy('s.school_id')
    .orderBy('c.ordinal', 'desc')
    .limit(PRINCIPALS)
    .execute();
  if (targets.length < PRINCIPALS) throw new Error(`only ${targets.length} open cycles`);
  const passwordHash = await hashPassword(PASSWORD);
  const principals: Principal[] = [];
  for (const [i, t] of targets.entries()) {
    const teachers = await db
      .selectFrom('teachers')
      .select('id')
      .where('school_id', '=', t.schoolId)
      .orderBy('sort_order')
      .limit(8)
      .execute();
    principals.push({
      username: `load.kepsek.${i}`,
      cookie: '',
      cycleId: t.cycleId,
      version: 0,
      teachers: teachers.map((r) => r.id),
      definition: t.definition as TRubricDefinition,
      saves: 0,
    });
  }
  await db
    .insertInto('users')
    .values([
      ...principals.map((p, i) => ({
        district_id: synth.districtId,
        school_id: targets[i]!.schoolId,
        username: p.username,
        full_name: `Kepala Sekolah Uji Beban ${i}`,
        password_hash: passwordHash,
        role: 'principal' as const,
      })),
      ...Array.from({ length: SUPERVISORS }, (_, i) => ({
        district_id: synth.districtId,
        username: `load.pengawas.${i}`,
        full_name: `Pengawas Uji Beban ${i}`,
        password_hash: passwordHash,
        role: 'supervisor' as const,
      })),
    ])
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(loadUrl.toString(), port);
  const started = Date.now();
  for (;;) {
    const up = await fetch(`${base}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    if (server.child.exitCode !== null || Date.now() - started > 60_000) {
      throw new Error(`the server did not start:\n${server.log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.stdout.write(`Server process ${server.child.pid} on port ${port}\n`);

  const login = async (username: string): Promise<string> => {
    const response = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: username, password: PASSWORD }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
    const cookie = response.headers.getSetCookie().find((c) => c.includes('siklus_session='));
    return cookie!.split(';')[0]!;
  };
  const getVersion = async (p: Principal): Promise<number> => {
    const input = encodeURIComponent(JSON.stringify({ cycleId: p.cycleId }));
    const response = await fetch(`${base}/trpc/cycles.get?input=${input}`, {
      headers: { cookie: p.cookie },
    });
    const body = (await response.json()) as { result: { data: { version: number } } };
    return body.result.data.version;
  };
  for (const p of principals) {
    p.cookie = await login(p.username);
    p.version = await getVersion(p);
  }
  const supervisors: string[] = [];
  for (let i = 0; i < SUPERVISORS; i++) supervisors.push(await login(`load.pengawas.${i}`));

  // The writers: a principal is taken from the idle queue for each save and put back when
  // its answer (and new version) has come, so no principal ever races itself.
  const idle = principals.map((_, i) => i);
  const saves: SaveRecord[] = [];
  const stats = {
    upsert: newStats(),
    cycleGet: newStats(),
    comparison: newStats(),
    headline: newStats(),
  };
  let fallbacks = 0;

  const saveFor = (p: Principal) => {
    const seq = p.saves++;
    const teacherId = p.teachers[seq % p.teachers.length]!;
    const key = `${p.cycleId}:${teacherId}`;
    if (p.definition.mode === 'indicators') {
      const scores = Object.fromEntries(
        listIndicators(p.definition).map((ind, k) => [
          ind.key,
          ind.scale.min + ((seq + k) % (ind.scale.max - ind.scale.min + 1)),
        ]),
      );
      const { percentage } = scoreObservation(p.definition, { kind: 'indicators', scores });
      return {
        key,
        value: { percentage, scores } satisfies SavedValue,
        input: { cycleId: p.cycleId, version: p.version, teacherId, kind: 'indicators', scores },
      };
    }
    const percentage = `${(seq * 7 + p.teachers.length) % 100}.${String(seq % 100).padStart(2, '0')}`;
    return {
      key,
      value: { percentage } satisfies SavedValue,
      input: { cycleId: p.cycleId, version: p.version, teacherId, kind: 'summary', percentage },
    };
  };

  const timed = (stat: TypeStats, ok: (status: number, body: string, ctx: Ctx) => void) => ({
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      const ctx = context as Ctx;
      if (ctx.sentAt !== undefined) stat.latencies.push(performance.now() - ctx.sentAt);
      ok(status, body, ctx);
    },
  });
  type Ctx = { sentAt?: number; slot?: number; save?: SaveRecord };

  const writers = autocannon({
    url: base,
    connections: WRITERS,
    duration: DURATION,
    timeout: 30,
    title: 'cycles.upsertObservation',
    requests: [
      {
        method: 'POST',
        path: '/trpc/cycles.upsertObservation',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request, context) => {
          const ctx = context as Ctx;
          const slot = idle.shift();
          if (slot === undefined) {
            // Every principal busy (a refreshed version on its way): read instead.
            fallbacks++;
            return { ...request, method: 'GET', path: '/health', body: undefined };
          }
          const p = principals[slot]!;
          const { key, value, input } = saveFor(p);
          const record: SaveRecord = { key, value, outcome: 'unanswered' };
          saves.push(record);
          ctx.slot = slot;
          ctx.save = record;
          ctx.sentAt = performance.now();
          return {
            ...request,
            headers: { ...request.headers, cookie: p.cookie },
            body: JSON.stringify(input),
          };
        },
        ...timed(stats.upsert, (status, body, ctx) => {
          if (ctx.slot === undefined) return;
          const p = principals[ctx.slot]!;
          if (status === 200) {
            stats.upsert.ok++;
            ctx.save!.outcome = 'acked';
            p.version = (
              JSON.parse(body) as { result: { data: { version: number } } }
            ).result.data.version;
            idle.push(ctx.slot);
          } else if (status === 409) {
            // Expected under racing versions: not written; learn the version, then go on.
            stats.upsert.refused++;
            ctx.save!.outcome = 'refused';
            const slot = ctx.slot;
            void getVersion(p).then((v) => {
              p.version = v;
              idle.push(slot);
            });
          } else {
            stats.upsert.errors++;
            if (status >= 400 && status < 500) ctx.save!.outcome = 'refused';
            process.stderr.write(`upsert ${status}: ${body.slice(0, 300)}\n`);
            idle.push(ctx.slot);
          }
        }),
      },
    ],
  });

  const reader = (
    title: string,
    stat: TypeStats,
    connections: number,
    pick: (n: number) => { path: string; cookie: string },
  ) => {
    let n = 0;
    return autocannon({
      url: base,
      connections,
      duration: DURATION,
      timeout: 30,
      title,
      requests: [
        {
          method: 'GET',
          setupRequest: (request, context) => {
            (context as Ctx).sentAt = performance.now();
            const { path, cookie } = pick(n++);
            return { ...request, path, headers: { ...request.headers, cookie } };
          },
          ...timed(stat, (status, body) => {
            if (status === 200) stat.ok++;
            else {
              stat.errors++;
              process.stderr.write(`${title} ${status}: ${body.slice(0, 300)}\n`);
            }
          }),
        },
      ],
    });
  };
  const q = (path: string, input: unknown) =>
    `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const sorts = ['latestMean', 'gainPoints', 'teacherCount', 'latestStatus'] as const;

  const loadBefore = loadavg();
  let maxLoad = 0;
  const sampler = setInterval(() => {
    maxLoad = Math.max(maxLoad, loadavg()[0] ?? 0);
  }, 1000);
  process.stdout.write(
    `Running ${DURATION} s: ${WRITERS} principals saving, ${READERS} readers ` +
      `(cycle, comparison, headline)...\n`,
  );
  const readerShare = Math.max(1, Math.floor(READERS / 3));
  const results = await Promise.all([
    writers,
    reader('cycles.get', stats.cycleGet, readerShare, (n) => {
      const p = principals[n % principals.length]!;
      return { path: q('cycles.get', { cycleId: p.cycleId }), cookie: p.cookie };
    }),
    reader('reports.districtComparison', stats.comparison, readerShare, (n) => ({
      path: q('reports.districtComparison', {
        sort: { by: sorts[n % sorts.length]!, dir: n % 2 ? 'asc' : 'desc' },
        page: 1 + (n % 5),
        pageSize: 50,
      }),
      cookie: supervisors[n % supervisors.length]!,
    })),
    reader('reports.districtHeadline', stats.headline, readerShare, (n) => ({
      path: '/trpc/reports.districtHeadline',
      cookie: supervisors[n % supervisors.length]!,
    })),
  ]);
  clearInterval(sampler);
  const loadAtEnd = loadavg();

  // Every principal's answers are in (or never will be): read the database back.
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  const rows = await db
    .selectFrom('observations as o')
    .select(['o.id', 'o.cycle_id', 'o.teacher_id', 'o.percentage'])
    .where(
      'o.cycle_id',
      'in',
      principals.map((p) => p.cycleId),
    )
    .execute();
  const scoreRows = await db
    .selectFrom('indicator_scores')
    .select(['observation_id', 'indicator_key', 'score', 'not_applicable'])
    .where(
      'observation_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const scoresOf = new Map<string, Record<string, number | 'na'>>();
  for (const s of scoreRows) {
    const map = scoresOf.get(s.observation_id) ?? {};
    map[s.indicator_key] = s.not_applicable ? 'na' : (s.score as number);
    scoresOf.set(s.observation_id, map);
  }
  const modeOf = new Map(principals.map((p) => [p.cycleId, p.definition.mode]));
  const stored = new Map<string, SavedValue>(
    rows.map((r) => [
      `${r.cycle_id}:${r.teacher_id}`,
      modeOf.get(r.cycle_id) === 'indicators'
        ? { percentage: r.percentage, scores: scoresOf.get(r.id) ?? {} }
        : { percentage: r.percentage },
    ]),
  );
  const verdict = verifySaves(saves, stored);
  await database.close();
  if (!flag('keep'))
    await adminQuery(env.DATABASE_URL, `drop database if exists ${LOAD_DB} with (force)`);

  const fmt = (ms: number) => (Number.isNaN(ms) ? '-' : ms.toFixed(1)).padStart(8);
  const line = (name: string, s: TypeStats) => {
    const total = s.latencies.length;
    return (
      `| ${name.padEnd(27)} | ${String(total).padStart(7)} | ${(total / DURATION).toFixed(1).padStart(7)} | ` +
      `${fmt(percentile(s.latencies, 50))} | ${fmt(percentile(s.latencies, 95))} | ` +
      `${fmt(percentile(s.latencies, 99))} | ${String(s.refused).padStart(5)} | ${String(s.errors).padStart(6)} |`
    );
  };
  const all = Object.values(stats);
  const total = all.reduce((a, s) => a + s.latencies.length, 0);
  const errors = all.reduce((a, s) => a + s.errors, 0);
  const socketErrors = results.reduce((a, r) => a + r.errors + r.timeouts, 0);
  const out = [
    '',
    `Siklus load test: ${synth.counts.schools} schools, ${synth.counts.observations} observations; ` +
      `${DURATION} s; ${WRITERS} principals saving (${PRINCIPALS} accounts, one open cycle each), ` +
      `${readerShare * 3} readers; server: one Node process, pool of 10, Postgres`,
    '',
    '| request                     | count   | req/s   | p50 ms   | p95 ms   | p99 ms   | 409   | errors |',
    '| --------------------------- | ------: | ------: | -------: | -------: | -------: | ----: | -----: |',
    line('cycles.upsertObservation', stats.upsert),
    line('cycles.get', stats.cycleGet),
    line('reports.districtComparison', stats.comparison),
    line('reports.districtHeadline', stats.headline),
    `| all                         | ${String(total).padStart(7)} | ${(total / DURATION).toFixed(1).padStart(7)} |          |          |          |       | ${String(errors).padStart(6)} |`,
    '',
    `socket errors and timeouts: ${socketErrors}; writer fallbacks (no idle principal): ${fallbacks}`,
    `load average (1, 5, 15 min): before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}; ` +
      `at the end ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')}; max 1-min during the run ${maxLoad.toFixed(2)}`,
    `saves: ${saves.length} sent, ${saves.filter((s) => s.outcome === 'acked').length} acknowledged, ` +
      `${saves.filter((s) => s.outcome === 'unanswered').length} unanswered at the end`,
    `verification: ${verdict.checked} cycle/teacher pairs checked, ${verdict.lost.length} lost, ` +
      `${verdict.wrong.length} with another value`,
  ];
  const goals: GoalRow[] = [
    {
      measure: 'throughput, every request',
      figure: total / DURATION,
      unit: 'req/s',
      goal: 300,
      atLeast: true,
    },
    {
      measure: 'observation upsert p95',
      figure: percentile(stats.upsert.latencies, 95),
      unit: 'ms',
      goal: 150,
    },
    {
      measure: 'comparison p95',
      figure: percentile(stats.comparison.latencies, 95),
      unit: 'ms',
      goal: 150,
    },
    {
      measure: 'errors (answers and sockets)',
      figure: errors + socketErrors,
      unit: 'errors',
      goal: 0,
    },
    {
      measure: 'acknowledged saves lost or changed',
      figure: verdict.lost.length + verdict.wrong.length,
      unit: 'saves',
      goal: 0,
    },
  ];
  out.push('', "Issue 19's goals:", goalsTable(goals, loadBefore), '');
  const pass =
    errors === 0 && socketErrors === 0 && verdict.lost.length + verdict.wrong.length === 0;
  out.push(pass ? 'PASS  no errors, no lost writes' : 'FAIL');
  process.stdout.write(`${out.join('\n')}\n`);
  if (!pass) {
    if (verdict.lost.length + verdict.wrong.length > 0) {
      process.stdout.write(`${JSON.stringify(verdict, null, 2).slice(0, 4000)}\n`);
    }
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
