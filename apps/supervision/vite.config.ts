import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dictionaryPerLanguage, firstLoadReport, pureLibraries } from '../../scripts/first-load';

const api = 'http://127.0.0.1:3000';

// Served at `/` by apps/server; in dev, vite proxies the API so cookies stay same-origin.
export default defineConfig({
  plugins: [react(), pureLibraries(), dictionaryPerLanguage(), firstLoadReport('supervision')],
  base: '/',
  build: { outDir: 'dist', sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/trpc': api, '/health': api, '/export': api, '/import': api },
  },
});
