import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

/**
 * Schools, users and the audit log through the admin app against the real server: what an
 * administrator does on the first day (the demo seed's district, an in-memory database).
 */
test.describe('admin: schools, users, audit log', () => {
  test('adds, finds, edits and deactivates a school; bulk adds from a CSV only when every row is good', async ({
    page,
  }) => {
    await signIn(page, '/admin/login', 'admin');
    // Wait for the session before navigating, or the app would still see no one signed in.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
    ).toBeVisible();
    await page.goto('/admin/schools');
    await expect(page.getByRole('heading', { level: 1, name: 'Sekolah' })).toBeVisible();

    await page.getByRole('button', { name: 'Tambah sekolah' }).click();
    const form = page.locator('form');
    await form.getByLabel('NPSN').fill('2099001');
    await form.getByLabel('Nama sekolah').fill('SD Negeri Uji Coba 1');
    await form.getByLabel('Kecamatan').selectOption('Cibinong');
    await form.getByRole('button', { name: 'Tambah sekolah' }).click();
    // The domain's own schema, next to the field, before anything is sent.
    await expect(form.getByText('NPSN harus 8 angka')).toBeVisible();
    await form.getByLabel('NPSN').fill('20990011');
    await form.getByRole('button', { name: 'Tambah sekolah' }).click();
    await expect(page.getByRole('status').first()).toContainText(
      'SD Negeri Uji Coba 1 ditambahkan.',
    );

    // Found by NPSN prefix, edited, deactivated.
    await page.getByRole('searchbox', { name: 'Cari NPSN atau nama sekolah' }).fill('2099001');
    const row = page.getByRole('row', { name: /SD Negeri Uji Coba 1/ });
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Ubah SD Negeri Uji Coba 1' }).click();
    await page.locator('form').getByLabel('Nama sekolah').fill('SD Negeri Uji Coba Satu');
    await page.locator('form').getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('status').first()).toContainText(
      'SD Negeri Uji Coba Satu disimpan.',
    );
    await page.getByRole('button', { name: 'Nonaktifkan SD Negeri Uji Coba Satu' }).click();
    await expect(page.getByRole('status').first()).toContainText('dinonaktifkan');
    await expect(page.getByRole('row', { name: /SD Negeri Uji Coba Satu/ })).toContainText(
      'Nonaktif',
    );

    // A CSV with a bad NPSN, a duplicate and an NPSN already registered: nothing is added.
    await page.getByRole('searchbox', { name: 'Cari NPSN atau nama sekolah' }).fill('');
    await page.getByRole('button', { name: 'Impor CSV' }).click();
    const bad = [
      'npsn;nama;kecamatan',
      '20990021;SD Negeri Uji Impor 1;Cibinong',
      '2099002X;SD Negeri Uji Impor 2;Cibinong',
      '20990021;SD Negeri Uji Impor 3;Citeureup',
      '20990011;SD Negeri Uji Impor 4;Citeureup',
    ].join('\n');
    await page.getByLabel('Berkas CSV').setInputFiles({
      name: 'sekolah-baru.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad),
    });
    const report = page.getByRole('table', { name: 'Masalah per baris' });
    await expect(report).toBeVisible();
    await expect(page.getByRole('alert').first()).toContainText(
      'Tidak ada sekolah yang ditambahkan',
    );
    // Rows numbered as the spreadsheet numbers them: the header is row 1.
    await expect(
      report
        .getByRole('row', { name: /NPSN harus 8 angka/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('3');
    await expect(report).toContainText('sudah ada di baris 2');
    await expect(report).toContainText('NPSN 20990011 sudah terdaftar');
    await snap(page, 'admin-schools-import-report');

    const good = [
      'npsn,nama,kecamatan',
      '20990021,SD Negeri Uji Impor 1,Cibinong',
      '20990022,SD Negeri Uji Impor 2,Cibinong',
      '20990023,SD Negeri Uji Impor 3,Citeureup',
    ].join('\n');
    await page.getByLabel('Berkas CSV').setInputFiles({
      name: 'sekolah-baru.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good),
    });
    await expect(page.getByText('Semua 3 baris dari sekolah-baru.csv benar')).toBeVisible();
    await page.getByRole('button', { name: 'Tambahkan 3 sekolah' }).click();
    await expect(page.getByRole('status').first()).toContainText('3 sekolah ditambahkan.');
    await page.getByRole('searchbox', { name: 'Cari NPSN atau nama sekolah' }).fill('Uji Impor');
    await expect(page.getByRole('row', { name: /SD Negeri Uji Impor/ })).toHaveCount(3);
  });

  test('creates a principal for a school, changes a role, resets a password, deactivates; the audit log shows it all', async ({
    page,
  }) => {
    await signIn(page, '/admin/login', 'admin');
    // Wait for the session before navigating, or the app would still see no one signed in.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
    ).toBeVisible();
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const form = page.locator('form');
    await form.getByLabel('Nama lengkap').fill('Dewi Lestari, S.Pd');
    await form.getByLabel('Nama pengguna').fill('kepsek.cobauser');
    await form.getByLabel('Peran').selectOption('principal');
    await form.getByRole('searchbox', { name: 'Cari Sekolah' }).fill('Pabuaran 1');
    const school = form.getByRole('combobox', { name: /^Sekolah/ });
    await expect(school.locator('option', { hasText: 'SD Negeri Pabuaran 1' })).toHaveCount(1);
    const value = await school
      .locator('option', { hasText: 'SD Negeri Pabuaran 1' })
      .getAttribute('value');
    await school.selectOption(value ?? '');
    await form.getByLabel('Kata sandi awal').fill('rahasia-sekali-2026');
    await form.getByRole('button', { name: 'Tambah pengguna' }).click();
    await expect(page.getByRole('status').first()).toContainText('Akun Dewi Lestari, S.Pd dibuat.');

    await page.getByRole('searchbox', { name: /Cari nama/ }).fill('cobauser');
    const row = page.getByRole('row', { name: /kepsek\.cobauser/ });
    await expect(row).toContainText('SD Negeri Pabuaran 1');

    await row.getByRole('button', { name: 'Ubah peran Dewi Lestari, S.Pd' }).click();
    await page.locator('form').getByLabel('Peran').selectOption('supervisor');
    await page.locator('form').getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('status').first()).toContainText(
      'Peran Dewi Lestari, S.Pd diubah.',
    );
    await expect(row).toContainText('Pengawas sekolah');

    await row.getByRole('button', { name: 'Atur ulang sandi Dewi Lestari, S.Pd' }).click();
    await page.locator('form').getByLabel('Kata sandi baru').fill('sandi-baru-2026');
    await page.locator('form').getByRole('button', { name: 'Atur ulang sandi' }).click();
    await expect(page.getByRole('status').first()).toContainText(
      'Sandi Dewi Lestari, S.Pd diatur ulang.',
    );

    await row.getByRole('button', { name: 'Nonaktifkan Dewi Lestari, S.Pd' }).click();
    await expect(row).toContainText('Nonaktif');

    // The audit log, filtered by this admin and the user actions of today.
    await page.goto('/admin/audit');
    await page.getByRole('searchbox', { name: 'Saring tindakan (mis. auth)' }).fill('user');
    const log = page.getByRole('table', { name: 'Catatan audit, terbaru dahulu' });
    await expect(log).toContainText('user.deactivate');
    await expect(log).toContainText('user.reset_password');
    await expect(log).toContainText('user.change_role');
    await expect(log).toContainText('user.create');
    await expect(log).not.toContainText('auth.login');
    await page.getByRole('searchbox', { name: 'Cari Pengguna' }).fill('admin');
    const who = page.getByRole('combobox', { name: 'Pengguna', exact: true });
    await expect(who.locator('option', { hasText: '(admin)' })).toHaveCount(1);
    await who.selectOption(
      (await who.locator('option', { hasText: '(admin)' }).getAttribute('value')) ?? '',
    );
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Dari tanggal').fill(today);
    await page.getByLabel('Sampai tanggal').fill(today);
    await expect(log).not.toContainText('school.');
    await expect(log).toContainText('user.create');
    // Before/after in words: the role change reads "Peran: Kepala sekolah → Pengawas sekolah".
    await expect(
      log.getByRole('row', { name: /user\.change_role/ }).getByTestId('audit-diff'),
    ).toContainText('Pengawas sekolah');
    await snap(page, 'admin-audit-filtered');
  });
});
