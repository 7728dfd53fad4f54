import { LoginPage, NotFoundPage, RequireAuth, useT } from '@siklus/ui';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AuditPage } from './pages/audit-page';
import { ComingSoon } from './pages/coming-soon';
import { HomePage } from './pages/home-page';
import { OnlyAdmins } from './pages/only-admins';
import { SchoolsPage } from './pages/schools-page';
import { UsersPage } from './pages/users-page';
import { AdminShell } from './shell';

function Login() {
  const t = useT();
  return <LoginPage appName={t('adm.appName')} />;
}

/**
 * The admin app lives under `/admin/` (vite `base`), so routes here are relative to it:
 * `/rubrics` is `/admin/rubrics` in the address bar. Everything behind sign-in is for
 * administrators only; anyone else sees `OnlyAdmins`.
 */
export const routes: RouteObject[] = [
  { path: '/login', element: <Login /> },
  {
    element: <RequireAuth roles={['admin']} forbidden={<OnlyAdmins />} />,
    children: [
      {
        element: <AdminShell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'rubrics', element: <ComingSoon section="rubrics" feature="config.rubrics" /> },
          { path: 'bands', element: <ComingSoon section="bands" feature="config.bands" /> },
          {
            path: 'criteria',
            element: <ComingSoon section="criteria" feature="config.criteria" />,
          },
          { path: 'schools', element: <SchoolsPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'audit', element: <AuditPage /> },
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
