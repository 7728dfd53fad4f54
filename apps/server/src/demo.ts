import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as dbPackage from '@siklus/db';
import { buildServer } from './app';
import { loadEnv } from './env';

/**
 * `pnpm demo`: an embedded database (a data directory, or memory with --memory), migrated
 * and seeded once, serving the built apps. Prints where to go and how to sign in.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO_PASSWORD_FALLBACK = 'siklus-demo-2026';

/**
 * The db package's seed module, read through the package namespace so the demo starts
 * (with an empty database and a warning) even before the seed is exported.
 */
type SeedModule = {
  seed?: (db: dbPackage.Database['db']) => Promise<{ seeded: boolean }>;
  DEMO_USERS?: readonly string[];
  DEMO_PASSWORD?: string;
};

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

  const database = await dbPackage.createDb({ dataDir });
  await dbPackage.migrateToLatest(database.db as Parameters<typeof dbPackage.migrateToLatest>[0]);

  const seedModule = dbPackage as unknown as SeedModule;
  if (!seedModule.seed) {
    process.stderr.write(
      'The db package exports no seed(db) yet; starting with an empty database.\n',
    );
  } else {
    // A no-op when the demo district is already there.
    const { seeded } = await seedModule.seed(database.db);
    if (seeded) process.stdout.write('Seeded the demo district (first start).\n');
  }

  const apps = {
    supervision: join(REPO_ROOT, 'apps/supervision/dist'),
    admin: join(REPO_ROOT, 'apps/admin/dist'),
  };
  const app = await buildServer({ env, database, apps });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());

  const address = await app.listen({ port: env.PORT, host: env.HOST });
  const base = address.replace('[::1]', 'localhost').replace(/\/$/, '');
  const password = seedModule.DEMO_PASSWORD ?? DEMO_PASSWORD_FALLBACK;
  // The first three are the district's admin, supervisor and SD Negeri Lulut 2's principal.
  const logins = seedModule.DEMO_USERS?.slice(0, 3) ?? ['admin', 'pengawas', 'kepsek.lulut2'];
  const built = (dir: string) =>
    existsSync(join(dir, 'index.html')) ? '' : '  (not built: run pnpm build)';
  process.stdout.write(
    [
      '',
      'Siklus demo is running.',
      `  supervision app: ${base}/${built(apps.supervision)}`,
      `  admin app:       ${base}/admin/${built(apps.admin)}`,
      `  database:        ${values.memory ? 'in memory (gone when stopped)' : dataDir}`,
      seedModule.seed
        ? `  sign in as ${logins.join(' / ')} with password ${password}`
        : '  no demo accounts: the db package has no seed yet',
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
