import { APP_ERROR_CODES, type AppErrorCode, type TBilingual } from './errors';

/**
 * The error contract between the server and every client, in one module: which HTTP status
 * and which tRPC code each AppError code travels with, and the JSON envelope an error
 * answers with. The API's error formatter, the server's own refusals (guards, 404, 413,
 * 414, 431, download routes), the web client that reads errors back and the test fake of
 * the API all build or read this shape from here, so they cannot drift apart.
 * It lives in the domain because that is the one package all of them may import.
 */

export const HTTP_STATUS_OF: Record<AppErrorCode, number> = {
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

/** tRPC's names for the same errors (its `TRPCError['code']`). */
export const TRPC_CODE_OF = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<AppErrorCode, string>;

export type TTrpcErrorCode = (typeof TRPC_CODE_OF)[AppErrorCode];

/** The JSON-RPC numbers tRPC puts in `error.code` for those names (tRPC's own table). */
export const JSONRPC_CODE_OF: Record<AppErrorCode, number> = {
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

/** The code of an HTTP status, for an answer that carries no AppError (a proxy's page). */
export function appErrorCodeOfStatus(status: number): AppErrorCode {
  for (const code of APP_ERROR_CODES) {
    if (HTTP_STATUS_OF[code] === status) return code;
  }
  return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
}

/** What to say when nothing more precise is known. */
export const GENERIC_ERROR_MESSAGES: Record<AppErrorCode, TBilingual> = {
  BAD_REQUEST: { id: 'Permintaan tidak valid.', en: 'The request is not valid.' },
  UNAUTHORIZED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  FORBIDDEN: {
    id: 'Anda tidak berwenang melakukan tindakan ini.',
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  CONFLICT: {
    id: 'Data telah diubah orang lain. Muat ulang lalu coba lagi.',
    en: 'Someone else changed this. Reload and try again.',
  },
  TOO_MANY_REQUESTS: {
    id: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many attempts. Wait a moment and try again.',
  },
  PAYLOAD_TOO_LARGE: { id: 'Permintaan terlalu besar.', en: 'The request is too large.' },
  UNAVAILABLE: {
    id: 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.',
    en: 'The service is unavailable right now. Try again in a moment.',
  },
  INTERNAL: {
    id: 'Terjadi kesalahan di server. Coba lagi; jika berulang, laporkan kode permintaan ini.',
    en: 'Something went wrong on the server. Try again; if it repeats, report this request id.',
  },
};

/** `data.appError` of every error answer: what a form needs to show and mark. */
export interface TAppErrorData {
  code: AppErrorCode;
  messages: TBilingual;
  /** A dotted path such as `scores.B2`, matching the input's field names; null if none. */
  field: string | null;
  /** Every field at fault, for forms that mark them all (bad input only). */
  issues?: { field: string; messages: TBilingual }[];
}

/** The JSON body of every error answer, tRPC's shape with our `appError` inside. */
export interface TErrorEnvelope {
  error: {
    message: string;
    code: number;
    data: {
      code: TTrpcErrorCode;
      httpStatus: number;
      path?: string;
      requestId: string | null;
      appError: TAppErrorData;
      stack?: string;
    };
  };
}

export interface TErrorEnvelopeInput {
  code: AppErrorCode;
  messages: TBilingual;
  field?: string | null;
  issues?: TAppErrorData['issues'];
  requestId: string | null;
  path?: string;
  /** The top-level message; the English text unless said otherwise. */
  message?: string;
  /** A status other than the code's own (415 is a BAD_REQUEST). */
  httpStatus?: number;
}

export function errorEnvelope(input: TErrorEnvelopeInput): TErrorEnvelope {
  return {
    error: {
      message: input.message ?? input.messages.en,
      code: JSONRPC_CODE_OF[input.code],
      data: {
        code: TRPC_CODE_OF[input.code],
        httpStatus: input.httpStatus ?? HTTP_STATUS_OF[input.code],
        ...(input.path === undefined ? {} : { path: input.path }),
        requestId: input.requestId,
        appError: {
          code: input.code,
          messages: { id: input.messages.id, en: input.messages.en },
          field: input.field ?? null,
          ...(input.issues ? { issues: input.issues } : {}),
        },
      },
    },
  };
}
