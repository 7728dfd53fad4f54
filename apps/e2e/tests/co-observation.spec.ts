import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, setOwnPassword, shot, signIn, snap } from './helpers';

/*
 * Issue 18: a co-observed lesson and the calibration view. The school is one no other spec
 * touches; its principal account is made here by the admin, so the seed's principals stay
 * as the other specs expect them.
 */

const SCHOOL = 'SD Negeri Wanaherang 1';
const PRINCIPAL = 'kepsek.wanaherang1';
const PRINCIPAL_NAME = 'Rina Wulandari, S.Pd';

/** Picks `level` for every indicator of the sheet (each indicator is a radio group). */
async function scoreSheet(sheet: Locator, levels: (i: number) => number): Promise<number> {
  const groups = sheet.getByRole('group');
  await expect(groups.first()).toBeVisible();
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${levels(i)}\\b`) })
      .check();
  }
  return n;
}

async function pickFirst(page: Page, label: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await expect(select.locator('option')).not.toHaveCount(1);
  await select.selectOption({ index: 1 });
}

test('a co-observed lesson stays blind until both sheets are saved; calibration shows it', async ({
  browser,
}) => {
  test.setTimeout(120_000);

  // The admin opens a principal account for the school.
  const adminContext = await browser.newContext({ locale: 'id-ID' });
  const admin = await adminContext.newPage();
  await signIn(admin, '/admin/login', 'admin');
  await expect(admin).not.toHaveURL(/\/login/);
  await admin.goto('/admin/users');
  await admin.getByRole('button', { name: 'Tambah pengguna' }).click();
  const form = admin.locator('form');
  await form.getByLabel('Nama lengkap').fill(PRINCIPAL_NAME);
  await form.getByLabel('Nama pengguna').fill(PRINCIPAL);
  await form.getByLabel('Peran').selectOption('principal');
  await form.getByRole('searchbox', { name: 'Cari Sekolah' }).fill('Wanaherang 1');
  const school = form.getByRole('combobox', { name: /^Sekolah/ });
  await expect(school.locator('option', { hasText: SCHOOL })).toHaveCount(1);
  const value = await school.locator('option', { hasText: SCHOOL }).getAttribute('value');
  await school.selectOption(value ?? '');
  await form.getByLabel('Kata sandi awal').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(admin.getByRole('status').first()).toContainText(`Akun ${PRINCIPAL_NAME} dibuat.`);
  await adminContext.close();

  // The principal opens a pair with the district's supervisor and saves first.
  const principalContext = await browser.newContext({ locale: 'id-ID' });
  const principal = await principalContext.newPage();
  await signIn(principal, '/login', PRINCIPAL);
  await setOwnPassword(principal, DEMO_PASSWORD);
  await expect(principal).not.toHaveURL(/\/login/);
  await principal.goto('/co-observations');
  await pickFirst(principal, 'Penelitian');
  await pickFirst(principal, 'Siklus');
  await pickFirst(principal, 'Guru');
  await pickFirst(principal, 'Pengamat kedua');
  await principal.getByRole('button', { name: 'Buat observasi bersama' }).click();
  await expect(principal).toHaveURL(/\/co-observations\/[0-9a-f-]{36}$/);
  const pairUrl = new URL(principal.url()).pathname;
  await expect(principal.getByText('Pengamat lain belum menyimpan lembarnya.')).toBeVisible();
  const indicators = await scoreSheet(principal.locator('form'), (i) => (i % 3 === 0 ? 4 : 3));
  await principal.getByRole('button', { name: 'Simpan lembar saya' }).click();
  await expect(principal.getByText('Lembar disimpan.')).toBeVisible();
  await expect(principal.getByText('Kesesuaian')).toHaveCount(0);

  // The supervisor sees that the principal saved, but not what: an empty sheet of their own.
  const supervisorContext = await browser.newContext({ locale: 'id-ID' });
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor, '/login', 'pengawas');
  await expect(supervisor).not.toHaveURL(/\/login/);
  await supervisor.goto('/co-observations');
  await expect(supervisor.getByRole('row', { name: new RegExp(SCHOOL) })).toContainText(
    'Menunggu lembar Anda',
  );
  await supervisor.goto(pairUrl);
  await expect(supervisor.getByText('Pengamat lain sudah menyimpan lembarnya.')).toBeVisible();
  const sheet = supervisor.locator('form');
  await expect(sheet.getByRole('group')).toHaveCount(indicators);
  await expect(sheet.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(supervisor.getByText('Kesesuaian')).toHaveCount(0);
  await scoreSheet(sheet, (i) => (i % 2 === 0 ? 4 : 3));
  await supervisor.getByRole('button', { name: 'Simpan lembar saya' }).click();

  // Both saved: the pair is locked and the agreement shown, to both observers.
  await expect(
    supervisor.getByText('Kedua lembar sudah disimpan; pasangan ini dikunci.'),
  ).toBeVisible();
  const agreement = supervisor.getByRole('table', { name: 'Kesesuaian' });
  await expect(agreement.getByRole('row')).toHaveCount(indicators + 1);
  await expect(agreement).toContainText(PRINCIPAL_NAME);
  // 4s on every third indicator against 4s on every second: 5 of 10 the same, none apart
  // by more than a level, 85.00% against 87.50%.
  const figures = supervisor.locator('dl');
  await expect(figures).toContainText('50,00%');
  await expect(figures).toContainText('85,00% − 87,50% = -2,50');
  await shot(supervisor, 'co-observation-agreement', 'h1');
  await principal.reload();
  await expect(
    principal.getByText('Kedua lembar sudah disimpan; pasangan ini dikunci.'),
  ).toBeVisible();
  await expect(principal.getByRole('table', { name: 'Kesesuaian' })).toBeVisible();
  await expect(principal.getByRole('button', { name: 'Simpan lembar saya' })).toHaveCount(0);

  // The calibration view: the principal with one completed pair, no verdict below five.
  await supervisor.goto('/calibration');
  await expect(
    supervisor.getByRole('heading', { level: 1, name: 'Kalibrasi penilaian kepala sekolah' }),
  ).toBeVisible();
  const row = supervisor.getByRole('row', { name: new RegExp(PRINCIPAL_NAME.replace('.', '\\.')) });
  await expect(row).toContainText(SCHOOL);
  await expect(row).toContainText('50,00%');
  await expect(row).toContainText('Pasangan belum cukup');
  await snap(supervisor, 'calibration');
  await principalContext.close();
  await supervisorContext.close();
});
