import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createDb,
  createFileStore,
  DEMO_PASSWORD,
  DEMO_USERS,
  fileStoreConfig,
  migrateToLatest,
  seed,
} from '@siklus/db';
import { buildServer } from './app';
import { loadEnv } from './env';
import { describeMail, startNotificationJobsFromEnv } from './notify/jobs';

/**
 * `pnpm demo`: an embedded database (a data directory, or memory with --memory), migrated
 * and seeded once, serving the built apps. Prints where to go and how to sign in.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      memory: { type: 'boolean', default: false },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    allowPositionals: true,
  });
  const env = loadEnv({
    ...process.env,
    ...(values.port ? { PORT: values.port } : {}),
    ...(values.host ? { HOST: values.host } : {}),
  });
  if (env.DATABASE_URL) {
    process.stderr.write('The demo uses its own embedded database; unset DATABASE_URL.\n');
    process.exit(1);
  }
  const dataDir = values.memory
    ? 'memory://'
    : resolve(values['data-dir'] ?? env.SIKLUS_DATA_DIR ?? join(REPO_ROOT, '.data/demo'));

  const database = await createDb({ dataDir });
  await migrateToLatest(database.db);
  // A no-op when the demo district is already there.
  const { seeded } = await seed(database.db);
  if (seeded) process.stdout.write('Seeded the demo district (first start).\n');

  const apps = {
    supervision: join(REPO_ROOT, 'apps/supervision/dist'),
    admin: join(REPO_ROOT, 'apps/admin/dist'),
  };
  // Evidence files beside the demo's database, or, in memory, in a temporary directory
  // removed on exit (unless the environment names a directory or a bucket).
  const memoryFiles =
    values.memory && !env.SIKLUS_FILES_DIR && !env.S3_BUCKET
      ? mkdtempSync(join(tmpdir(), 'siklus-demo-files-'))
      : null;
  const filesConfig = fileStoreConfig(
    memoryFiles ? { SIKLUS_FILES_DIR: memoryFiles } : env,
    dataDir,
  );
  const files = createFileStore(filesConfig);
  const app = await buildServer({ env, database, apps, files });
  let stopJobs = async () => {};
  const shutdown = async () => {
    await app.close();
    await stopJobs();
    await database.close();
    if (memoryFiles) rmSync(memoryFiles, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());

  const address = await app.listen({ port: env.PORT, host: env.HOST });
  const base = address.replace('[::1]', 'localhost').replace(/\/$/, '');
  stopJobs = startNotificationJobsFromEnv(env, database.db, app.log, env.PUBLIC_URL ?? base);
  // The first three are the district's admin, supervisor and SD Negeri Lulut 2's principal.
  const logins = DEMO_USERS.slice(0, 3);
  const built = (dir: string) =>
    existsSync(join(dir, 'index.html')) ? '' : '  (not built: run pnpm build)';
  process.stdout.write(
    [
      '',
      'Siklus demo is running.',
      `  supervision app: ${base}/${built(apps.supervision)}`,
      `  admin app:       ${base}/admin/${built(apps.admin)}`,
      `  database:        ${values.memory ? 'in memory (gone when stopped)' : dataDir}`,
      `  evidence files:  ${files.location}${memoryFiles ? ' (gone when stopped)' : ''}`,
      `  sign in as ${logins.join(' / ')} with password ${DEMO_PASSWORD}`,
      `  e-mail:          ${describeMail(env)}`,
      '  (every demo login is listed in the README)',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The demo failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
