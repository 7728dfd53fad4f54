import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { appHead } from '../../scripts/app-head';
import { dictionaryPerLanguage, firstLoadReport, pureLibraries } from '../../scripts/first-load';

const api = 'http://127.0.0.1:3000';

/** Paths the service worker never answers: the API, downloads, uploads and the admin app. */
const NETWORK_ONLY = [/^\/trpc/, /^\/export/, /^\/import/, /^\/health/, /^\/admin/];

// Served at `/` by apps/server; in dev, vite proxies the API so cookies stay same-origin.
export default defineConfig({
  plugins: [
    react(),
    appHead(),
    pureLibraries(),
    dictionaryPerLanguage(),
    // An installable app whose shell opens without a connection (decision 024): the service
    // worker precaches the built files only (every page's chunk, so a page opens offline
    // once the app was loaded online), answers navigations with index.html, and caches no
    // API answer: a principal's data is kept per user by the app itself (src/offline/).
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Siklus · Supervisi PTS',
        short_name: 'Siklus',
        description:
          'Supervisi Penelitian Tindakan Sekolah (PTS) untuk kepala sekolah dan pengawas.',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#134e4a',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      workbox: {
        // The cache's name carries a version: a change of what is cached renames it, and
        // the old precache is dropped on activation.
        cacheId: 'siklus-supervision-v1',
        cleanupOutdatedCaches: true,
        globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: NETWORK_ONLY,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        runtimeCaching: [],
      },
    }),
    firstLoadReport('supervision'),
  ],
  base: '/',
  build: { outDir: 'dist', sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/trpc': api, '/health': api, '/export': api, '/import': api },
  },
});
