import { createAppClients, TRPCProvider } from '@siklus/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type DataRouter, RouterProvider } from 'react-router';
import { I18nProvider, type Lang } from '../i18n/i18n';
import { ToastProvider } from './toast';

/**
 * Everything a Siklus app needs above its router: TanStack Query, the typed tRPC context,
 * the language and the toasts. An app's `main.tsx` calls `startApp(router)`.
 */
export function AppProviders({
  children,
  trpcUrl = '/trpc',
  defaultLang,
  fetch,
}: {
  children: ReactNode;
  trpcUrl?: string;
  defaultLang?: Lang;
  /** Tests pass `fakeApi(...)` from `@siklus/ui/testing` here. */
  fetch?: typeof globalThis.fetch;
}) {
  const [{ queryClient, trpcClient }] = useState(() => createAppClients({ url: trpcUrl, fetch }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <I18nProvider defaultLang={defaultLang}>
          <ToastProvider>{children}</ToastProvider>
        </I18nProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * An app's entry: its router under `AppProviders`, mounted on index.html's `#root`. `boot`
 * renders beside the router, above sign-in (the supervision app's offline runtime).
 */
export function startApp(router: DataRouter, boot?: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
        {boot}
      </AppProviders>
    </StrictMode>,
  );
}
