import react from '@vitejs/plugin-react';
import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

export default mergeConfig(sharedTestConfig({ environment: 'happy-dom' }), { plugins: [react()] });
