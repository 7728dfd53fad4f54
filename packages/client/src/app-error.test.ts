import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { appErrorOf, isClientError, NETWORK_MESSAGES } from './app-error';

function apiError(data: unknown) {
  return new TRPCClientError('boom', {
    result: { error: { code: -32600, message: 'boom', data } },
  } as never);
}

describe('appErrorOf', () => {
  it('returns null for no error', () => {
    expect(appErrorOf(null)).toBeNull();
    expect(appErrorOf(undefined)).toBeNull();
  });

  it('reads the AppError the API formatter put in data.appError', () => {
    const error = apiError({
      httpStatus: 400,
      requestId: 'req-1',
      appError: {
        code: 'BAD_REQUEST',
        messages: { id: 'Skor B2 wajib diisi.', en: 'Score B2 is required.' },
        field: 'scores.B2',
      },
    });
    expect(appErrorOf(error)).toEqual({
      code: 'BAD_REQUEST',
      messages: { id: 'Skor B2 wajib diisi.', en: 'Score B2 is required.' },
      field: 'scores.B2',
      requestId: 'req-1',
    });
    expect(isClientError(error)).toBe(true);
  });

  it('falls back to a generic message by HTTP status when appError is missing', () => {
    const view = appErrorOf(apiError({ httpStatus: 409 }));
    expect(view?.code).toBe('CONFLICT');
    expect(view?.messages.id).toMatch(/diubah orang lain/);
    expect(appErrorOf(apiError({ httpStatus: 502 }))?.code).toBe('INTERNAL');
  });

  it('treats an error without data as a network failure', () => {
    const error = new TRPCClientError('Failed to fetch', { cause: new TypeError('x') });
    expect(appErrorOf(error)).toEqual({
      code: 'NETWORK',
      messages: NETWORK_MESSAGES,
      field: null,
      requestId: null,
    });
    expect(isClientError(error)).toBe(false);
    expect(appErrorOf(new TypeError('Failed to fetch'))?.code).toBe('NETWORK');
  });

  it('maps anything else to INTERNAL', () => {
    expect(appErrorOf(new Error('?'))?.code).toBe('INTERNAL');
  });
});
