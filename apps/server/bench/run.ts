/**
 * `pnpm bench`: the API's speed as a district grows, through real HTTP.
 *
 * For each size (--scales, default 2000,10000,20000 schools in one district) against
 * DATABASE_URL (real Postgres) it recreates a database `siklus_bench`, synthesises the
 * district with the db package's generator, starts the real server (buildServer) on a free
 * port, signs in over HTTP, and measures:
 *   - the district comparison (first page of 50 sorted by latest mean) through HTTP;
 *   - the same through the db package alone (districtComparison, no HTTP/tRPC/session);
 *   - the floor: one query over study_figures for the same page (schools, studies, the
 *     figures row, sort, limit 50, total count), and the ratio HTTP/floor;
 *   - `auth.me` signed in, beside what it is made of: `/health` (HTTP + one query),
 *     `auth.me` without a cookie (HTTP + tRPC, no query) and the session query alone;
 *   - one observation upsert as a principal, each with the version the last one returned;
 * then the embedded PGlite database at 2,000 schools (--pglite N, 0 to skip: what a demo
 * user sees), and prints one table per database, a growth table and PASS/FAIL per goal of
 * issue 19. It reports; it exits non-zero on a missed goal only with --strict.
 *
 * Options: --scales LIST (2000,10000,20000), --pglite N (2000), --requests N (200),
 * --keep (leave the last database), --strict, --database NAME (siklus_bench; must start
 * with siklus_bench, so a typo never drops a database the bench did not create).
 */

import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { hashPassword } from '@siklus/api';
import {
  createDb,
  type Database,
  districtComparison,
  findSessionByTokenHash,
  migrateToLatest,
  synthesize,
} from '@siklus/db';
import { listIndicators, type TRubricDefinition } from '@siklus/domain';
import { buildServer } from '../src/app';
import { type Env, parseEnv } from '../src/env';
import { type GoalRow, goalMet, goalsTable } from './goals';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const SCALES = option('scales', option('schools', '2000,10000,20000'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const PGLITE_SCHOOLS = Number(option('pglite', '2000'));
const REQUESTS = Number(option('requests', '200'));
const WARMUP = 20;
const BENCH_DB = (() => {
  const name = option('database', 'siklus_bench');
  if (!/^siklus_bench[a-z0-9_]*$/.test(name)) {
    process.stderr.write(`--database must match siklus_bench[a-z0-9_]*, not "${name}".\n`);
    process.exit(1);
  }
  return name;
})();
const PASSWORD = 'bench-password-2026';

/** Issue 19's goals (ms). */
const GOALS = { comparisonP95: 20, comparisonP95Largest: 30, meP50: 2.5, upsertP95: 10 };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)] ?? Number.NaN;
}

type Db = Database['db'];

/** A statement with no parameters (create database, analyze), without importing kysely. */
async function raw<R = unknown>(db: Db, text: string, parameters: unknown[] = []): Promise<R[]> {
  const query = { kind: 'RawNode', sqlFragments: [text], parameters: [] };
  const result = await db.executeQuery({ sql: text, parameters, query } as unknown as Parameters<
    Db['executeQuery']
  >[0]);
  return result.rows as R[];
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = await createDb({ databaseUrl: serverUrl, poolSize: 1 });
  try {
    await raw(admin.db, statement);
  } finally {
    await admin.close();
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/**
 * The floor of the comparison's first page: the same rows, sort and total from the
 * per-study figures row alone (no band counts, teacher counts or criteria).
 */
const FLOOR_SQL = `
  select sch.id, sch.name, sch.npsn, st.id as study_id, st.title, f.cycle_count,
         f.approved_baseline_mean, f.approved_latest_mean, f.approved_gain_points,
         f.approved_normalized_gain, f.newest_status, count(*) over () as total
    from schools sch
    left join studies st on st.school_id = sch.id and st.district_id = $1
    left join study_figures f on f.study_id = st.id and f.district_id = $1
   where sch.district_id = $1 and sch.active
   order by f.approved_latest_mean desc nulls last, sch.name, sch.npsn
   limit 50`;

interface Stats {
  p50: number;
  p95: number;
}
const stats = (samples: number[]): Stats => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
});

interface ScaleResult {
  kind: 'postgres' | 'pglite';
  schools: number;
  observations: number;
  cycles: number;
  synthMs: number;
  comparison: Stats;
  comparisonSql: Stats;
  floor: Stats;
  me: Stats;
  meAnonymous: Stats;
  health: Stats;
  session: Stats;
  upsert: Stats;
  upsertMode: string;
  load: [number[], number[]];
}

async function measure(env: Env, database: Database, schools: number): Promise<ScaleResult> {
  const { db } = database;
  await migrateToLatest(db);
  const loadBefore = loadavg();
  process.stdout.write(`Synthesising ${schools} schools (${database.kind})...\n`);
  const synth = await synthesize(db, { schools, seed: 2026 });
  // Fresh statistics, as autovacuum would have them on a live database.
  await raw(db, 'analyze');
  process.stdout.write(
    `  ${synth.counts.schools} schools, ${synth.counts.teachers} teachers, ${synth.counts.cycles} cycles, ` +
      `${synth.counts.observations} observations, ${synth.counts.indicatorScores} indicator scores ` +
      `(generated in ${synth.generateMs} ms, inserted in ${synth.insertMs} ms)\n`,
  );

  // People to sign in as: a supervisor, and the principal of a school whose latest cycle is
  // open for edits (scored per indicator when there is one: the heavier write).
  const target = await db
    .selectFrom('cycles as c')
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .innerJoin('rubric_versions as rv', 'rv.id', 's.rubric_version_id')
    .select(['c.id as cycleId', 's.school_id as schoolId', 'rv.definition'])
    .where('c.district_id', '=', synth.districtId)
    .where('s.district_id', '=', synth.districtId)
    .where('c.status', 'in', ['draft', 'returned'])
    .orderBy((eb) => eb.fn('jsonb_extract_path_text', ['rv.definition', eb.val('mode')]))
    .limit(1)
    .executeTakeFirstOrThrow();
  const teacher = await db
    .selectFrom('teachers')
    .select('id')
    .where('district_id', '=', synth.districtId)
    .where('school_id', '=', target.schoolId)
    .orderBy('sort_order')
    .limit(1)
    .executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(PASSWORD);
  await db
    .insertInto('users')
    .values([
      {
        district_id: synth.districtId,
        username: 'bench.pengawas',
        full_name: 'Pengawas Bench',
        password_hash: passwordHash,
        role: 'supervisor',
      },
      {
        district_id: synth.districtId,
        school_id: target.schoolId,
        username: 'bench.kepsek',
        full_name: 'Kepala Sekolah Bench',
        password_hash: passwordHash,
        role: 'principal',
      },
    ])
    .execute();

  const app = await buildServer({ env, database, apps: false, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  const base = `${origin}/trpc`;

  const login = async (username: string): Promise<string> => {
    const response = await fetch(`${base}/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: username, password: PASSWORD }),
    });
    if (!response.ok)
      throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie().find((c) => c.includes('siklus_session='));
    if (!cookie) throw new Error('login set no session cookie');
    return cookie.split(';')[0]!;
  };
  const query = async (cookie: string | null, path: string, input: unknown) => {
    const url = `${base}/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error)}`);
    return body.result!.data;
  };
  const mutate = async (cookie: string, path: string, input: unknown) => {
    const response = await fetch(`${base}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error)}`);
    return body.result!.data;
  };

  // The comparison through HTTP, through the db package and the floor query, interleaved
  // so all three see the same load on the machine; then what a signed-in request costs.
  const supervisor = await login('bench.pengawas');
  const tokenHash = createHash('sha256')
    .update(decodeURIComponent(supervisor.split('=')[1]!))
    .digest('hex');
  const comparisonInput = { sort: { by: 'latestMean', dir: 'desc' }, page: 1, pageSize: 50 };
  const samples = {
    comparison: [] as number[],
    sql: [] as number[],
    floor: [] as number[],
    me: [] as number[],
    meAnonymous: [] as number[],
    health: [] as number[],
    session: [] as number[],
    upsert: [] as number[],
  };
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const keep = i >= WARMUP;
    const [ms] = await timed(() =>
      query(supervisor, 'reports.districtComparison', comparisonInput),
    );
    const [sqlMs] = await timed(() =>
      districtComparison(db, {
        districtId: synth.districtId,
        sort: { by: 'latestMean', dir: 'desc' },
        page: 1,
        pageSize: 50,
      }),
    );
    const [floorMs] = await timed(() => raw(db, FLOOR_SQL, [synth.districtId]));
    const [meMs] = await timed(() => query(supervisor, 'auth.me', undefined));
    const [anonymousMs] = await timed(() => query(null, 'auth.me', undefined));
    const [healthMs] = await timed(async () => {
      const response = await fetch(`${origin}/health`);
      await response.text();
    });
    const [sessionMs] = await timed(() => findSessionByTokenHash(db, tokenHash));
    if (keep) {
      samples.comparison.push(ms);
      samples.sql.push(sqlMs);
      samples.floor.push(floorMs);
      samples.me.push(meMs);
      samples.meAnonymous.push(anonymousMs);
      samples.health.push(healthMs);
      samples.session.push(sessionMs);
    }
  }

  // One observation upsert as the principal, carrying the version each write returns.
  const principal = await login('bench.kepsek');
  const cycle = (await query(principal, 'cycles.get', { cycleId: target.cycleId })) as {
    version: number;
  };
  const definition = target.definition as TRubricDefinition;
  const indicators = listIndicators(definition);
  let version = cycle.version;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const input =
      definition.mode === 'indicators'
        ? {
            cycleId: target.cycleId,
            version,
            teacherId: teacher.id,
            kind: 'indicators',
            scores: Object.fromEntries(
              indicators.map((ind, k) => [
                ind.key,
                ind.scale.min + ((i + k) % (ind.scale.max - ind.scale.min + 1)),
              ]),
            ),
          }
        : {
            cycleId: target.cycleId,
            version,
            teacherId: teacher.id,
            kind: 'summary',
            percentage: `${50 + (i % 40)}.25`,
          };
    const [ms, data] = await timed(() => mutate(principal, 'cycles.upsertObservation', input));
    version = (data as { version: number }).version;
    if (i >= WARMUP) samples.upsert.push(ms);
  }
  await app.close();
  return {
    kind: database.kind,
    schools: synth.counts.schools,
    observations: synth.counts.observations,
    cycles: synth.counts.cycles,
    synthMs: synth.generateMs + synth.insertMs,
    comparison: stats(samples.comparison),
    comparisonSql: stats(samples.sql),
    floor: stats(samples.floor),
    me: stats(samples.me),
    meAnonymous: stats(samples.meAnonymous),
    health: stats(samples.health),
    session: stats(samples.session),
    upsert: stats(samples.upsert),
    upsertMode: definition.mode,
    load: [loadBefore, loadavg()],
  };
}

const fmt = (ms: number) => ms.toFixed(2).padStart(8);
const loadText = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');

function report(r: ScaleResult): string {
  const row = (name: string, s: Stats) => `| ${name.padEnd(48)} | ${fmt(s.p50)} | ${fmt(s.p95)} |`;
  return [
    '',
    `${r.kind === 'postgres' ? 'Postgres' : 'PGlite (embedded)'}: ${r.schools} schools, ${r.cycles} cycles, ` +
      `${r.observations} observations (synthesised in ${(r.synthMs / 1000).toFixed(1)} s), ` +
      `${REQUESTS} requests each after ${WARMUP} warm-up, ${r.upsertMode} rubric for the upsert`,
    '',
    `| ${'measure (ms)'.padEnd(48)} |      p50 |      p95 |`,
    `| ${'-'.repeat(48)} | -------: | -------: |`,
    row('district comparison via HTTP', r.comparison),
    row('district comparison, db package (no HTTP)', r.comparisonSql),
    row('floor: study_figures page query', r.floor),
    row('auth.me via HTTP, signed in', r.me),
    row('  auth.me via HTTP, no cookie (HTTP + tRPC)', r.meAnonymous),
    row('  /health via HTTP (HTTP + one query)', r.health),
    row('  session + user query alone', r.session),
    row('observation upsert via HTTP (principal)', r.upsert),
    '',
    `ratio comparison HTTP / floor (p50): ${(r.comparison.p50 / r.floor.p50).toFixed(2)}; ` +
      `HTTP / db package: ${(r.comparison.p50 / r.comparisonSql.p50).toFixed(2)}`,
    `load average (1, 5, 15 min): ${loadText(r.load[0])} before, ${loadText(r.load[1])} after, on ${cpus().length} CPUs`,
  ].join('\n');
}

function growth(results: ScaleResult[]): string {
  const pg = results.filter((r) => r.kind === 'postgres');
  if (pg.length < 2) return '';
  const cols = pg.map((r) => `${r.schools}`.padStart(8));
  const line = (name: string, pick: (r: ScaleResult) => number) =>
    `| ${name.padEnd(36)} | ${pg.map((r) => fmt(pick(r))).join(' | ')} |`;
  return [
    '',
    'Growth with the district (Postgres, ms):',
    '',
    `| ${'schools'.padEnd(36)} | ${cols.join(' | ')} |`,
    `| ${'-'.repeat(36)} | ${pg.map(() => '-------:').join(' | ')} |`,
    line('comparison via HTTP, p50', (r) => r.comparison.p50),
    line('comparison via HTTP, p95', (r) => r.comparison.p95),
    line('comparison, db package, p50', (r) => r.comparisonSql.p50),
    line('floor query, p50', (r) => r.floor.p50),
    line('ratio HTTP / floor (p50)', (r) => r.comparison.p50 / r.floor.p50),
    line('auth.me, p50', (r) => r.me.p50),
    line('observation upsert, p95', (r) => r.upsert.p95),
    line('synthesis (s)', (r) => r.synthMs / 1000),
  ].join('\n');
}

async function main() {
  const loadAtStart = loadavg();
  const env = parseEnv({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    COOKIE_SECURE: 'false',
  });
  if (!env.DATABASE_URL && SCALES.length > 0) {
    process.stderr.write('pnpm bench needs DATABASE_URL (a real Postgres server).\n');
    process.exit(1);
  }
  const results: ScaleResult[] = [];
  for (const [i, schools] of SCALES.entries()) {
    const serverUrl = env.DATABASE_URL!;
    const benchUrl = new URL(serverUrl);
    benchUrl.pathname = `/${BENCH_DB}`;
    process.stdout.write(`Recreating database ${BENCH_DB}...\n`);
    await adminQuery(serverUrl, `drop database if exists ${BENCH_DB} with (force)`);
    await adminQuery(serverUrl, `create database ${BENCH_DB}`);
    // Synthesis generates rows in Node inside its transaction (over a minute at 20,000
    // schools on a busy machine): the server's idle-in-transaction limit would end it.
    const database = await createDb({
      databaseUrl: benchUrl.toString(),
      statementTimeoutMs: 900_000,
    });
    try {
      results.push(await measure(env, database, schools));
      process.stdout.write(`${report(results.at(-1)!)}\n\n`);
    } finally {
      await database.close();
    }
    if (!flag('keep') || i < SCALES.length - 1)
      await adminQuery(serverUrl, `drop database if exists ${BENCH_DB} with (force)`);
  }
  if (PGLITE_SCHOOLS > 0) {
    const database = await createDb({ dataDir: 'memory://' });
    try {
      results.push(await measure({ ...env, DATABASE_URL: undefined }, database, PGLITE_SCHOOLS));
      process.stdout.write(`${report(results.at(-1)!)}\n\n`);
    } finally {
      await database.close();
    }
  }

  const rows: GoalRow[] = [];
  const pg = results.filter((r) => r.kind === 'postgres');
  const at2000 = pg.find((r) => r.schools === 2000);
  const largest = pg.at(-1);
  if (at2000) {
    rows.push({
      measure: 'comparison via HTTP p95, 2,000 schools',
      figure: at2000.comparison.p95,
      unit: 'ms',
      goal: GOALS.comparisonP95,
    });
  }
  if (largest && largest.schools >= 20000) {
    rows.push({
      measure: `comparison via HTTP p95, ${largest.schools} schools`,
      figure: largest.comparison.p95,
      unit: 'ms',
      goal: GOALS.comparisonP95Largest,
    });
  }
  for (const r of pg) {
    rows.push({
      measure: `auth.me p50, ${r.schools} schools`,
      figure: r.me.p50,
      unit: 'ms',
      goal: GOALS.meP50,
    });
    rows.push({
      measure: `observation upsert p95, ${r.schools} schools`,
      figure: r.upsert.p95,
      unit: 'ms',
      goal: GOALS.upsertP95,
    });
  }
  process.stdout.write(
    `${growth(results)}\n\nIssue 19's goals (Postgres):\n${goalsTable(rows, loadAtStart)}\n`,
  );
  if (flag('strict') && !rows.every(goalMet)) process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
