import { createAppClients, TRPCProvider } from '@siklus/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nProvider, type Lang } from '../i18n/i18n';

/**
 * Everything a Siklus app needs above its router: TanStack Query, the typed tRPC context
 * and the language. `main.tsx` is `<AppProviders><RouterProvider router={router} /></AppProviders>`.
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
        <I18nProvider defaultLang={defaultLang}>{children}</I18nProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
