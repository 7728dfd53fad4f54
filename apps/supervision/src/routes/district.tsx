import type { RouteObject } from 'react-router';
import { ComparePage } from '../pages/district/compare-page';
import { DashboardPage } from '../pages/district/dashboard-page';
import { ReviewPage } from '../pages/district/review-page';
import { SchoolPage } from '../pages/district/school-page';

/**
 * The supervisor's pages (wrapped in `RequireRole roles={['supervisor']}` by router.tsx).
 * Their state is in the URL: the dashboard's filters, sort and page; the compared schools
 * (`/compare?school=…&school=…`); the open review (`/review?cycleId=…`); the study shown
 * in a school's drill-down (`/schools/:schoolId?study=…`).
 */
export const districtRoutes: RouteObject[] = [
  { path: 'dashboard', element: <DashboardPage /> },
  { path: 'compare', element: <ComparePage /> },
  { path: 'review', element: <ReviewPage /> },
  { path: 'schools/:schoolId', element: <SchoolPage /> },
];
