import { screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test/render';
import { ApiErrorMessage, fieldErrorOf } from './api-error';
import { ErrorState } from './states';

function apiError(appError: unknown, extra: Record<string, unknown> = {}) {
  return new TRPCClientError('x', {
    result: {
      error: { code: -32600, message: 'x', data: { httpStatus: 400, appError, ...extra } },
    },
  } as never);
}

const badCredentials = apiError({
  code: 'UNAUTHORIZED',
  messages: {
    id: 'Nama pengguna/email atau kata sandi salah.',
    en: 'Wrong username/email or password.',
  },
  field: null,
});

afterEach(() => localStorage.clear());

describe('ApiErrorMessage', () => {
  it('renders nothing without an error', () => {
    const { container } = renderWithI18n(<ApiErrorMessage error={null} />);
    expect(container.textContent).toBe('');
  });

  it('shows the message in the current language', () => {
    renderWithI18n(<ApiErrorMessage error={badCredentials} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Nama pengguna/email atau kata sandi salah.',
    );
  });

  it('shows English when English is chosen', () => {
    renderWithI18n(<ApiErrorMessage error={badCredentials} />, { lang: 'en' });
    expect(screen.getByRole('alert').textContent).toBe('Wrong username/email or password.');
  });

  it('leaves a field error to the field shown inline', () => {
    const error = apiError({
      code: 'BAD_REQUEST',
      messages: { id: 'Wajib diisi (kolom login).', en: 'Required (field login).' },
      field: 'login',
    });
    const { container } = renderWithI18n(
      <ApiErrorMessage error={error} inlineFields={['login']} />,
    );
    expect(container.textContent).toBe('');
    expect(fieldErrorOf(error, 'login', 'en')).toBe('Required (field login).');
    expect(fieldErrorOf(error, 'password', 'en')).toBeUndefined();
  });

  it('explains a network failure and quotes the request id of a server error', () => {
    renderWithI18n(<ApiErrorMessage error={new TRPCClientError('Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toMatch(/Tidak dapat terhubung ke server/);
  });

  it('quotes the request id of an internal error', () => {
    const error = apiError(
      {
        code: 'INTERNAL',
        messages: { id: 'Terjadi kesalahan.', en: 'Something broke.' },
        field: null,
      },
      { requestId: 'req-42' },
    );
    renderWithI18n(<ErrorState error={error} />, { lang: 'en' });
    expect(screen.getByRole('alert').textContent).toContain('Something broke.');
    expect(screen.getByRole('alert').textContent).toContain('Request id: req-42');
  });
});
