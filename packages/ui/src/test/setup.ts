import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../testing/dialog-polyfill';

// Testing Library only cleans up by itself when vitest globals are on; they are not here.
afterEach(() => cleanup());
