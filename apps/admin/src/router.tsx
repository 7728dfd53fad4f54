import { accountRoutes, LoginPage, NotFoundPage, RequireAuth, useT } from '@siklus/ui';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { ConfigListPage } from './config/config-list-page';
import { ConfigVersionRoute } from './config/config-version-page';
import { AuditPage } from './pages/audit-page';
import { CyclesPage } from './pages/cycles-page';
import { HomePage } from './pages/home-page';
import { OnlyAdmins } from './pages/only-admins';
import { SchoolsPage } from './pages/schools-page';
import { SubdistrictsPage } from './pages/subdistricts-page';
import { TeacherSchoolsPage, TeachersPage } from './pages/teachers-page';
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
          { path: 'rubrics', element: <ConfigListPage key="rubrics" kind="rubrics" /> },
          { path: 'rubrics/:versionId', element: <ConfigVersionRoute kind="rubrics" /> },
          { path: 'bands', element: <ConfigListPage key="bands" kind="bandSets" /> },
          { path: 'bands/:versionId', element: <ConfigVersionRoute kind="bandSets" /> },
          { path: 'criteria', element: <ConfigListPage key="criteria" kind="criteriaSets" /> },
          { path: 'criteria/:versionId', element: <ConfigVersionRoute kind="criteriaSets" /> },
          { path: 'schools', element: <SchoolsPage /> },
          { path: 'subdistricts', element: <SubdistrictsPage /> },
          { path: 'teachers', element: <TeacherSchoolsPage /> },
          { path: 'schools/:schoolId/teachers', element: <TeachersPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'cycles', element: <CyclesPage /> },
          { path: 'audit', element: <AuditPage /> },
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
