import { toAppError as dbToAppError } from '@siklus/db';
import { AppError, type AppErrorCode, fromZodError, isAppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/**
 * Everything that can go wrong in a procedure ends as one AppError: a code, a message in
 * Indonesian and English, and the field a person must fix. This module is the single place
 * that translates between AppError, tRPC's error codes and HTTP statuses.
 */

type TRPCCode = TRPCError['code'];

const TO_TRPC: Record<AppErrorCode, TRPCCode> = {
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

export const HTTP_STATUS: Record<AppErrorCode, number> = {
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
  unauthorized: {
    id: 'Silakan masuk terlebih dahulu.',
    en: 'Please sign in first.',
  },
  forbidden: {
    id: 'Anda tidak berwenang melakukan tindakan ini.',
    en: 'You are not allowed to do this.',
  },
  notFound: {
    id: 'Data tidak ditemukan.',
    en: 'Not found.',
  },
  internal: {
    id: 'Terjadi kesalahan di server. Coba lagi; jika berulang, laporkan kode permintaan ini.',
    en: 'Something went wrong on the server. Try again; if it repeats, report this request id.',
  },
  unavailable: {
    id: 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.',
    en: 'The service is unavailable right now. Try again in a moment.',
  },
  badRequest: {
    id: 'Permintaan tidak valid.',
    en: 'The request is not valid.',
  },
  payloadTooLarge: {
    id: 'Permintaan terlalu besar.',
    en: 'The request is too large.',
  },
} as const;

const GENERIC: Record<AppErrorCode, { id: string; en: string }> = {
  BAD_REQUEST: MESSAGES.badRequest,
  UNAUTHORIZED: MESSAGES.unauthorized,
  FORBIDDEN: MESSAGES.forbidden,
  NOT_FOUND: MESSAGES.notFound,
  CONFLICT: {
    id: 'Data telah diubah orang lain. Muat ulang lalu coba lagi.',
    en: 'Someone else changed this. Reload and try again.',
  },
  TOO_MANY_REQUESTS: {
    id: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many attempts. Wait a moment and try again.',
  },
  PAYLOAD_TOO_LARGE: MESSAGES.payloadTooLarge,
  UNAVAILABLE: MESSAGES.unavailable,
  INTERNAL: MESSAGES.internal,
};

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
  const code = TO_TRPC[appError.code];
  if (error instanceof TRPCError && error.cause === appError && error.code === code) return error;
  return new TRPCError({ code, message: appError.message, cause: appError });
}

export function trpcCodeOf(code: AppErrorCode): TRPCCode {
  return TO_TRPC[code];
}
