import { expect, test } from '@playwright/test';
import { shot, signIn, signInAs } from './helpers';

/*
 * Closing a study ("selesai", issue 14): the principal of SD Negeri Kota Batu 2 (Kondisi
 * Awal to Siklus II approved, six teachers, criteria not met) closes the study after a
 * confirmation; its final verdict is recorded with who and when; "Tambah Siklus" is gone
 * and every cycle is read-only; the supervisor sees the closed state and the verdict; the
 * admin reopens it with a reason, shown in the study's history, and the principal may add
 * a cycle again. The study ends open, as it began (the supervision story builds on it).
 */

const SCHOOL = 'SD Negeri Kota Batu 2';
const REASON = 'Kepala sekolah akan melanjutkan ke Siklus III.';

test('a principal closes a study with its verdict; it is read-only until the admin reopens it with a reason', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const principal = await signInAs(browser, '/login', 'kepsek.kotabatu2', /\/my-school$/);
  const p = principal.page;
  await p.getByRole('link', { name: 'Penelitian (PTS)' }).click();
  await p.getByRole('link', { name: /^Peningkatan Kemampuan Guru/ }).click();
  await expect(p).toHaveURL(/\/studies\/[0-9a-f-]{36}$/);
  const studyUrl = new URL(p.url()).pathname;
  await expect(p.getByRole('button', { name: 'Tambah Siklus III' })).toBeVisible();

  await p.getByRole('button', { name: 'Tutup penelitian (selesai)' }).click();
  const dialog = p.getByRole('alertdialog');
  await expect(dialog).toContainText('hanya admin yang dapat membukanya kembali');
  await dialog.getByRole('button', { name: 'Tutup penelitian' }).click();

  const closed = p.getByTestId('study-closed');
  await expect(closed).toContainText('Hasil akhir: Belum tercapai');
  await expect(closed).toContainText('Siklus II: Kriteria keberhasilan belum tercapai');
  await expect(closed).toContainText('Ditutup oleh Dedi Supriadi, S.Pd (Kepala sekolah)');
  await expect(closed).toContainText('WIB');
  await expect(p.getByRole('button', { name: /^Tambah Siklus/ })).toHaveCount(0);
  await expect(p.getByRole('button', { name: 'Tutup penelitian (selesai)' })).toHaveCount(0);
  await shot(p, 'study-closed', '[data-testid="study-closed"]');

  // A cycle of the closed study is read only, and says why.
  await p.getByRole('link', { name: 'Siklus II', exact: true }).click();
  await expect(p.getByText(/Penelitian ini sudah selesai \(ditutup\)/)).toBeVisible();
  await expect(p.getByRole('button', { name: 'Simpan catatan tahapan' })).toHaveCount(0);

  // The supervisor reads the same closed state and verdict.
  const supervisor = await signInAs(browser, '/login', 'pengawas', /\/dashboard$/);
  const s = supervisor.page;
  await s.goto(studyUrl);
  await expect(s.getByTestId('study-closed')).toContainText('Hasil akhir: Belum tercapai');
  await expect(s.getByTestId('study-history')).toContainText('Ditutup (selesai)');

  // The admin reopens it with a reason, on the cycles page of the school.
  await signIn(page, '/admin/login', 'admin');
  await page.goto('/admin/cycles');
  await page.getByRole('searchbox', { name: 'Cari Sekolah' }).fill('Kota Batu 2');
  const picker = page.getByLabel('Sekolah', { exact: true });
  const option = picker.locator('option', { hasText: SCHOOL });
  await expect(option).toHaveCount(1);
  await picker.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  await page.getByRole('button', { name: 'Buka kembali penelitian' }).click();
  const reopen = page.getByRole('alertdialog');
  // A reason is required.
  await reopen.getByRole('button', { name: 'Buka kembali' }).click();
  await expect(reopen.getByLabel('Alasan membuka kembali')).toHaveAttribute('aria-invalid', 'true');
  await reopen.getByLabel('Alasan membuka kembali').fill(REASON);
  await reopen.getByRole('button', { name: 'Buka kembali' }).click();
  await expect(page.getByRole('status').first()).toContainText('dibuka kembali');

  // The history names both moves; the principal may add the next cycle again.
  await p.goto(studyUrl);
  const history = p.getByTestId('study-history');
  await expect(history).toContainText('Ditutup (selesai)');
  await expect(history).toContainText('Dibuka kembali oleh admin');
  await expect(history).toContainText('Admin Dinas Pendidikan (Administrator)');
  await expect(history).toContainText(REASON);
  await expect(p.getByTestId('study-closed')).toHaveCount(0);
  await expect(p.getByRole('button', { name: 'Tambah Siklus III' })).toBeEnabled();
  await shot(p, 'study-reopened', '[data-testid="study-history"]');

  await principal.context.close();
  await supervisor.context.close();
});
