import type { AppRouter } from '@siklus/api';
import type { QueryClient } from '@tanstack/react-query';
import type { TRPCClient } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { makeQueryClient } from './query-client';
import { createTrpcClient, type TrpcClientOptions } from './trpc';

/**
 * The pair each app creates once at startup. An UNAUTHORIZED answer anywhere (the session
 * expired in another tab, an admin revoked it) refetches `auth.me`; it comes back null and
 * `RequireAuth` sends the user to the sign-in page instead of leaving a broken screen.
 */
export function createAppClients(options: TrpcClientOptions = {}): {
  queryClient: QueryClient;
  trpcClient: TRPCClient<AppRouter>;
} {
  const trpcClient = createTrpcClient(options);
  const queryClient: QueryClient = makeQueryClient({
    onUnauthorized: () => {
      void queryClient.invalidateQueries({ queryKey: proxy.auth.me.queryKey() });
    },
  });
  const proxy = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  return { queryClient, trpcClient };
}
