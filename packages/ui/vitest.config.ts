import react from '@vitejs/plugin-react';
import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

export default mergeConfig(sharedTestConfig({ environment: 'happy-dom' }), {
  plugins: [react()],
  // Added to the shared setup (mergeConfig concatenates the lists).
  test: { setupFiles: ['./src/test/setup.ts'] },
});
