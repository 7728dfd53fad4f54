import type { AppRouter } from '@siklus/api';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/**
 * The typed tRPC client both web apps share. JSON only (no transformer): every figure
 * travels as a decimal string ("53.48"), so nothing needs revival on this side.
 */
export interface TrpcClientOptions {
  url?: string;
  /** Replaces the global fetch: component tests answer procedures without a server. */
  fetch?: typeof fetch;
}

export function createTrpcClient({
  url = '/trpc',
  fetch: fetchImpl = globalThis.fetch,
}: TrpcClientOptions = {}): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url,
        // The session is an httpOnly cookie; same-origin in production, proxied in dev.
        fetch: (input, init) => fetchImpl(input, { ...init, credentials: 'include' }),
      }),
    ],
  });
}

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type TrpcClient = TRPCClient<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The signed-in person as `auth.me` returns them (null when signed out). */
export type Me = NonNullable<RouterOutputs['auth']['me']>;
export type Role = Me['role'];
