import { FakeApiError, ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { comparisonPage, headline, lulutRow } from './pages/district/test-fixtures';
import { routes } from './router';

describe('supervision app', () => {
  it('sends a signed-out visitor of a deep link to the sign-in page, then back', async () => {
    let me: typeof ME.supervisor | null = null;
    const { router } = renderApp(routes, {
      at: '/dashboard',
      api: {
        'auth.me': () => me,
        'auth.login': (input) => {
          const { login, password } = input as { login: string; password: string };
          if (login !== 'pengawas' || password !== 'benar') {
            throw new FakeApiError('UNAUTHORIZED', {
              id: 'Nama pengguna/email atau kata sandi salah.',
              en: 'Wrong username/email or password.',
            });
          }
          me = ME.supervisor;
          return me;
        },
        'reports.districtComparison': () => comparisonPage([lulutRow]),
        'reports.districtHeadline': () => headline,
        'schools.subdistricts': () => ['Klapanunggal'],
      },
    });
    expect(await screen.findByRole('heading', { name: 'Masuk ke Siklus' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');

    // Empty fields are caught before anything is sent.
    await userEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(screen.getByText('Isi nama pengguna atau email.')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Nama pengguna atau email'), 'pengawas');
    await userEvent.type(screen.getByLabelText('Kata sandi'), 'salah');
    await userEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nama pengguna/email atau kata sandi salah.',
    );

    await userEvent.clear(screen.getByLabelText('Kata sandi'));
    await userEvent.type(screen.getByLabelText('Kata sandi'), 'benar');
    await userEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dasbor kabupaten' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/dashboard');
    // The school's link in the comparison (the charts' tables name it too).
    expect(await screen.findByRole('link', { name: 'SD Negeri Lulut 2' })).toBeTruthy();
  });

  it('starts a principal at their school with the teacher roster', async () => {
    const { router, calls } = renderApp(routes, {
      api: {
        'auth.me': () => ME.principal,
        'teachers.list': () => [
          {
            id: '00000000-0000-4000-8000-0000000000e1',
            schoolId: ME.principal.schoolId,
            name: 'Ismiati, S.Pd',
            className: 'Guru Kelas 1',
            nip: null,
            nuptk: null,
            active: true,
            sortOrder: 1,
          },
        ],
      },
    });
    expect(await screen.findByText('Ismiati, S.Pd')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/my-school');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('SD Negeri Lulut 2');
    expect(calls.find((c) => c.path === 'teachers.list')?.input).toEqual({
      schoolId: ME.principal.schoolId,
      includeInactive: true,
    });
  });

  it('keeps a principal out of the supervisor pages', async () => {
    renderApp(routes, {
      at: '/dashboard',
      api: { 'auth.me': () => ME.principal, 'teachers.list': () => [] },
    });
    expect(await screen.findByText(/Halaman ini hanya untuk: Pengawas sekolah/)).toBeTruthy();
  });

  it('points an administrator to the admin app', async () => {
    renderApp(routes, { api: { 'auth.me': () => ME.admin } });
    await waitFor(() =>
      expect(
        screen.getByRole('link', { name: 'Buka aplikasi administrasi' }).getAttribute('href'),
      ).toBe('/admin/'),
    );
  });
});
