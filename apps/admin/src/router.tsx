import { accountRoutes, lazyRoute, NotFoundPage, RequireAuth } from '@siklus/ui';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { OnlyAdmins } from './pages/only-admins';
import { AdminShell } from './shell';

const config = () => import('./config/config-list-page');
const version = () => import('./config/config-version-page');
const teachers = () => import('./pages/teachers-page');

/**
 * The admin app lives under `/admin/` (vite `base`), so routes here are relative to it:
 * `/rubrics` is `/admin/rubrics` in the address bar. Everything behind sign-in is for
 * administrators only; anyone else sees `OnlyAdmins`.
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
    element: <RequireAuth roles={['admin']} forbidden={<OnlyAdmins />} />,
    children: [
      {
        element: <AdminShell />,
        children: [
          {
            index: true,
            ...lazyRoute(
              () => import('./pages/home-page'),
              (m) => <m.HomePage />,
            ),
          },
          {
            path: 'rubrics',
            ...lazyRoute(config, (m) => <m.ConfigListPage key="rubrics" kind="rubrics" />),
          },
          {
            path: 'rubrics/:versionId',
            ...lazyRoute(version, (m) => <m.ConfigVersionRoute kind="rubrics" />),
          },
          {
            path: 'bands',
            ...lazyRoute(config, (m) => <m.ConfigListPage key="bands" kind="bandSets" />),
          },
          {
            path: 'bands/:versionId',
            ...lazyRoute(version, (m) => <m.ConfigVersionRoute kind="bandSets" />),
          },
          {
            path: 'criteria',
            ...lazyRoute(config, (m) => <m.ConfigListPage key="criteria" kind="criteriaSets" />),
          },
          {
            path: 'criteria/:versionId',
            ...lazyRoute(version, (m) => <m.ConfigVersionRoute kind="criteriaSets" />),
          },
          {
            path: 'schools',
            ...lazyRoute(
              () => import('./pages/schools-page'),
              (m) => <m.SchoolsPage />,
            ),
          },
          {
            path: 'subdistricts',
            ...lazyRoute(
              () => import('./pages/subdistricts-page'),
              (m) => <m.SubdistrictsPage />,
            ),
          },
          { path: 'teachers', ...lazyRoute(teachers, (m) => <m.TeacherSchoolsPage />) },
          { path: 'schools/:schoolId/teachers', ...lazyRoute(teachers, (m) => <m.TeachersPage />) },
          {
            path: 'users',
            ...lazyRoute(
              () => import('./pages/users-page'),
              (m) => <m.UsersPage />,
            ),
          },
          {
            path: 'cycles',
            ...lazyRoute(
              () => import('./pages/cycles-page'),
              (m) => <m.CyclesPage />,
            ),
          },
          {
            path: 'audit',
            ...lazyRoute(
              () => import('./pages/audit-page'),
              (m) => <m.AuditPage />,
            ),
          },
          ...accountRoutes('admin'),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

// BASE_URL is "/admin/"; the router wants it without the trailing slash.
export const router = createBrowserRouter(routes, {
  basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/',
});
