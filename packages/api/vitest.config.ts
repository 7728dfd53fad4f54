import { sharedTestConfig } from '../../vitest.shared';

// PGlite takes a few seconds to start, and argon2 costs ~50 ms a hash: roomy timeouts.
export default sharedTestConfig({ hookTimeout: 60_000, testTimeout: 30_000 });
