import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A route whose page arrives in its own chunk the first time it is visited, so the app's
 * first load carries the frame (router, session, shell) and not every page (issue 19's
 * 150 kB budget). `render` gets the loaded module: `lazyRoute(() => import('./x'), (m) =>
 * <m.XPage kind="y" />)`.
 */
export function lazyRoute<M>(
  load: () => Promise<M>,
  render: (module: M) => ReactElement,
): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ element: render(await load()) }) };
}
