import { TRPCClientError } from '@trpc/client';

/** The codes the API's errorFormatter sends, plus NETWORK for "no answer at all". */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAVAILABLE'
  | 'INTERNAL'
  | 'NETWORK';

export interface Messages {
  id: string;
  en: string;
}

/** What the UI needs to show an error: a code, a message per language, the field at fault. */
export interface AppErrorView {
  code: AppErrorCode;
  messages: Messages;
  /** A dotted path such as `scores.B2`, matching the input's field names; null if none. */
  field: string | null;
  /** The server's request id, worth quoting to support for INTERNAL errors. */
  requestId: string | null;
}

export const NETWORK_MESSAGES: Messages = {
  id: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.',
  en: 'Cannot reach the server. Check your internet connection and try again.',
};

const GENERIC: Record<AppErrorCode, Messages> = {
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
    id: 'Terjadi kesalahan. Coba lagi; jika berulang, hubungi admin dinas.',
    en: 'Something went wrong. Try again; if it repeats, contact the district admin.',
  },
  NETWORK: NETWORK_MESSAGES,
};

const HTTP_TO_CODE: Record<number, AppErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isMessages(v: unknown): v is Messages {
  return isRecord(v) && typeof v.id === 'string' && typeof v.en === 'string';
}

function isAppErrorCode(v: unknown): v is AppErrorCode {
  return typeof v === 'string' && v in GENERIC;
}

/**
 * Reads the API's AppError out of anything a query or mutation threw. The server's
 * errorFormatter puts `{ code, messages, field }` in `data.appError`; an error without a
 * `data` never reached the API (offline, DNS, a proxy's HTML page) and becomes NETWORK.
 * Returns null for "no error", so `appErrorOf(query.error)` is safe to call on every render.
 */
export function appErrorOf(error: unknown): AppErrorView | null {
  if (error === null || error === undefined) return null;
  if (error instanceof TRPCClientError || (isRecord(error) && error.name === 'TRPCClientError')) {
    const data: unknown = 'data' in error ? error.data : undefined;
    if (!isRecord(data)) {
      return { code: 'NETWORK', messages: NETWORK_MESSAGES, field: null, requestId: null };
    }
    const requestId = typeof data.requestId === 'string' ? data.requestId : null;
    const app = data.appError;
    if (isRecord(app) && isAppErrorCode(app.code) && isMessages(app.messages)) {
      return {
        code: app.code,
        messages: { id: app.messages.id, en: app.messages.en },
        field: typeof app.field === 'string' ? app.field : null,
        requestId,
      };
    }
    const status = typeof data.httpStatus === 'number' ? data.httpStatus : 500;
    const code = HTTP_TO_CODE[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    return { code, messages: GENERIC[code], field: null, requestId };
  }
  // fetch() rejects with a TypeError when the network is down and nothing wrapped it.
  if (error instanceof TypeError) {
    return { code: 'NETWORK', messages: NETWORK_MESSAGES, field: null, requestId: null };
  }
  return { code: 'INTERNAL', messages: GENERIC.INTERNAL, field: null, requestId: null };
}

/** True for errors a retry cannot fix: anything the API answered with a 4xx. */
export function isClientError(error: unknown): boolean {
  const app = appErrorOf(error);
  if (!app) return false;
  return !['NETWORK', 'INTERNAL', 'UNAVAILABLE'].includes(app.code);
}
