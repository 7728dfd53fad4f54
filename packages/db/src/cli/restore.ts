import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreFrom } from './backup-format';
import { readCliEnv } from './env';
import { fileStoreFromEnv, openFromEnv, runCli } from './open';

// pnpm db:restore FILE [--force]: loads a backup from db:backup into the database the
// environment names (either kind, whichever made the file). Refuses a database that holds
// data unless --force, which empties it first. The backup's evidence files go into the
// store the environment names (local directory or S3 bucket). Stop the server first.
await runCli('db:restore', async () => {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [given] = positionals;
  if (!given) throw new Error('name the backup file: pnpm db:restore <file> [--force]');
  const file = resolve(readCliEnv().INIT_CWD ?? process.cwd(), given);
  const database = await openFromEnv();
  try {
    const started = performance.now();
    const result = await restoreFrom(database.db, file, {
      force: values.force,
      files: fileStoreFromEnv(),
    });
    console.log(
      `restored ${result.rows} rows of ${Object.keys(result.tables).length} tables and ` +
        `${result.files} evidence files in ` +
        `${Math.round(performance.now() - started)} ms from ${file}`,
    );
  } finally {
    await database.close();
  }
});
