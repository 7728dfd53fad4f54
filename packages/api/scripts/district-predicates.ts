/**
 * `pnpm --filter @siklus/api test:district`: does every query the API runs on a
 * district-owned table filter by district_id (decision 004)? Runs the api test suite with
 * SIKLUS_QUERY_LOG set (its callers record each statement a procedure executes), EXPLAINs
 * every distinct statement on a migrated database and compares the offenders with
 * district-predicates.known.json. Exits 1 on an offender that is not known (a new query
 * forgot district_id) or when nothing could be checked; prints known ones that are fixed,
 * to take off the list. `--update` rewrites the list; `--no-run` reuses the last log.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkDistrictPredicates,
  createTestDb,
  QUERY_LOG_ENV,
  readRecordedQueries,
} from '@siklus/db/testing';

const root = new URL('..', import.meta.url).pathname;
const logDir = join(root, '.district-queries');
const knownFile = join(root, 'district-predicates.known.json');
const args = process.argv.slice(2);

if (!args.includes('--no-run')) {
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const run = spawnSync('pnpm', ['exec', 'vitest', 'run', '--reporter=dot'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, [QUERY_LOG_ENV]: logDir },
  });
  if (run.status !== 0) {
    process.stderr.write('The api test suite failed; fix it before checking its queries.\n');
    process.exit(1);
  }
}

const queries = readRecordedQueries(logDir);
const t = await createTestDb();
try {
  const { violations, explained, failed } = await checkDistrictPredicates(t.db, queries);
  const known: { sql: string; tables: string[] }[] = existsSync(knownFile)
    ? JSON.parse(readFileSync(knownFile, 'utf8'))
    : [];
  const knownSql = new Set(known.map((k) => k.sql));
  const found = new Set(violations.map((v) => v.sql));
  const fresh = violations.filter((v) => !knownSql.has(v.sql));
  const fixed = known.filter((k) => !found.has(k.sql));
  process.stdout.write(
    `${queries.length} distinct statements recorded, ${explained} explained, ` +
      `${failed.length} could not be explained, ${violations.length} without district_id ` +
      `(${known.length} known, ${fresh.length} new, ${fixed.length} fixed).\n`,
  );
  for (const f of failed) process.stdout.write(`  not explained: ${f}\n`);
  for (const v of fresh) process.stdout.write(`NEW  ${v.tables.join(', ')}: ${v.sql}\n`);
  for (const k of fixed) process.stdout.write(`FIXED (take it off the list)  ${k.sql}\n`);
  if (args.includes('--update')) {
    const sorted = [...violations].sort((a, b) => a.sql.localeCompare(b.sql));
    writeFileSync(knownFile, `${JSON.stringify(sorted, null, 2)}\n`);
    process.stdout.write(`Wrote ${sorted.length} known offenders to ${knownFile}.\n`);
  } else if (fresh.length > 0 || explained === 0) {
    process.exitCode = 1;
  }
} finally {
  await t.destroy();
}
