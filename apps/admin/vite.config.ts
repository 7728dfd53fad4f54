import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { appHead } from '../../scripts/app-head';
import { dictionaryPerLanguage, firstLoadReport, pureLibraries } from '../../scripts/first-load';

const api = 'http://127.0.0.1:3000';

// Served at `/admin/` by apps/server (same origin as the API, so the session cookie is shared).
export default defineConfig({
  plugins: [react(), appHead(), pureLibraries(), dictionaryPerLanguage(), firstLoadReport('admin')],
  base: '/admin/',
  build: { outDir: 'dist', sourcemap: true },
  server: {
    port: 5174,
    proxy: { '/trpc': api, '/health': api },
  },
});
