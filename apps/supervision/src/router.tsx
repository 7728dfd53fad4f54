import { accountRoutes, lazyRoute, NotFoundPage, RequireAuth, RequireRole } from '@siklus/ui';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AdminHere } from './pages/admin-here';
import { HomeRedirect } from './pages/home-redirect';
import { calibrationRoutes, coObservationRoutes } from './routes/calibration';
import { districtRoutes } from './routes/district';
import { ioRoutes } from './routes/io';
import { ptsRoutes } from './routes/pts';
import { SupervisionShell } from './shell';

/**
 * Every page has its own URL (deep links). The signed-in part sits under one
 * `RequireAuth` + shell; each role's pages sit under a `RequireRole`. Shared read-only
 * pages (a study, a cycle) are open to both roles: the API decides what each may see.
 */
export const routes: RouteObject[] = [
  {
    path: '/login',
    ...lazyRoute(
      () => import('./pages/login'),
      (m) => <m.Login />,
    ),
  },
  {
    element: <RequireAuth roles={['principal', 'supervisor']} forbidden={<AdminHere />} />,
    children: [
      {
        element: <SupervisionShell />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            element: <RequireRole roles={['principal']} />,
            children: [
              {
                path: 'my-school',
                ...lazyRoute(
                  () => import('./pages/my-school-page'),
                  (m) => <m.MySchoolPage />,
                ),
              },
            ],
          },
          {
            element: <RequireRole roles={['supervisor']} />,
            children: [...districtRoutes, ...calibrationRoutes],
          },
          // Both roles: principals edit their own, supervisors read any in the district.
          ...ptsRoutes,
          ...ioRoutes,
          ...coObservationRoutes,
          ...accountRoutes('supervision'),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
