import { type AppErrorCode, errorEnvelope, type TErrorEnvelope } from '@siklus/domain';

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
    readonly code: AppErrorCode,
    readonly messages: { id: string; en: string },
    readonly field: string | null = null,
  ) {
    super(messages.en);
  }
}

function errorEnvelopeOf(path: string, error: FakeApiError) {
  return errorEnvelope({
    code: error.code,
    messages: error.messages,
    field: error.field,
    requestId: 'test-request',
    path,
  });
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
          return errorEnvelopeOf(
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
          if (error instanceof FakeApiError) return errorEnvelopeOf(path, error);
          throw error;
        }
      }),
    );
    const failed = results.find((r): r is TErrorEnvelope => 'error' in r);
    const status = !failed ? 200 : results.length > 1 ? 207 : failed.error.data.httpStatus;
    return new Response(JSON.stringify(results), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, calls };
}
