import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../create-db';
import { backupTo } from './backup-format';
import { readCliEnv } from './env';
import { fileStoreFromEnv, openFromEnv, runCli } from './open';

// pnpm db:backup [--out FILE] [--no-files]: every table, from one snapshot, and the
// evidence files its rows name (from the local directory or the S3 bucket the environment
// names), into one portable file (default backups/siklus-<kind>-<time>.jsonl.gz at the
// repository root). --no-files leaves the files out (a bucket with its own versioning and
// replication: decision 020). On Postgres it runs beside the server; the embedded
// database must be stopped first (its lock says so).
await runCli('db:backup', async () => {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, 'no-files': { type: 'boolean', default: false } },
  });
  const env = readCliEnv();
  const database = await openFromEnv();
  try {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = values.out
      ? resolve(env.INIT_CWD ?? process.cwd(), values.out)
      : resolve(
          DEFAULT_DATA_DIR,
          '..',
          '..',
          'backups',
          `siklus-${database.kind}-${stamp}.jsonl.gz`,
        );
    mkdirSync(dirname(file), { recursive: true });
    const started = performance.now();
    const files = values['no-files'] ? undefined : fileStoreFromEnv();
    const result = await backupTo(database.db, database.kind, file, { files });
    console.log(
      `backed up ${result.rows} rows of ${Object.keys(result.tables).length} tables and ` +
        `${result.files} evidence files (${result.fileBytes} bytes) in ` +
        `${Math.round(performance.now() - started)} ms to ${file}`,
    );
  } finally {
    await database.close();
  }
});
