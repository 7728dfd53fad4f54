import type { RouteObject } from 'react-router';
import { ComingSoon } from '../pages/coming-soon';
import { DashboardPage } from '../pages/dashboard-page';

/** The supervisor's pages (wrapped in `RequireRole roles={['supervisor']}` by router.tsx). */
export const districtRoutes: RouteObject[] = [
  { path: 'dashboard', element: <DashboardPage /> },
  {
    path: 'compare',
    element: <ComingSoon titleKey="sup.compare.title" feature="reports.compare" />,
  },
  {
    path: 'review',
    element: <ComingSoon titleKey="sup.review.title" feature="review.queue" />,
  },
  {
    path: 'schools/:schoolId',
    element: <ComingSoon titleKey="sup.school.title" feature="reports.school" />,
  },
];
