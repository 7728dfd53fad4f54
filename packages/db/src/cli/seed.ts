import { migrateToLatest } from '../migrate';
import { resetData, seed } from '../seed';
import { openFromEnv, runCli } from './open';

// pnpm db:seed [--reset]: the demo data; a no-op when present, --reset empties every table first.
await runCli('db:seed', async () => {
  const reset = process.argv.includes('--reset');
  const { db, close } = await openFromEnv();
  try {
    await migrateToLatest(db);
    if (reset) {
      await resetData(db);
      console.log('emptied every table (--reset)');
    }
    const started = performance.now();
    const result = await seed(db);
    if (!result.seeded) {
      console.log('demo data already present; nothing changed (use --reset to start over)');
    } else {
      console.log(`seeded in ${Math.round(performance.now() - started)} ms`);
    }
    console.log(JSON.stringify(result.counts));
  } finally {
    await close();
  }
});
