import {
  appErrorCodeOfStatus,
  type AppErrorCode as DomainAppErrorCode,
  GENERIC_ERROR_MESSAGES,
} from '@siklus/domain';
import { TRPCClientError } from '@trpc/client';

/** The codes the API sends (the domain's error contract), plus NETWORK for "no answer at all". */
export type AppErrorCode = DomainAppErrorCode | 'NETWORK';

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
  ...GENERIC_ERROR_MESSAGES,
  NETWORK: NETWORK_MESSAGES,
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
    const data: unknown = (error as { data?: unknown }).data;
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
    const code = appErrorCodeOfStatus(status);
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
