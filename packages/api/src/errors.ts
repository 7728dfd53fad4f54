import { AppError, type AppErrorCode } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { ZodError, type z } from 'zod';

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

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((p) => String(p)).join('.');
}

/** A message a person can act on, in both languages, for one zod issue. */
export function zodIssueMessages(issue: z.core.$ZodIssue): { id: string; en: string } {
  const field = fieldOf(issue.path);
  const at = field ? { id: ` (kolom ${field})`, en: ` (field ${field})` } : { id: '', en: '' };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return {
        id: `Kolom tidak dikenal: ${keys}${at.id}.`,
        en: `Unknown field: ${keys}${at.en}.`,
      };
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        return { id: `Wajib diisi${at.id}.`, en: `Required${at.en}.` };
      }
      return {
        id: `Jenis nilai salah${at.id}: seharusnya ${issue.expected}.`,
        en: `Wrong type${at.en}: expected ${issue.expected}.`,
      };
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') {
        return {
          id: `Terlalu panjang${at.id}: paling banyak ${max} karakter.`,
          en: `Too long${at.en}: at most ${max} characters.`,
        };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return {
          id: `Terlalu banyak isian${at.id}: paling banyak ${max}.`,
          en: `Too many items${at.en}: at most ${max}.`,
        };
      }
      return {
        id: `Nilai terlalu besar${at.id}: paling besar ${max}.`,
        en: `Too large${at.en}: at most ${max}.`,
      };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? { id: `Wajib diisi${at.id}.`, en: `Required${at.en}.` }
          : {
              id: `Terlalu pendek${at.id}: paling sedikit ${min} karakter.`,
              en: `Too short${at.en}: at least ${min} characters.`,
            };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return {
          id: `Terlalu sedikit isian${at.id}: paling sedikit ${min}.`,
          en: `Too few items${at.en}: at least ${min}.`,
        };
      }
      return {
        id: `Nilai terlalu kecil${at.id}: paling kecil ${min}.`,
        en: `Too small${at.en}: at least ${min}.`,
      };
    }
    case 'invalid_format':
      return {
        id: `Format tidak valid${at.id}.`,
        en: `Invalid format${at.en}.`,
      };
    case 'invalid_value':
      return {
        id: `Nilai tidak diizinkan${at.id}: pilih salah satu dari ${issue.values.map(String).join(', ')}.`,
        en: `Value not allowed${at.en}: choose one of ${issue.values.map(String).join(', ')}.`,
      };
    default:
      // A custom refinement may carry its own bilingual message as "id|en".
      if (issue.message.includes(' | ')) {
        const [id, en] = issue.message.split(' | ', 2) as [string, string];
        return { id: `${id}${at.id}`, en: `${en}${at.en}` };
      }
      return { id: `Isian tidak valid${at.id}.`, en: `Invalid value${at.en}: ${issue.message}.` };
  }
}

export function appErrorFromZod(error: ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError('BAD_REQUEST', MESSAGES.badRequest, { cause: error });
  return new AppError('BAD_REQUEST', zodIssueMessages(issue), {
    field: fieldOf(issue.path),
    cause: error,
    details: { issues: error.issues.length },
  });
}

function isZodError(e: unknown): e is ZodError {
  return e instanceof ZodError || (e instanceof Error && e.name === 'ZodError' && 'issues' in e);
}

/** Turns anything thrown into the one AppError the client sees. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isZodError(error)) return appErrorFromZod(error);
  if (error instanceof TRPCError) {
    const cause = error.cause;
    if (cause instanceof AppError) return cause;
    if (isZodError(cause)) return appErrorFromZod(cause);
    const code = fromTrpcCode(error.code);
    if (code === 'INTERNAL') return new AppError('INTERNAL', MESSAGES.internal, { cause: error });
    // tRPC's own errors (no such procedure, batch too large, unreadable JSON) carry English only.
    return new AppError(
      code,
      { id: GENERIC[code].id, en: error.message || GENERIC[code].en },
      {
        cause: error,
      },
    );
  }
  return new AppError('INTERNAL', MESSAGES.internal, { cause: error });
}

/** The TRPCError a procedure ends with: the right code, with the AppError as its cause. */
export function toTRPCError(error: unknown): TRPCError {
  const appError = toAppError(error);
  if (error instanceof TRPCError && error.cause === appError) return error;
  return new TRPCError({ code: TO_TRPC[appError.code], message: appError.message, cause: appError });
}

export function trpcCodeOf(code: AppErrorCode): TRPCCode {
  return TO_TRPC[code];
}
