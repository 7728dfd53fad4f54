import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { appErrorOf, isClientError } from './app-error';

export interface QueryClientOptions {
  /**
   * Called when any query or mutation comes back UNAUTHORIZED (the session expired or was
   * revoked): the app refetches `auth.me`, which sends the user to the sign-in page.
   */
  onUnauthorized?: () => void;
}

/**
 * One QueryClient per app. A 4xx is an answer, not a hiccup, so it is never retried;
 * network and server failures get two more tries. Data is fresh for 30 s so moving
 * between pages does not refetch the district's 2,000 rows on every click.
 */
export function makeQueryClient({ onUnauthorized }: QueryClientOptions = {}): QueryClient {
  const unauthorized = (error: unknown) => {
    if (appErrorOf(error)?.code === 'UNAUTHORIZED') onUnauthorized?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: unauthorized }),
    mutationCache: new MutationCache({ onError: unauthorized }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
