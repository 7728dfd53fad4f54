import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test.describe('supervision app', () => {
  test('a supervisor signs in, sees the district dashboard, switches to English, signs out', async ({
    page,
  }) => {
    // A deep link while signed out goes to the sign-in page...
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login$/);
    await snap(page, 'supervision-login');

    // ...which explains a wrong password in Indonesian, without leaving the page.
    await page.getByLabel('Nama pengguna atau email').fill('pengawas');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert')).toContainText('kata sandi salah');

    await signIn(page, '/login', 'pengawas');
    await expect(page.getByRole('heading', { level: 1, name: 'Dasbor kabupaten' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Pengawas sekolah');
    // The district's schools come from the API, paged on the server.
    await expect(page.getByRole('table', { name: 'Sekolah di kabupaten' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await snap(page, 'supervision-dashboard-id');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'District dashboard' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('School supervisor');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await snap(page, 'supervision-dashboard-en');

    // The choice survives a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'District dashboard' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Siklus' })).toBeVisible();

    // Signed out for real: the dashboard asks for a sign-in again.
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a principal sees their school and its teachers', async ({ page }) => {
    await signIn(page, '/login', 'kepsek.lulut2');
    await expect(page).toHaveURL(/\/my-school$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Lulut');
    await expect(page.getByRole('table', { name: /Guru di/ })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(1);
    await snap(page, 'supervision-my-school');
  });

  test('on a phone the shell and the dashboard fit the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/login');
    await snap(page, 'phone-login');
    await signIn(page, '/login', 'pengawas');
    await expect(page.getByRole('heading', { level: 1, name: 'Dasbor kabupaten' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'phone-dashboard');
  });

  test("on a phone a principal's study, cycle table and observation sheet fit the screen", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, '/login', 'kepsek.lulut2');
    await expect(page).toHaveURL(/\/my-school$/);
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    await page.getByRole('link', { name: 'Penelitian (PTS)' }).click();
    await page
      .getByRole('link', { name: /Peningkatan/ })
      .first()
      .click();
    await expect(page.getByTestId('criteria-result')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Kondisi Awal', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Hasil observasi Kondisi Awal' })).toBeVisible();
    await expect(page.getByLabel('Guru yang diobservasi')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await snap(page, 'phone-cycle');
  });
});
