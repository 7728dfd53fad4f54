import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { query, signIn, snap } from './helpers';

/**
 * A report to sign (issue 20): the admin sets the district's letterhead (kop surat) and
 * logo; the principal's printable chapter then opens with them and ends with the
 * signature block, dated long; printed to PDF by Chromium, with page numbers in the
 * margin ("Halaman 1 dari N").
 */

const OUT = fileURLToPath(new URL('../test-results/', import.meta.url));
mkdirSync(OUT, { recursive: true });

test('the admin sets the letterhead; the printable chapter carries it and a signature block', async ({
  page,
  browser,
}) => {
  await signIn(page, '/admin/login', 'admin');
  const card = page.locator('section, div').filter({
    has: page.getByRole('heading', { name: 'Kop surat laporan' }),
  });
  const office = page.getByLabel('Nama instansi');
  await expect(office).toBeVisible();
  await office.fill('PEMERINTAH KABUPATEN BOGOR\nDINAS PENDIDIKAN');
  await page.getByLabel('Alamat', { exact: true }).fill('Jl. Tegar Beriman No. 1, Cibinong 16914');
  await page.getByLabel('Telepon').fill('(021) 8765432');
  await page.getByLabel('Situs web').fill('disdik.bogorkab.go.id');
  await page.getByLabel('Tempat penandatanganan').fill('Bogor');
  await office.locator('xpath=ancestor::form').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Kop surat tersimpan.')).toBeVisible();

  // A logo drawn in the page (a round seal), uploaded as a person would pick a file.
  const png = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 240;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#1d4ed8';
    g.beginPath();
    g.arc(120, 120, 112, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#facc15';
    g.font = 'bold 44px sans-serif';
    g.textAlign = 'center';
    g.fillText('DISDIK', 120, 136);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  await page.getByLabel('Logo', { exact: true }).setInputFiles({
    name: 'logo-disdik.png',
    mimeType: 'image/png',
    buffer: Buffer.from(png, 'base64'),
  });
  await expect(page.getByText('Logo tersimpan.')).toBeVisible();
  await expect(
    card.first().getByRole('img', { name: 'Logo PEMERINTAH KABUPATEN BOGOR DINAS PENDIDIKAN' }),
  ).toBeVisible();

  // The principal's printable chapter.
  const context = await browser.newContext({ locale: 'id-ID' });
  const principal = await context.newPage();
  await signIn(principal, '/login', 'kepsek.lulut2');
  await expect(principal.locator('.sk-nav')).toBeVisible();
  const me = await query<{ schoolId: string }>(principal, 'auth.me');
  const studies = await query<{ id: string; title: string }[]>(principal, 'studies.list', {
    schoolId: me.schoolId,
  });
  const studyId = studies.find((s) => s.title.startsWith('Meningkatkan Kinerja Guru SD'))!.id;
  await principal.goto(`/studies/${studyId}/report`);
  const report = principal.locator('article.sk-report');
  await expect(report.getByText('PEMERINTAH KABUPATEN BOGOR')).toBeVisible();
  await expect(
    report.getByText('Telepon (021) 8765432 · Laman disdik.bogorkab.go.id'),
  ).toBeVisible();
  await expect(
    report.getByRole('img', { name: 'Logo PEMERINTAH KABUPATEN BOGOR DINAS PENDIDIKAN' }),
  ).toBeVisible();
  await expect(report.getByText('Mengetahui,')).toBeVisible();
  await expect(report.getByText('Pengawas Sekolah')).toBeVisible();
  await expect(report.getByText('Kepala Sekolah', { exact: true })).toBeVisible();
  // Dated by the district's day, written long: "Bogor, 2 Desember 2026".
  await expect(report.getByText(/^Bogor, \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  // Stage dates are written long too, never 2024-01-03.
  await expect(report).not.toContainText(/\b\d{4}-\d{2}-\d{2}\b/);
  await snap(principal, 'report-letterhead');

  // Printed as Chromium prints it: A4 with "Halaman X dari Y" in the bottom margin.
  await principal.emulateMedia({ media: 'print' });
  const pdf = await principal.pdf({ path: `${OUT}report-print.pdf`, preferCSSPageSize: true });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await context.close();
});
