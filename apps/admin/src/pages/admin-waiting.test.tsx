import { ME, renderApp } from '@siklus/ui/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routes } from '../router';

describe("the admin's home: what waits", () => {
  it('lists configuration drafts (each opens its editor) and silent accounts', async () => {
    renderApp(routes, {
      api: {
        'auth.me': () => ME.admin,
        'home.get': () => ({
          role: 'admin' as const,
          now: '2026-03-12T03:00:00.000Z',
          today: '2026-03-12',
          timeZone: 'Asia/Jakarta' as const,
          configDrafts: [
            {
              kind: 'bandSet' as const,
              itemId: '00000000-0000-4000-8000-00000000d001',
              name: 'Kategori PKG',
              versionId: '00000000-0000-4000-8000-00000000d002',
              version: 2,
              createdAt: '2026-03-01T03:00:00.000Z',
            },
          ],
          inactiveAccounts: {
            total: 1,
            afterDays: 90,
            items: [
              {
                userId: '00000000-0000-4000-8000-00000000e001',
                username: 'kepsek.lama',
                fullName: 'Kepala Lama',
                role: 'principal' as const,
                schoolName: 'SD Negeri Uji',
                lastSignInAt: null,
              },
            ],
          },
        }),
      },
    });
    const drafts = await screen.findByRole('list', { name: 'Konfigurasi masih draf' });
    const link = within(drafts).getByRole('link');
    expect([link.textContent, link.getAttribute('href')]).toEqual([
      'Kategori PKG, versi 2',
      '/bands/00000000-0000-4000-8000-00000000d002',
    ]);
    const silent = screen.getByRole('list', { name: 'Akun yang tidak masuk 90 hari terakhir' });
    expect(silent.textContent).toContain('kepsek.lama');
    expect(silent.textContent).toContain('belum pernah masuk');
  });
});
