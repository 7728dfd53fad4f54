import type { RouteObject } from 'react-router';

/**
 * Imports and the printable results chapter, open to both roles (the API decides):
 * `cycles/:cycleId/import` (principal) and `studies/:studyId/report` (print page).
 */
export const ioRoutes: RouteObject[] = [];
