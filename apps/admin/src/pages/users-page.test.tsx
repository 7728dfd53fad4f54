import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../router';

const SCHOOL = { id: ME.principal.schoolId, name: 'SD Negeri Lulut 2' };
/** The principal as `users.*` answer a user: without `auth.me`'s district and session fields. */
const {
  districtId: _districtId,
  districtName: _districtName,
  timeZone: _timeZone,
  language: _language,
  mustChangePassword: _mustChange,
  ...PRINCIPAL
} = ME.principal;

describe('users page', () => {
  it('creates a principal only with a school, found by typing part of its name', async () => {
    const created: unknown[] = [];
    const { calls } = renderApp(routes, {
      at: '/users',
      api: {
        'auth.me': () => ME.admin,
        'users.list': () => ({ items: [], total: 0, limit: 25, offset: 0 }),
        'schools.list': () => ({
          items: [
            {
              id: SCHOOL.id,
              npsn: '20201234',
              name: SCHOOL.name,
              subdistrict: 'Klapanunggal',
              teacherCount: 6,
              active: true,
              districtId: ME.admin.districtId,
            },
          ],
          total: 1,
          limit: 20,
          offset: 0,
        }),
        'users.create': (input) => {
          created.push(input);
          return {
            ...PRINCIPAL,
            fullName: 'Dewi Lestari',
            active: true,
            email: null,
            createdAt: '2026-03-01T01:00:00.000Z',
          };
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Tambah pengguna' }));
    const form = screen.getByRole('button', { name: 'Batal' }).closest('form') as HTMLElement;
    await userEvent.type(within(form).getByLabelText(/Nama lengkap/), 'Dewi Lestari');
    await userEvent.type(within(form).getByLabelText(/Nama pengguna/), 'kepsek.dewi');
    await userEvent.type(within(form).getByLabelText(/Kata sandi awal/), 'rahasia-2026');
    await userEvent.click(within(form).getByRole('button', { name: 'Tambah pengguna' }));
    // The domain's rule, next to the school field: a principal needs a school.
    expect(
      await within(form).findByText('Kepala sekolah wajib punya sekolah; peran lain tidak'),
    ).toBeTruthy();
    const school = within(form).getByRole('combobox', { name: /^Sekolah/ });
    expect(school.getAttribute('aria-invalid')).toBe('true');
    // The one field at fault takes the focus.
    expect(document.activeElement).toBe(school);
    expect(created).toHaveLength(0);

    await userEvent.type(within(form).getByRole('searchbox', { name: 'Cari Sekolah' }), 'lulut');
    await waitFor(() =>
      expect(calls.some((c) => (c.input as { search?: string })?.search === 'lulut')).toBe(true),
    );
    await userEvent.selectOptions(school, SCHOOL.id);
    await userEvent.click(within(form).getByRole('button', { name: 'Tambah pengguna' }));
    expect(await screen.findByText('Akun Dewi Lestari dibuat.')).toBeTruthy();
    expect(created).toEqual([
      {
        username: 'kepsek.dewi',
        fullName: 'Dewi Lestari',
        email: null,
        role: 'principal',
        schoolId: SCHOOL.id,
        password: 'rahasia-2026',
      },
    ]);
  });

  it('resets a password only when it is long enough, said under the field in either language', async () => {
    const sent: unknown[] = [];
    const user = {
      ...PRINCIPAL,
      fullName: 'Dewi Lestari',
      active: true,
      email: null,
      createdAt: '2026-03-01T01:00:00.000Z',
    };
    renderApp(routes, {
      at: '/users',
      api: {
        'auth.me': () => ME.admin,
        'users.list': () => ({ items: [user], total: 1, limit: 25, offset: 0 }),
        'users.resetPassword': (input) => {
          sent.push(input);
          return { ok: true };
        },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Atur ulang sandi Dewi Lestari' }),
    );
    const field = screen.getByLabelText(/^Kata sandi baru/);
    await userEvent.clear(field);
    await userEvent.type(field, 'pendek');
    const form = field.closest('form') as HTMLElement;
    await userEvent.click(within(form).getByRole('button', { name: 'Atur ulang sandi' }));
    expect(await within(form).findByText('Kata sandi baru minimal 8 karakter')).toBeTruthy();
    expect(document.activeElement).toBe(field);
    expect(sent).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(
      await within(form).findByText('New password must be at least 8 characters'),
    ).toBeTruthy();

    await userEvent.type(field, '-panjang');
    await userEvent.click(within(form).getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(sent).toEqual([{ userId: user.id, newPassword: 'pendek-panjang' }]));
  });
});
