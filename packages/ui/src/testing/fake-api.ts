import type { AppRouter } from '@siklus/api';
import { type AppErrorCode, errorEnvelope, type TErrorEnvelope } from '@siklus/domain';
import type { AnyProcedure, inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/**
 * A stand-in for the API in component tests: answers tRPC's batched HTTP requests from
 * plain functions, so a test renders a real page (real client, real queries) without a
 * server. `fakeApi({ 'auth.me': () => supervisor, 'schools.list': () => page })`.
 * A procedure without a handler answers NOT_FOUND, so a missing one shows in the test.
 */

/** `'auth.me' | 'schools.list' | …`: every procedure of the API by its dotted path. */
type PathsOf<TRecord, TPrefix extends string = ''> = {
  [K in keyof TRecord & string]: TRecord[K] extends AnyProcedure
    ? `${TPrefix}${K}`
    : PathsOf<TRecord[K], `${TPrefix}${K}.`>;
}[keyof TRecord & string];

export type ProcedurePath = PathsOf<AppRouter['_def']['record']>;

/** The entry of a nested record at a dotted path: `At<RouterOutputs, 'auth.me'>`. */
type At<T, TPath extends string> = TPath extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : TPath extends keyof T
    ? T[TPath]
    : never;

export type ProcedureInput<P extends ProcedurePath> = At<inferRouterInputs<AppRouter>, P>;
export type ProcedureOutput<P extends ProcedurePath> = At<inferRouterOutputs<AppRouter>, P>;

/** Every field optional, at every depth; unions and nulls kept as they are. */
type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * What a fake may answer for a procedure: the real output's shape, in which a field may be
 * left out (a fake answers what the page under test reads) but every field given must exist
 * in the real output with the real type. So a fake whose shape drifts from the API (a field
 * renamed or retyped, a status the API never sends) fails to compile instead of passing a
 * test the real server would fail.
 */
export type FakeOutput<P extends ProcedurePath> = DeepPartial<ProcedureOutput<P>>;

/** A stand-in for one procedure, typed from the real router: its input in, its output out. */
export type Handler<P extends ProcedurePath = ProcedurePath> = (
  input: ProcedureInput<P>,
) => FakeOutput<P> | Promise<FakeOutput<P>>;

/** Answers by path; a path that is not a procedure of the API is a compile error. */
export type Handlers = { [P in ProcedurePath]?: Handler<P> };

type KeysOf<T> = T extends unknown ? keyof T : never;
type FieldOf<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/**
 * `T` with every field that `Shape` lacks, at any depth, turned to `never`: a value of `T`
 * fits only if it has no field the real output does not have. (TypeScript checks a returned
 * object literal's extra fields only against a declared type, not a handler's answer.)
 */
export type Exact<T, Shape> = 0 extends 1 & Shape
  ? T
  : unknown extends Shape
    ? T
    : T extends (...args: never[]) => unknown
      ? T
      : T extends readonly (infer U)[]
        ? Exact<U, Extract<Shape, readonly unknown[]>[number]>[]
        : T extends object
          ? {
              [K in keyof T]: K extends KeysOf<Extract<Shape, object>>
                ? Exact<T[K], FieldOf<Extract<Shape, object>, K>>
                : never;
            }
          : T;

/**
 * The handlers `H` as given, each answer required to be exact: a field the real output does
 * not have (a renamed field, a fixture of another shape) fails to compile. `fakeApi` and
 * `renderApp` take `H & ExactHandlers<H>`.
 */
export type ExactHandlers<H> = {
  [P in keyof H]: P extends ProcedurePath
    ? H[P] extends (...args: never[]) => infer R
      ? (
          input: ProcedureInput<P>,
        ) => Exact<Awaited<R>, ProcedureOutput<P>> | Promise<Exact<Awaited<R>, ProcedureOutput<P>>>
      : H[P]
    : never;
};

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

/** A handler as the fetch loop calls it: the input arrives as JSON, unchecked. */
type AnyHandler = (input: unknown) => unknown;

/** The handler of a path, if any; looked up by string because the path comes off the wire. */
function handlerAt(handlers: Handlers, path: string): AnyHandler | undefined {
  const found: unknown = Object.hasOwn(handlers, path)
    ? handlers[path as ProcedurePath]
    : undefined;
  return typeof found === 'function' ? (found as AnyHandler) : undefined;
}

export function fakeApi<H extends Handlers>(handlers: Handlers & H & ExactHandlers<H>): FakeApi {
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
        const handler = handlerAt(handlers, path);
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
