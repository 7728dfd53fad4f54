import { createDb, type Database } from '../create-db';
import { createFileStore, type FileStore, fileStoreConfig } from '../files';
import { describeTarget, readCliEnv } from './env';

/** Opens the database the environment names, and says which one. */
export async function openFromEnv(): Promise<Database> {
  const env = readCliEnv();
  const database = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.SIKLUS_DATA_DIR });
  console.log(`database: ${describeTarget(env)}`);
  return database;
}

/** The evidence files' store the environment names, and says which one. */
export function fileStoreFromEnv(): FileStore {
  const env = readCliEnv();
  const store = createFileStore(fileStoreConfig(env, env.SIKLUS_DATA_DIR));
  console.log(`evidence files: ${store.location}`);
  return store;
}

/** Runs a CLI body; any failure prints one clear line and exits 1. */
export async function runCli(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`${name} failed: ${message}`);
    process.exitCode = 1;
  }
}
