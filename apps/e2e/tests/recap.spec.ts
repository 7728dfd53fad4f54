import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, named, setOwnPassword, signIn, snap } from './helpers';

/**
 * A school with nothing gets its whole historical study in from one spreadsheet (issue
 * 15): the admin adds a kecamatan, the school and its principal; the principal adds six
 * teachers, starts a study, imports a recap sheet of three cycles (Kondisi Awal | Siklus I
 * | Siklus II) and sees the tables, with the consistency check against the sheet's means.
 */

const TEACHERS = [
  'Ismiati, S.Pd',
  'Nanin Sudiar, S.Pd',
  'Lisda, S.Pd',
  'Selviani Ayu S.Pd',
  'Anisha Dwi Lestari, S.Pd',
  'Dewi Sri Wahyudiningrat, S.Pd',
];

/** The published paper's three tables side by side, as a principal retypes them. */
const RECAP = [
  'Rekapitulasi Kemampuan Guru SD Negeri Rekap Baru;;;;',
  'No;Nama Guru;Kondisi Awal;Siklus I;Siklus II',
  '1;Ismiati, S.Pd;35,75;43,65;55,65',
  '2;Nanin Sudiar, S.Pd;40,50;51,10;63,50',
  '3;Lisda;40,50;52,75;62,45',
  '4;Selviani Ayu, S.Pd;45,25;56,50;66,45',
  '5;Anisha Dwi Lestari;44,25;55,85;69,10',
  '6;Dewi Sri Wahyudiningrat, S.Pd;47,50;61,05;73,30',
  'Rata-rata;;42,29;53,48;65,05',
  'Kategori;;Kurang;Cukup;Cukup',
].join('\r\n');

test('a new principal with an empty school adds six teachers, imports a recap of three cycles and sees the tables', async ({
  browser,
}) => {
  const admin = await browser.newPage({ locale: 'id-ID' });
  await signIn(admin, '/admin/login', 'admin');
  await expect(
    admin.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
  ).toBeVisible();

  // The kecamatan list: a new one, and a second spelling refused.
  await admin.goto('/admin/subdistricts');
  await expect(admin.getByRole('heading', { level: 1, name: 'Kecamatan' })).toBeVisible();
  await expect(admin.getByRole('row', { name: /Cibinong/ })).toBeVisible();
  await admin.getByLabel('Nama kecamatan').fill('Tajurhalang');
  await admin.getByRole('button', { name: 'Tambah kecamatan' }).click();
  await expect(admin.getByRole('status')).toContainText('Kecamatan Tajurhalang ditambahkan.');
  await admin.getByLabel('Nama kecamatan').fill('tajurhalang');
  await admin.getByRole('button', { name: 'Tambah kecamatan' }).click();
  await expect(admin.getByRole('alert')).toContainText('"Tajurhalang" sudah ada');
  await snap(admin, 'admin-subdistricts');

  // The school picks its kecamatan from the list; its principal gets an account.
  await admin.goto('/admin/schools');
  await admin.getByRole('button', { name: 'Tambah sekolah' }).click();
  const school = admin.locator('form');
  await school.getByLabel('NPSN').fill('20990311');
  await school.getByLabel('Nama sekolah').fill('SD Negeri Rekap Baru');
  await school.getByLabel('Kecamatan').selectOption('Tajurhalang');
  await school.getByRole('button', { name: 'Tambah sekolah' }).click();
  await expect(admin.getByRole('status')).toContainText('SD Negeri Rekap Baru ditambahkan.');
  await admin.goto('/admin/users');
  await admin.getByRole('button', { name: 'Tambah pengguna' }).click();
  const user = admin.locator('form');
  await user.getByLabel('Nama lengkap').fill('Hj. Rekap Baru, M.Pd');
  await user.getByLabel('Nama pengguna').fill('kepsek.rekapbaru');
  await user.getByLabel('Peran').selectOption('principal');
  await user.getByRole('searchbox', { name: 'Cari Sekolah' }).fill('Rekap Baru');
  const schoolSelect = user.getByRole('combobox', { name: /^Sekolah/ });
  const option = schoolSelect.locator('option', { hasText: 'SD Negeri Rekap Baru' });
  await expect(option).toHaveCount(1);
  await schoolSelect.selectOption((await option.getAttribute('value')) ?? '');
  await user.getByLabel('Kata sandi awal').fill(DEMO_PASSWORD);
  await user.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(admin.getByRole('status')).toContainText('Akun Hj. Rekap Baru, M.Pd dibuat.');
  await admin.close();

  // The principal: an empty roster, six teachers by hand.
  const page = await browser.newPage({ locale: 'id-ID' });
  await signIn(page, '/login', 'kepsek.rekapbaru');
  await setOwnPassword(page, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/my-school$/);
  for (const [i, name] of TEACHERS.entries()) {
    await page.getByRole('button', { name: 'Tambah guru' }).click();
    await page.getByLabel(/Nama lengkap dengan gelar/).fill(name);
    await page.getByLabel(/Kelas \/ mata pelajaran/).fill(`Guru Kelas ${i + 1}`);
    await page.locator('form').getByRole('button', { name: 'Tambah guru' }).click();
    await expect(page.getByRole('status')).toContainText(`${name} ditambahkan`);
  }
  await expect(page.getByRole('table', { name: /Guru di/ }).getByRole('row')).toHaveCount(7);

  // A historical study on the percentage-only instrument.
  await page.goto('/studies');
  await page.getByRole('button', { name: 'Mulai PTS' }).first().click();
  await page.getByLabel('Judul penelitian').fill('Peningkatan Pembelajaran Kolaboratif');
  await page
    .getByLabel(/Fokus penelitian/)
    .fill('kemampuan guru melaksanakan pembelajaran kolaboratif');
  await page.getByLabel(/Tahun ajaran/).fill('2023/2024');
  const rubric = page.getByLabel('Instrumen observasi');
  const summary = rubric.locator('option', { hasText: 'persentase langsung' }).first();
  await rubric.selectOption((await summary.getAttribute('value')) ?? '');
  const bands = page.getByLabel('Kategori');
  const first = bands.locator('option:not([value=""])').first();
  await bands.selectOption((await first.getAttribute('value')) ?? '');
  // The district's criteria for a one-instrument study, its newest version (another set
  // names two instruments, which this study will not have).
  const criteria = page.getByLabel('Kriteria keberhasilan');
  const pts = criteria.locator('option', { hasText: 'Kriteria keberhasilan PTS' }).first();
  await criteria.selectOption((await pts.getAttribute('value')) ?? '');
  await page.locator('form').getByRole('button', { name: 'Mulai PTS' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Peningkatan Pembelajaran Kolaboratif' }),
  ).toBeVisible();

  // The recap: preview, one question about a retyped name, then all three cycles at once.
  await page.getByRole('link', { name: 'Impor rekap semua siklus' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Impor rekap per siklus' }),
  ).toBeVisible();
  await page.getByLabel(/Berkas rekap/).setInputFiles({
    name: 'rekap.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(RECAP),
  });
  await expect(page.getByText('Kondisi Awal ← kolom C "Kondisi Awal"')).toBeVisible();
  await expect(page.getByText('Siklus II ← kolom E "Siklus II"')).toBeVisible();
  const table = page.getByRole('table', { name: 'Impor rekap per siklus' });
  await expect(table.getByRole('row', { name: /Rata-rata dihitung/ })).toContainText('65,08');
  await expect(table.getByRole('row', { name: /Rata-rata tercetak/ })).toContainText('65,05');
  await snap(page, 'recap-preview');
  await page.getByRole('button', { name: 'Simpan dan ajukan 3 siklus' }).click();
  await expect(page.getByText('3 siklus disimpan dan diajukan')).toBeVisible();
  // The consistency check of each cycle: the paper's 65,05 where the scores give 65,08.
  await expect(
    page.getByText(/Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,08/),
  ).toBeVisible();
  await expect(
    page.getByText('Kondisi Awal: angka tercetak sesuai dengan hasil hitung.'),
  ).toBeVisible();
  await snap(page, 'recap-done');

  // The study's tables: every teacher in every cycle.
  await page.getByRole('link', { name: 'Lihat hasil penelitian' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Peningkatan Pembelajaran Kolaboratif' }),
  ).toBeVisible();
  for (const name of TEACHERS) {
    await expect(page.getByRole('rowheader', { name: named(name) }).first()).toBeVisible();
  }
  await expect(page.getByText('65,08').first()).toBeVisible();
  await snap(page, 'recap-study-tables');
});
