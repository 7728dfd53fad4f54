import { sharedTestConfig } from '../../vitest.shared';

// PGlite takes a few seconds to start: roomy hook timeouts.
export default sharedTestConfig({ hookTimeout: 60_000, testTimeout: 30_000 });
