import { expect, test } from '@playwright/test';
import { signIn, signInAs, snap } from './helpers';

/*
 * An approved cycle is locked; an administrator reopens one with a reason, and the
 * supervision app shows it back with the principal, the reason as the comment. SD Negeri
 * Susukan 2 (Kondisi Awal to Siklus II approved) is read by no other test.
 */
const SCHOOL = 'SD Negeri Susukan 2';
const REASON = 'Kepala sekolah melaporkan skor dua guru tertukar pada Siklus II.';

test('an admin reopens an approved cycle with a reason; the supervisor sees it returned', async ({
  page,
  browser,
}) => {
  await signIn(page, '/admin/login', 'admin');
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Siklus PTS/ })
    .click();
  await expect(page).toHaveURL(/\/admin\/cycles$/);
  await expect(page.getByText('Pilih sekolah untuk melihat siklusnya.')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Cari Sekolah' }).fill('Susukan 2');
  const picker = page.getByLabel('Sekolah', { exact: true });
  const option = picker.locator('option', { hasText: SCHOOL });
  await expect(option).toHaveCount(1);
  await picker.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  // The school travels in the URL, so the page can be linked and reloaded.
  await expect(page).toHaveURL(/\/admin\/cycles\?schoolId=[0-9a-f-]{36}$/);
  const table = page.getByRole('table', { name: /^Siklus / });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Siklus II/ })).toContainText('Disetujui');

  await table.getByRole('button', { name: 'Buka kembali Siklus II' }).click();
  const dialog = page.getByRole('alertdialog');
  // A native modal: the page behind is inert and Tab stays inside the dialog.
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Tab');
    const outside = await page.evaluate(() => {
      const active = document.activeElement;
      return active !== null && active !== document.body && !active.closest('dialog');
    });
    expect(outside).toBe(false);
  }
  await dialog.getByRole('button', { name: 'Ya, buka kembali' }).click();
  const reason = dialog.getByLabel(/Alasan membuka kembali/);
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  // The form's check, in the API's words, and the field at fault takes the focus.
  await expect(reason).toBeFocused();
  await snap(page, 'admin-cycles-reopen-reason-required');
  await dialog.getByLabel(/Alasan membuka kembali/).fill(REASON);
  await dialog.getByRole('button', { name: 'Ya, buka kembali' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'dibuka kembali' })).toContainText(
    `Siklus II ${SCHOOL} dibuka kembali`,
  );
  await expect(table.getByRole('row', { name: /Siklus II/ })).toContainText('Dikembalikan');
  await expect(table.getByRole('button', { name: 'Buka kembali Siklus II' })).toHaveCount(0);
  await snap(page, 'admin-cycles-reopened');

  // The audit log has it, with the reason.
  await page.goto('/admin/audit');
  await page.getByRole('searchbox', { name: 'Saring tindakan (mis. auth)' }).fill('cycle.reopen');
  const log = page.getByRole('table', { name: 'Catatan audit, terbaru dahulu' });
  await expect(log).toContainText('cycle.reopen');
  await expect(log).toContainText(`Alasan: ${REASON}`);
  await expect(log.getByRole('row', { name: /cycle\.reopen/ })).toContainText(SCHOOL);

  // The supervisor sees the cycle back with the principal, the reason as the comment.
  const supervisor = await signInAs(browser, '/login', 'pengawas', /\/dashboard$/);
  const s = supervisor.page;
  await s.getByLabel('Cari nama sekolah, NPSN atau judul').fill('Susukan 2');
  const row = s.getByRole('table', { name: 'Sekolah di kabupaten' }).getByRole('row', {
    name: new RegExp(SCHOOL),
  });
  await expect(row).toContainText('Dikembalikan');
  await row.getByRole('link', { name: SCHOOL }).click();
  await s.getByRole('link', { name: 'Buka penelitian' }).first().click();
  await s.getByRole('link', { name: 'Siklus II', exact: true }).click();
  await expect(s.getByRole('heading', { level: 1 })).toContainText('Dikembalikan');
  const returned = s.getByRole('region', { name: 'Dikembalikan oleh pengawas' });
  await expect(returned).toContainText(REASON);
  // The reopen names the admin who made it, not the supervisor who had approved (issue 14).
  await expect(returned).toContainText('(Administrator)');
  const history = s.getByTestId('cycle-timeline').getByRole('listitem');
  await expect(history.last()).toContainText('Dibuka kembali oleh admin');
  await expect(history.last()).toContainText(`Alasan: ${REASON}`);
  // Seeded history (submit, approve) rebuilt from the cycle's columns, then the reopen.
  await expect(history).toHaveCount(3);
  await expect(history.nth(1)).toContainText('Disetujui dan dikunci');
  await supervisor.context.close();
});
