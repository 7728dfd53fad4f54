import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The one vitest base every package extends: a JSON result file per package (summed by
 * scripts/test-summary.mjs for CI), and a setup file that turns console.error into a
 * failing test, so a swallowed error cannot hide behind a green run.
 */
export function sharedTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineConfig({
    test: {
      reporters: ['default', ['json', { outputFile: '.vitest-result.json' }]],
      // CI machines have two cores shared by every package's suite: budget for load, not speed.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
      ...overrides,
    },
  });
}
