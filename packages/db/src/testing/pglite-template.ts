import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type Database, PGLITE_OPTIONS, wrapPglite } from '../create-db';
import { migrateToLatest } from '../migrate';

/*
 * A fresh PGlite costs 5-14 s here, mostly initdb; one loaded from a dump of an already
 * migrated database starts in 1-2 s. So the first test file to need one migrates a fresh
 * instance and leaves its dump in the OS temp dir, keyed by a hash of the migration files
 * and the PGlite version; later files (and runs) load that. A changed migration changes
 * the key, so a stale template is never used.
 */

const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file);
    hash.update(readFileSync(join(MIGRATIONS_DIR, file)));
  }
  // The package's own link to PGlite (pnpm), so an upgrade makes a new template.
  const pkg = resolve(
    MIGRATIONS_DIR,
    '..',
    '..',
    'node_modules',
    '@electric-sql',
    'pglite',
    'package.json',
  );
  if (existsSync(pkg)) hash.update(JSON.parse(readFileSync(pkg, 'utf8')).version ?? '');
  return hash.digest('hex').slice(0, 16);
}

/** A migrated in-memory PGlite, from the cached template when there is one. */
export async function migratedPglite(): Promise<Database> {
  const path = join(tmpdir(), `siklus-pglite-template-${templateKey()}.tar`);
  if (existsSync(path)) {
    try {
      const dump = new Blob([readFileSync(path)]);
      const pglite = await PGlite.create('memory://', { ...PGLITE_OPTIONS, loadDataDir: dump });
      return wrapPglite(pglite);
    } catch {
      // A truncated or foreign file: fall through and rebuild it.
    }
  }
  const pglite = await PGlite.create('memory://', PGLITE_OPTIONS);
  const database = wrapPglite(pglite);
  await migrateToLatest(database.db);
  const dump = await pglite.dumpDataDir('none');
  // Write then rename, so a parallel test file never reads half a file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return database;
}
