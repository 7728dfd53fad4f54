import { configDefaults } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

// Fault tests are bound to one database: `*.pg.test.ts` kill connections of a real Postgres
// (they run in CI's Postgres pass, where DATABASE_URL is set), `*.pglite.test.ts` kill
// processes holding an embedded data directory (they run in the embedded pass). Each file
// runs in exactly one pass, so neither pass reports skipped tests.
const onPostgres = Boolean(process.env.DATABASE_URL);

// PGlite takes a few seconds to start: roomy hook timeouts.
export default sharedTestConfig({
  hookTimeout: 60_000,
  testTimeout: 30_000,
  exclude: [...configDefaults.exclude, onPostgres ? '**/*.pglite.test.ts' : '**/*.pg.test.ts'],
});
