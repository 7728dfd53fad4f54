import type { RouteObject } from 'react-router';

/**
 * The supervisor's pages (wrapped in `RequireRole roles={['supervisor']}` by router.tsx).
 * Their state is in the URL: the dashboard's filters, sort and page; the compared schools
 * (`/compare?school=…&school=…`); the open review (`/review?cycleId=…`); the study shown
 * in a school's drill-down (`/schools/:schoolId?study=…`).
 */
export const districtRoutes: RouteObject[] = [
  {
    path: 'dashboard',
    lazy: async () => ({
      Component: (await import('../pages/district/dashboard-page')).DashboardPage,
    }),
  },
  {
    path: 'compare',
    lazy: async () => ({ Component: (await import('../pages/district/compare-page')).ComparePage }),
  },
  {
    path: 'review',
    lazy: async () => ({ Component: (await import('../pages/district/review-page')).ReviewPage }),
  },
  {
    path: 'schools/:schoolId',
    lazy: async () => ({ Component: (await import('../pages/district/school-page')).SchoolPage }),
  },
];
