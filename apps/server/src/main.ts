import {
  createDb,
  createFileStore,
  type Database,
  deleteExpiredSessions,
  fileStoreConfig,
  isConnectionError,
  migrateToLatest,
  sweepOrphans,
} from '@siklus/db';
import { buildServer } from './app';
import { loadEnv } from './env';
import { describeMail, startNotificationJobsFromEnv } from './notify/jobs';

/**
 * The production process: validate the environment, open the database, migrate, listen.
 * SIGTERM/SIGINT stop taking requests, let the ones in flight finish, then close the pool.
 */
const SHUTDOWN_GRACE_MS = 10_000;
/** Postgres still starting (a machine boot, a restart): wait this long before giving up. */
const STARTUP_WAIT_MS = 60_000;

async function main(): Promise<void> {
  const env = loadEnv();
  const database = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.SIKLUS_DATA_DIR,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  const { applied } = await migrateWhenReachable(database.db);
  const files = createFileStore(fileStoreConfig(env, env.SIKLUS_DATA_DIR));
  const app = await buildServer({ env, database, files });
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  app.log.info({ files: files.location }, 'evidence files');

  // Stored files no attachment names (deleted drafts, failed uploads) go once a day,
  // a day after they were written at the earliest (decision 020).
  const orphans = setInterval(() => {
    sweepOrphans(database.db, files)
      .then((swept) => {
        if (swept.removed > 0) app.log.info(swept, 'orphan evidence files removed');
      })
      .catch((error: unknown) =>
        app.log.warn({ err: error }, 'could not sweep orphan evidence files'),
      );
  }, 24 * 3600_000);
  orphans.unref();

  // Expired sessions are refused on sight; this only keeps the table small.
  const sweep = setInterval(() => {
    deleteExpiredSessions(database.db, new Date()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'could not delete expired sessions'),
    );
  }, 3600_000);
  sweep.unref();
  // In-app notifications of waiting cycles, digests and the mail outbox (decision 019).
  const stopJobs = startNotificationJobsFromEnv(env, database.db, app.log);
  app.log.info({ mail: describeMail(env) }, 'notification e-mail');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    clearInterval(sweep);
    clearInterval(orphans);
    try {
      await app.close();
      await stopJobs();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info({ database: database.kind }, 'Siklus is listening');
}

/** Migrates; while the database cannot be reached yet, tries again for STARTUP_WAIT_MS. */
async function migrateWhenReachable(db: Database['db']) {
  const deadline = Date.now() + STARTUP_WAIT_MS;
  for (;;) {
    try {
      return await migrateToLatest(db);
    } catch (error) {
      const cause = (error instanceof Error ? error.cause : undefined) ?? error;
      if (!isConnectionError(cause) || Date.now() > deadline) throw error;
      process.stderr.write('database not reachable yet; trying again in 2 s\n');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Siklus failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
