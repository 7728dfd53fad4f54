import type { RouteObject } from 'react-router';
import { lazyRoute } from '../components/lazy-route';
import type { AppKind } from './notifications';

/**
 * The account page and the notifications list, the same in both apps (inside the shell),
 * loaded when first opened so they stay out of the first load (decision 021).
 */
export function accountRoutes(app: AppKind): RouteObject[] {
  return [
    {
      path: 'account',
      ...lazyRoute(
        () => import('./account-page'),
        (m) => <m.AccountPage />,
      ),
    },
    {
      path: 'notifications',
      ...lazyRoute(
        () => import('./notifications'),
        (m) => <m.NotificationsPage app={app} />,
      ),
    },
  ];
}
