import type { RouteObject } from 'react-router';
import { ImportPage } from '../pages/io/import-page';
import { ReportPage } from '../pages/io/report-page';

/**
 * Imports and the printable results chapter, open to both roles (the API decides):
 * `cycles/:cycleId/import` (principal) and `studies/:studyId/report` (print page).
 * Paths as ioPaths in export-urls.ts.
 */
export const ioRoutes: RouteObject[] = [
  { path: 'cycles/:cycleId/import', element: <ImportPage /> },
  { path: 'studies/:studyId/report', element: <ReportPage /> },
];
