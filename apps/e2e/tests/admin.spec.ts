import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test.describe('admin app', () => {
  test('an admin signs in, sees the sections, opens the audit log, switches to English, signs out', async ({
    page,
  }) => {
    await page.goto('/admin/');
    await expect(page).toHaveURL(/\/admin\/login$/);

    await signIn(page, '/admin/login', 'admin');
    await expect(page).toHaveURL(/\/admin\/?$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
    ).toBeVisible();
    for (const section of [
      'Rubrik',
      'Kategori',
      'Kriteria keberhasilan',
      'Sekolah',
      'Pengguna',
      'Siklus PTS',
      'Log audit',
    ]) {
      await expect(
        page.getByRole('main').getByRole('link', { name: new RegExp(`^${section}`) }),
      ).toBeVisible();
    }
    await snap(page, 'admin-home-id');

    // Each section is its own route; the audit log already lists this sign-in.
    await page
      .getByRole('main')
      .getByRole('link', { name: /^Log audit/ })
      .click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByRole('table')).toContainText('auth.login');
    await snap(page, 'admin-audit');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Home' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'District administration' }),
    ).toBeVisible();
    await snap(page, 'admin-home-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Siklus' })).toBeVisible();
  });

  test('a supervisor signing in to the admin app is told it is for administrators only', async ({
    page,
  }) => {
    await signIn(page, '/admin/login', 'pengawas');
    await expect(page.getByRole('heading', { name: 'Hanya untuk administrator' })).toBeVisible();
    await expect(page.getByText('Anda masuk sebagai Pengawas sekolah')).toBeVisible();
    await snap(page, 'admin-only-admins');
  });
});
