import { migrateDown, migrateToLatest } from '../migrate';
import { openFromEnv, runCli } from './open';

// pnpm db:migrate [--down]: up to the latest migration, or one step down.
await runCli('db:migrate', async () => {
  const down = process.argv.includes('--down');
  const { db, close } = await openFromEnv();
  try {
    const { applied } = down ? await migrateDown(db) : await migrateToLatest(db);
    if (applied.length === 0) console.log(down ? 'nothing to revert' : 'already up to date');
    for (const name of applied) console.log(`${down ? 'reverted' : 'applied'} ${name}`);
  } finally {
    await close();
  }
});
