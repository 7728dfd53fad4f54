import type { RouteObject } from 'react-router';

/**
 * Imports and the printable results chapter, open to both roles (the API decides):
 * `cycles/:cycleId/import` (principal), `studies/:studyId/recap` (principal, a recap of
 * every cycle into an empty study) and `studies/:studyId/report` (print page).
 * Paths as ioPaths in export-urls.ts.
 */
export const ioRoutes: RouteObject[] = [
  {
    path: 'cycles/:cycleId/import',
    lazy: async () => ({ Component: (await import('../pages/io/import-page')).ImportPage }),
  },
  {
    path: 'studies/:studyId/recap',
    lazy: async () => ({ Component: (await import('../pages/io/recap-page')).RecapPage }),
  },
  {
    path: 'studies/:studyId/report',
    lazy: async () => ({ Component: (await import('../pages/io/report-page')).ReportPage }),
  },
];
