import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SCREENSHOTS, signIn, signInAs, snap } from './helpers';

/*
 * Notifications and accounts (issues 17 and 20, decision 019):
 * - SD Negeri Lulut 2's principal withdraws Siklus II and submits it again; the district
 *   supervisor's bell counts one more unread, the list names it, and it leads to the cycle.
 *   Lulut 2's Siklus II stays submitted with the same figures, as other specs expect.
 * - A principal changes their password on the account page, signs in with the new one,
 *   and puts the demo password back for the other specs.
 * - The sign-in page's "Lupa kata sandi?" names the district admins.
 */

test('the supervisor’s bell counts a principal’s submission and leads to the cycle', async ({
  browser,
}) => {
  const supervisor = await signInAs(browser, '/login', 'pengawas', /\/dashboard$/);
  const s = supervisor.page;
  const bell = s.getByRole('link', { name: /^Pemberitahuan/ });
  await expect(bell).toBeVisible();
  // Whatever was unread before (the seed's waiting cycles), read it all first.
  await bell.click();
  await expect(s.getByRole('heading', { level: 1, name: 'Pemberitahuan' })).toBeVisible();
  await s.getByRole('button', { name: 'Tandai semua dibaca' }).click();
  await expect(s.getByTestId('bell-count')).toHaveCount(0);

  const principal = await signInAs(browser, '/login', 'kepsek.lulut2', /\/my-school$/);
  const p = principal.page;
  await p.getByRole('link', { name: 'Penelitian (PTS)' }).click();
  await p
    .getByRole('link', { name: /Peningkatan/ })
    .first()
    .click();
  await p.getByRole('link', { name: 'Siklus II', exact: true }).click();
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Diajukan');
  const cyclePath = new URL(p.url()).pathname;
  await p.getByRole('button', { name: 'Tarik kembali pengajuan' }).click();
  await p.getByRole('alertdialog').getByRole('button', { name: 'Tarik kembali' }).click();
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Draf');
  await p.getByRole('button', { name: 'Ajukan siklus' }).click();
  await p.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(p.getByText('Siklus II telah diajukan untuk ditinjau.')).toBeVisible();

  // The bell asks again on a page load (and every minute).
  await s.reload();
  await expect(s.getByTestId('bell-count')).toHaveText('1');
  await expect(bell).toHaveAccessibleName('Pemberitahuan, 1 belum dibaca');
  // The unread one: an earlier spec may have resubmitted the same cycle (read above).
  const item = s
    .getByRole('listitem')
    .filter({ hasText: 'mengajukan Siklus II SD Negeri Lulut 2' })
    .filter({ hasText: 'Belum dibaca' });
  await expect(item).toBeVisible();
  await snap(s, 'notifications-list');
  await item.getByRole('link').click();
  await expect(s).toHaveURL(new RegExp(`${cyclePath}$`));
  await expect(s.getByTestId('bell-count')).toHaveCount(0);
  await supervisor.context.close();
  await principal.context.close();
});

test('a user changes their password on the account page and signs in with it', async ({ page }) => {
  const NEW = 'sandi-baru-pabuaran-2026';
  await signIn(page, '/login', 'kepsek.pabuaran1');
  await expect(page).toHaveURL(/\/my-school$/);
  await page.getByRole('link', { name: /Drs\. Asep Hidayat/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Akun saya' })).toBeVisible();
  await expect(page.getByLabel(/^Nama lengkap/)).toHaveValue('Drs. Asep Hidayat');
  await snap(page, 'account-page');
  const form = page.getByRole('form', { name: 'Ganti kata sandi' });
  await form.getByLabel('Kata sandi saat ini').fill(DEMO_PASSWORD);
  await form.getByLabel(/^Kata sandi baru/).fill(NEW);
  await form.getByLabel('Ulangi kata sandi baru').fill('sesuatu-yang-lain');
  await form.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(form.getByText('Kedua kata sandi baru tidak sama')).toBeVisible();
  await form.getByLabel('Ulangi kata sandi baru').fill(NEW);
  await form.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(form.getByText(/Kata sandi diganti\./)).toBeVisible();

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The old password no longer works; the new one does.
  await signIn(page, '/login', 'kepsek.pabuaran1');
  await expect(page.getByRole('alert')).toContainText('salah');
  await page.getByLabel('Kata sandi').fill(NEW);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/my-school$/);

  // Back to the demo password for the other specs.
  await page.goto('/account');
  await form.getByLabel('Kata sandi saat ini').fill(NEW);
  await form.getByLabel(/^Kata sandi baru/).fill(DEMO_PASSWORD);
  await form.getByLabel('Ulangi kata sandi baru').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(form.getByText(/Kata sandi diganti\./)).toBeVisible();
});

test('“Lupa kata sandi?” names the district admins without saying whether the account exists', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Lupa kata sandi?' }).click();
  const help = page.getByRole('region', { name: 'Lupa kata sandi' });
  await help.getByLabel('Nama pengguna atau email').fill('tidak.ada.orangnya');
  await help.getByRole('button', { name: 'Beri tahu admin saya' }).click();
  await expect(help.getByRole('status')).toContainText('Admin Dinas Pendidikan');
  await page.screenshot({ path: `${SCREENSHOTS}login-forgot-password.png`, fullPage: true });
});

test('after an admin resets a password the user must choose their own before anything else', async ({
  browser,
}) => {
  const NAME = 'I Made Suarjana, M.Pd';
  const admin = await signInAs(browser, '/admin/login', 'admin.badung', /\/admin\/?$/);
  const a = admin.page;
  await a.goto('/admin/users');
  await a.getByRole('searchbox', { name: /Cari nama/ }).fill('pengawas.badung');
  const row = a.getByRole('row', { name: /pengawas\.badung/ });
  await row.getByRole('button', { name: `Atur ulang sandi ${NAME}` }).click();
  await a.locator('form').getByLabel('Kata sandi baru').fill('sandi-dari-admin-2026');
  await a.locator('form').getByRole('button', { name: 'Atur ulang sandi' }).click();
  await expect(a.getByRole('status')).toContainText(`Sandi ${NAME} diatur ulang.`);
  await admin.context.close();

  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Nama pengguna atau email').fill('pengawas.badung');
  await page.getByLabel('Kata sandi').fill('sandi-dari-admin-2026');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Buat kata sandi Anda sendiri' })).toBeVisible();
  // Only the form: no navigation, no dashboard, whatever the address.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Buat kata sandi Anda sendiri' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await snap(page, 'forced-password-change');
  const form = page.getByRole('form', { name: 'Ganti kata sandi' });
  await form.getByLabel('Kata sandi saat ini').fill('sandi-dari-admin-2026');
  // The demo password again, so the other specs can sign in as this supervisor.
  await form.getByLabel(/^Kata sandi baru/).fill(DEMO_PASSWORD);
  await form.getByLabel('Ulangi kata sandi baru').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor kabupaten' })).toBeVisible();
  await context.close();
});
