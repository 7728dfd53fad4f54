import { configure, render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { AppProviders } from '../components/providers';
import { type Lang, loadLang } from '../i18n/i18n';
import { type ExactHandlers, fakeApi, type Handlers } from './fake-api';

// English loads on demand in the apps (i18n.tsx; tested in i18n.test.tsx). Tests render
// either language at once, so it is fetched here before the first test.
await loadLang('en');

// Pages load lazily (route `lazy`), so a navigation waits for a module import; on a CI
// machine with two cores shared by every package's suite that can take over the default
// second. findBy*/waitFor wait up to 10 s instead (they still return as soon as they can).
configure({ asyncUtilTimeout: 10_000 });

export interface RenderAppOptions<H extends Handlers = Handlers> {
  /** Procedure answers by path (`'auth.me'`), each exactly the real output's shape; see `fakeApi`. */
  api?: Handlers & H & ExactHandlers<H>;
  /** The URL to start at (inside the app, without the admin app's `/admin` base). */
  at?: string;
  lang?: Lang;
}

/**
 * Renders an app's route table with the real providers, a memory router and a fake API:
 * the way to test a page as a user meets it. Returns the router (for `router.state`) and
 * the API's recorded calls.
 */
export function renderApp<H extends Handlers = Record<never, never>>(
  routes: RouteObject[],
  { api, at = '/', lang = 'id' }: RenderAppOptions<H> = {},
) {
  localStorage.removeItem('siklus.lang');
  const fake = fakeApi<Handlers>(api ?? {});
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  const result = render(
    <AppProviders fetch={fake.fetch} defaultLang={lang}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, calls: fake.calls };
}
