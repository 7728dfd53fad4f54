import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

/**
 * A school's roster kept in the apps (issue 15): an admin starts an empty school's roster
 * from a spreadsheet and by hand; a principal adds, edits and deactivates on "Sekolah saya".
 */
test.describe('roster', () => {
  test('an admin fills an empty school: a CSV of five teachers, then a sixth by hand', async ({
    page,
  }) => {
    await signIn(page, '/admin/login', 'admin');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
    ).toBeVisible();
    await page.goto('/admin/schools');
    await page.getByRole('button', { name: 'Tambah sekolah' }).click();
    const form = page.locator('form');
    await form.getByLabel('NPSN').fill('20990151');
    await form.getByLabel('Nama sekolah').fill('SD Negeri Roster Baru');
    await form.getByLabel('Kecamatan').selectOption('Cibinong');
    await form.getByRole('button', { name: 'Tambah sekolah' }).click();
    await expect(page.getByRole('status')).toContainText('SD Negeri Roster Baru ditambahkan.');
    await page.goto('/admin/teachers');
    await page.getByLabel('Cari sekolah (NPSN atau nama)').fill('Roster Baru');
    await page.getByRole('link', { name: 'Daftar guru SD Negeri Roster Baru' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Guru SD Negeri Roster Baru' }),
    ).toBeVisible();
    await expect(page.getByText('Belum ada guru.')).toBeVisible();

    await page.getByRole('button', { name: 'Impor dari Excel/CSV' }).click();
    const csv = [
      'Daftar Guru SD Negeri Roster Baru;;;',
      'No;Nama Lengkap;Kelas/Mapel;L/P',
      '1;Ismiati, S.Pd;Guru Kelas 1;P',
      '2;Nanin Sudiar, S.Pd;Guru Kelas 2;P',
      '3;Lisda, S.Pd;Guru Kelas 3;P',
      '4;Selviani Ayu S.Pd;Guru Kelas 4;P',
      '5;Anisha Dwi Lestari, S.Pd;Guru Kelas 5;Q',
    ].join('\r\n');
    const chooser = page.getByLabel(/Pilih berkas/);
    await chooser.setInputFiles({
      name: 'guru.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect(page.getByText('4 guru baru · 0 sudah ada · 1 masalah')).toBeVisible();
    await expect(page.getByText(/Jenis kelamin "Q": tulis L atau P/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tambahkan 4 guru' })).toBeDisabled();
    await chooser.setInputFiles({
      name: 'guru.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.replace(';Q', ';P')),
    });
    await page.getByRole('button', { name: 'Tambahkan 5 guru' }).click();
    await expect(page.getByRole('status')).toContainText('5 guru ditambahkan dari berkas.');

    await page.getByRole('button', { name: 'Tambah guru' }).click();
    await page.getByLabel(/Nama lengkap dengan gelar/).fill('Dewi Sri Wahyudiningrat, S.Pd');
    await page.getByLabel(/Kelas \/ mata pelajaran/).fill('Guru Kelas 6');
    await page.getByLabel('Jenis kelamin').selectOption('P');
    await page.locator('form').getByRole('button', { name: 'Tambah guru' }).click();
    await expect(page.getByRole('status')).toContainText(
      'Dewi Sri Wahyudiningrat, S.Pd ditambahkan',
    );
    await expect(page.getByRole('table', { name: /Guru di/ }).getByRole('row')).toHaveCount(7);
    await snap(page, 'admin-school-roster');
  });

  test('a principal adds, edits and deactivates a teacher on "Sekolah saya"', async ({ page }) => {
    await signIn(page, '/login', 'kepsek.lulut2');
    await expect(page).toHaveURL(/\/my-school$/);
    await page.getByRole('button', { name: 'Tambah guru' }).click();
    await page.getByLabel(/Nama lengkap dengan gelar/).fill('Guru Baru E2E, S.Pd');
    await page.getByLabel(/^NIP/).fill('123');
    await page.locator('form').getByRole('button', { name: 'Tambah guru' }).click();
    // The API's own message, next to the field.
    await expect(page.getByText('NIP harus 18 angka')).toBeVisible();
    await page.getByLabel(/^NIP/).fill('');
    await page.locator('form').getByRole('button', { name: 'Tambah guru' }).click();
    await expect(page.getByRole('status')).toContainText('Guru Baru E2E, S.Pd ditambahkan');

    await page.getByRole('button', { name: 'Ubah data Guru Baru E2E, S.Pd' }).click();
    await page.getByLabel(/Kelas \/ mata pelajaran/).fill('PJOK');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('status')).toContainText('Data Guru Baru E2E, S.Pd disimpan.');

    await page.getByRole('button', { name: 'Nonaktifkan Guru Baru E2E, S.Pd' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Observasi yang sudah ada tetap tersimpan');
    await dialog.getByRole('button', { name: 'Nonaktifkan' }).click();
    await expect(page.getByRole('status')).toContainText('dinonaktifkan');
    await expect(page.getByRole('cell', { name: 'Guru Baru E2E, S.Pd', exact: true })).toHaveCount(
      0,
    );
    await page.getByLabel('Tampilkan guru nonaktif').check();
    await expect(
      page.getByRole('cell', { name: 'Guru Baru E2E, S.Pd', exact: true }),
    ).toBeVisible();
    await snap(page, 'supervision-roster');
  });
});
