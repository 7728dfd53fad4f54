import { toAppError as dbToAppError } from '@siklus/db';
import {
  AppError,
  type AppErrorCode,
  fromZodError,
  GENERIC_ERROR_MESSAGES,
  isAppError,
  TRPC_CODE_OF,
} from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/**
 * Everything that can go wrong in a procedure ends as one AppError: a code, a message in
 * Indonesian and English, and the field a person must fix. This module turns anything thrown
 * into that AppError; the code -> status / tRPC code table and the JSON envelope are the
 * domain's error contract (packages/domain/src/error-contract.ts).
 */

type TRPCCode = TRPCError['code'];

function fromTrpcCode(code: TRPCCode): AppErrorCode {
  switch (code) {
    case 'PARSE_ERROR':
    case 'BAD_REQUEST':
    case 'UNPROCESSABLE_CONTENT':
    case 'METHOD_NOT_SUPPORTED':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'PRECONDITION_FAILED':
    case 'PRECONDITION_REQUIRED':
      return 'BAD_REQUEST';
    case 'UNAUTHORIZED':
      return 'UNAUTHORIZED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'TOO_MANY_REQUESTS':
      return 'TOO_MANY_REQUESTS';
    case 'PAYLOAD_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'SERVICE_UNAVAILABLE':
    case 'BAD_GATEWAY':
    case 'GATEWAY_TIMEOUT':
    case 'TIMEOUT':
    case 'CLIENT_CLOSED_REQUEST':
      return 'UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}

export const MESSAGES = {
  unauthorized: GENERIC_ERROR_MESSAGES.UNAUTHORIZED,
  forbidden: GENERIC_ERROR_MESSAGES.FORBIDDEN,
  notFound: GENERIC_ERROR_MESSAGES.NOT_FOUND,
  internal: GENERIC_ERROR_MESSAGES.INTERNAL,
  unavailable: GENERIC_ERROR_MESSAGES.UNAVAILABLE,
  badRequest: GENERIC_ERROR_MESSAGES.BAD_REQUEST,
  payloadTooLarge: GENERIC_ERROR_MESSAGES.PAYLOAD_TOO_LARGE,
} as const;

const GENERIC = GENERIC_ERROR_MESSAGES;

export function forbidden(): AppError {
  return new AppError('FORBIDDEN', MESSAGES.forbidden);
}
export function notFound(what?: { id: string; en: string }): AppError {
  return new AppError('NOT_FOUND', what ?? MESSAGES.notFound);
}
export function unauthorized(): AppError {
  return new AppError('UNAUTHORIZED', MESSAGES.unauthorized);
}

function isZodError(e: unknown): e is ZodError {
  return e instanceof ZodError || (e instanceof Error && e.name === 'ZodError' && 'issues' in e);
}

/** Turns anything thrown into the one AppError the client sees. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (isZodError(error)) return fromZodError(error);
  if (error instanceof TRPCError) {
    const cause = error.cause;
    if (isAppError(cause)) return cause;
    if (isZodError(cause)) return fromZodError(cause);
    const code = fromTrpcCode(error.code);
    if (code === 'INTERNAL') {
      return (
        fromDatabaseError(cause) ?? new AppError('INTERNAL', MESSAGES.internal, { cause: error })
      );
    }
    // tRPC's own errors (no such procedure, batch too large, unreadable JSON) carry English only.
    return new AppError(
      code,
      { id: GENERIC[code].id, en: error.message || GENERIC[code].en },
      {
        cause: error,
      },
    );
  }
  return fromDatabaseError(error) ?? new AppError('INTERNAL', MESSAGES.internal, { cause: error });
}

/**
 * A database error a repository did not translate: the db package's mapping by constraint
 * name and SQLSTATE (its messages never carry SQL or constraint names; the original stays
 * as the cause, for the log). Null when it is not a database error we can name.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  if (!(error instanceof Error)) return null;
  // Dropped connections and timeouts (pg says so in words, without a SQLSTATE) are
  // recognised there too: UNAVAILABLE, "Basis data sedang tidak tersedia. Coba lagi ...".
  const mapped = dbToAppError(error);
  return mapped.code === 'INTERNAL' ? null : mapped;
}

/** The TRPCError a procedure ends with: the right code, with the AppError as its cause. */
export function toTRPCError(error: unknown): TRPCError {
  const appError = toAppError(error);
  const code = TRPC_CODE_OF[appError.code];
  if (error instanceof TRPCError && error.cause === appError && error.code === code) return error;
  return new TRPCError({ code, message: appError.message, cause: appError });
}
