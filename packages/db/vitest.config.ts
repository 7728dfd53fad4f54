import { configDefaults } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

// `*.pg.test.ts` need a real Postgres (CI's Postgres pass sets DATABASE_URL);
// `*.pglite.test.ts` are about the embedded database's files (the embedded pass). Each file
// runs in exactly one pass, so neither reports skipped tests.
const onPostgres = Boolean(process.env.DATABASE_URL);

export default sharedTestConfig({
  exclude: [...configDefaults.exclude, onPostgres ? '**/*.pglite.test.ts' : '**/*.pg.test.ts'],
});
