import type { RouteObject } from 'react-router';
import { AccountPage } from './account-page';
import { type AppKind, NotificationsPage } from './notifications';

/** The account page and the notifications list, the same in both apps (inside the shell). */
export function accountRoutes(app: AppKind): RouteObject[] {
  return [
    { path: 'account', element: <AccountPage /> },
    { path: 'notifications', element: <NotificationsPage app={app} /> },
  ];
}
