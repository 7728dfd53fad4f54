import type { AppErrorCode } from '@siklus/client';

/**
 * A stand-in for the API in component tests: answers tRPC's batched HTTP requests from
 * plain functions, so a test renders a real page (real client, real queries) without a
 * server. `fakeApi({ 'auth.me': () => supervisor, 'schools.list': () => page })`.
 * A procedure without a handler answers NOT_FOUND, so a missing one shows in the test.
 */

export type Handler = (input: unknown) => unknown;

/** Throw this from a handler to answer with an AppError, as the real errorFormatter does. */
export class FakeApiError extends Error {
  constructor(
    readonly code: Exclude<AppErrorCode, 'NETWORK'>,
    readonly messages: { id: string; en: string },
    readonly field: string | null = null,
  ) {
    super(messages.en);
  }
}

const HTTP: Record<Exclude<AppErrorCode, 'NETWORK'>, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

// JSON-RPC codes tRPC uses for the same errors.
const RPC: Record<Exclude<AppErrorCode, 'NETWORK'>, number> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  CONFLICT: -32009,
  TOO_MANY_REQUESTS: -32029,
  PAYLOAD_TOO_LARGE: -32013,
  UNAVAILABLE: -32603,
  INTERNAL: -32603,
};

const TRPC_CODE: Record<Exclude<AppErrorCode, 'NETWORK'>, string> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

function errorEnvelope(path: string, error: FakeApiError) {
  return {
    error: {
      message: error.messages.en,
      code: RPC[error.code],
      data: {
        code: TRPC_CODE[error.code],
        httpStatus: HTTP[error.code],
        path,
        requestId: 'test-request',
        appError: { code: error.code, messages: error.messages, field: error.field },
      },
    },
  };
}

export interface FakeApi {
  fetch: typeof globalThis.fetch;
  /** Every call made, in order: `{ path, input }`. */
  calls: Array<{ path: string; input: unknown }>;
}

export function fakeApi(handlers: Record<string, Handler>): FakeApi {
  const calls: FakeApi['calls'] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, 'http://localhost');
    const paths = decodeURIComponent(url.pathname.replace(/^.*\/trpc\//, '')).split(',');
    const method = (init?.method ?? 'GET').toUpperCase();
    const raw = method === 'GET' ? url.searchParams.get('input') : (init?.body as string | null);
    const inputs = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const results = await Promise.all(
      paths.map(async (path, i) => {
        const value = inputs[String(i)];
        calls.push({ path, input: value });
        const handler = handlers[path];
        if (!handler) {
          return errorEnvelope(
            path,
            new FakeApiError('NOT_FOUND', {
              id: `Tidak ada: ${path}`,
              en: `No handler for ${path}`,
            }),
          );
        }
        try {
          // undefined is not JSON: tRPC sends it as a missing `data`.
          return { result: { data: (await handler(value)) ?? null } };
        } catch (error) {
          if (error instanceof FakeApiError) return errorEnvelope(path, error);
          throw error;
        }
      }),
    );
    const failed = results.find((r): r is ReturnType<typeof errorEnvelope> => 'error' in r);
    const status = !failed ? 200 : results.length > 1 ? 207 : failed.error.data.httpStatus;
    return new Response(JSON.stringify(results), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, calls };
}
