/**
 * `pnpm bench`: the API's speed on a 2,000-school district, through real HTTP.
 *
 * Against DATABASE_URL (real Postgres) it recreates a database `siklus_bench`, synthesises
 * the district with the db package's generator, starts the real server (buildServer) on a
 * free port, signs in over HTTP, and measures:
 *   - the district comparison (first page sorted by latest mean) through HTTP: p50/p95;
 *   - one observation upsert as a principal, each with the version the last one returned;
 *   - the bare SQL aggregate (the db package's districtComparison) on the same data: p50;
 * then prints the figures, the ratio comparison/SQL and PASS/FAIL per target. It reports;
 * it exits non-zero on a missed target only with --strict.
 *
 * Options: --schools N (2000), --requests N (200), --keep (leave the database), --strict,
 * --database NAME (siklus_bench; must start with siklus_bench, so a typo never drops a
 * database the bench did not create).
 */
import { cpus, loadavg } from 'node:os';
import { hashPassword } from '@siklus/api';
import { createDb, districtComparison, migrateToLatest, synthesize } from '@siklus/db';
import { listIndicators, type TRubricDefinition } from '@siklus/domain';
import { buildServer } from '../src/app';
import { parseEnv } from '../src/env';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const SCHOOLS = option('schools', 2000);
const REQUESTS = option('requests', 200);
const WARMUP = 20;
const BENCH_DB = (() => {
  const at = args.indexOf('--database');
  const name = at >= 0 ? (args[at + 1] ?? '') : 'siklus_bench';
  if (!/^siklus_bench[a-z0-9_]*$/.test(name)) {
    process.stderr.write(`--database must match siklus_bench[a-z0-9_]*, not "${name}".\n`);
    process.exit(1);
  }
  return name;
})();
const PASSWORD = 'bench-password-2026';

const TARGETS = { comparisonP95: 50, ratio: 1.5, upsertP95: 20 };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)]!;
}

type Db = Awaited<ReturnType<typeof createDb>>['db'];

/** A statement with no parameters (create database, analyze), without importing kysely. */
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

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

async function main() {
  const env = parseEnv({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    COOKIE_SECURE: 'false',
  });
  if (!env.DATABASE_URL) {
    process.stderr.write('pnpm bench needs DATABASE_URL (a real Postgres server).\n');
    process.exit(1);
  }
  const benchUrl = new URL(env.DATABASE_URL);
  benchUrl.pathname = `/${BENCH_DB}`;

  process.stdout.write(`Recreating database ${BENCH_DB}...\n`);
  await adminQuery(env.DATABASE_URL, `drop database if exists ${BENCH_DB} with (force)`);
  await adminQuery(env.DATABASE_URL, `create database ${BENCH_DB}`);

  const database = await createDb({ databaseUrl: benchUrl.toString() });
  const { db } = database;
  await migrateToLatest(db);
  process.stdout.write(`Synthesising ${SCHOOLS} schools...\n`);
  const synth = await synthesize(db, { schools: SCHOOLS, seed: 2026 });
  // Fresh statistics, as autovacuum would have them on a live database.
  await raw(db, 'analyze');
  process.stdout.write(
    `  ${synth.counts.schools} schools, ${synth.counts.teachers} teachers, ${synth.counts.cycles} cycles, ` +
      `${synth.counts.observations} observations, ${synth.counts.indicatorScores} indicator scores ` +
      `(${Math.round(synth.generateMs + synth.insertMs)} ms)\n`,
  );

  // People to sign in as: a supervisor, and the principal of a school whose latest cycle is
  // open for edits (scored per indicator when there is one: the heavier write).
  const target = await db
    .selectFrom('cycles as c')
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .innerJoin('rubric_versions as rv', 'rv.id', 's.rubric_version_id')
    .select(['c.id as cycleId', 's.school_id as schoolId', 'rv.definition'])
    .where('c.district_id', '=', synth.districtId)
    .where('c.status', 'in', ['draft', 'returned'])
    .orderBy((eb) => eb.fn('jsonb_extract_path_text', ['rv.definition', eb.val('mode')]))
    .limit(1)
    .executeTakeFirstOrThrow();
  const teacher = await db
    .selectFrom('teachers')
    .select('id')
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
  const base = `http://127.0.0.1:${port}/trpc`;
  process.stdout.write(`Server on port ${port}\n`);

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
  const query = async (cookie: string, path: string, input: unknown) => {
    const url = `${base}/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await fetch(url, { headers: { cookie } });
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

  // 1 and 2. The district comparison through HTTP, and the same aggregate straight from SQL
  // (no HTTP, no tRPC, no session), interleaved so both see the same load on the machine.
  const supervisor = await login('bench.pengawas');
  const comparisonInput = { sort: { by: 'latestMean', dir: 'desc' }, page: 1, pageSize: 50 };
  const comparison: number[] = [];
  const sqlSamples: number[] = [];
  // The fixed cost of any signed-in request (HTTP, tRPC, session lookup), for reading the
  // ratio: the comparison's HTTP time is its SQL time plus about this.
  const meSamples: number[] = [];
  const loadBefore = loadavg();
  let firstPage: { total: number; rows: unknown[] } | undefined;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const [ms, data] = await timed(() =>
      query(supervisor, 'reports.districtComparison', comparisonInput),
    );
    firstPage = data as typeof firstPage;
    const [sqlMs] = await timed(() =>
      districtComparison(db, {
        districtId: synth.districtId,
        sort: { by: 'latestMean', dir: 'desc' },
        page: 1,
        pageSize: 50,
      }),
    );
    if (i >= WARMUP) {
      comparison.push(ms);
      sqlSamples.push(sqlMs);
      meSamples.push((await timed(() => query(supervisor, 'auth.me', undefined)))[0]);
    }
  }

  // 3. One observation upsert as the principal, carrying the version each write returns.
  const principal = await login('bench.kepsek');
  const cycle = (await query(principal, 'cycles.get', { cycleId: target.cycleId })) as {
    version: number;
  };
  const definition = target.definition as TRubricDefinition;
  const indicators = listIndicators(definition);
  let version = cycle.version;
  const upsert: number[] = [];
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
    if (i >= WARMUP) upsert.push(ms);
  }

  await app.close();
  await database.close();
  if (!flag('keep'))
    await adminQuery(env.DATABASE_URL, `drop database if exists ${BENCH_DB} with (force)`);

  const fmt = (ms: number) => ms.toFixed(2).padStart(8);
  const c50 = percentile(comparison, 50);
  const c95 = percentile(comparison, 95);
  const s50 = percentile(sqlSamples, 50);
  const s95 = percentile(sqlSamples, 95);
  const u50 = percentile(upsert, 50);
  const u95 = percentile(upsert, 95);
  const ratio = c50 / s50;
  const loadAfter = loadavg();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
  const lines = [
    '',
    `Siklus API benchmark: ${synth.counts.schools} schools, ${synth.counts.observations} observations, ` +
      `${REQUESTS} requests each (after ${WARMUP} warm-up), Postgres, ${definition.mode} rubric for the upsert`,
    `comparison page: ${firstPage?.rows.length} rows of ${firstPage?.total}, sorted by latest mean (desc)`,
    '',
    '| measure                                   |   p50 ms |   p95 ms |',
    '| ----------------------------------------- | -------: | -------: |',
    `| district comparison via HTTP              | ${fmt(c50)} | ${fmt(c95)} |`,
    `| district comparison, bare SQL aggregate   | ${fmt(s50)} | ${fmt(s95)} |`,
    `| observation upsert via HTTP (principal)   | ${fmt(u50)} | ${fmt(u95)} |`,
    `| ${'auth.me via HTTP (cost of any request)'.padEnd(41)} | ${fmt(percentile(meSamples, 50))} | ${fmt(percentile(meSamples, 95))} |`,
    '',
    `ratio comparison/SQL (p50): ${ratio.toFixed(2)}`,
    `load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after, on ${cpus().length} CPUs`,
    '',
  ];
  const results: [string, boolean][] = [
    [
      `comparison p95 ${c95.toFixed(2)} ms < ${TARGETS.comparisonP95} ms`,
      c95 < TARGETS.comparisonP95,
    ],
    [`ratio comparison/SQL ${ratio.toFixed(2)} <= ${TARGETS.ratio}`, ratio <= TARGETS.ratio],
    [`upsert p95 ${u95.toFixed(2)} ms < ${TARGETS.upsertP95} ms`, u95 < TARGETS.upsertP95],
  ];
  for (const [text, ok] of results) lines.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (flag('strict') && results.some(([, ok]) => !ok)) process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
