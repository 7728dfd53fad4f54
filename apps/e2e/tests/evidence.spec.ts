import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { shot, signIn, signInAs, writableCycle } from './helpers';

/*
 * Evidence files (issue 17): a principal attaches a phone photo (with its GPS position in
 * the EXIF) to a teacher's observation sheet and sees its thumbnail; the supervisor opens
 * the same cycle read-only and downloads the photo, which comes without its location.
 */

const PHOTO = fileURLToPath(new URL('../fixtures/kelas-5a-gps.jpg', import.meta.url));

test('a principal attaches a photo to an observation; the supervisor downloads it', async ({
  page,
  browser,
}) => {
  await signIn(page, '/login', 'kepsek.pabuaran1');
  await expect(page.locator('.sk-nav')).toBeVisible();
  const cycle = await writableCycle(page);
  await page.goto(`/cycles/${cycle.id}`);
  const sheet = page.getByTestId('evidence-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText(/paling besar 10 MB per berkas/)).toBeVisible();
  const original = readFileSync(PHOTO);
  expect(original.includes(Buffer.from('Kamera Sekolah E2E'))).toBe(true);

  await sheet.getByLabel('Unggah berkas').setInputFiles(PHOTO);
  await expect(sheet.getByText('kelas-5a-gps.jpg terunggah.')).toBeVisible();
  const thumb = sheet.getByRole('img', { name: 'Gambar kecil kelas-5a-gps.jpg' });
  await expect(thumb).toBeVisible();
  // The thumbnail really loaded (a broken image has no natural width); it loads lazily.
  await thumb.scrollIntoViewIfNeeded();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await shot(page, 'evidence-principal-sheet', '[data-testid="evidence-sheet"]');
  const teacher = await page.getByLabel('Guru yang diobservasi').inputValue();

  const supervisor = await signInAs(browser, '/login', 'pengawas', /\/dashboard$/);
  await supervisor.page.goto(`/cycles/${cycle.id}`);
  await supervisor.page.getByLabel('Guru yang diobservasi').selectOption(teacher);
  const seen = supervisor.page.getByTestId('evidence-sheet');
  const link = seen.getByRole('link', { name: 'kelas-5a-gps.jpg' });
  await expect(link).toBeVisible();
  await expect(seen.getByRole('button', { name: 'Hapus' })).toHaveCount(0);
  await expect(supervisor.page.getByRole('button', { name: 'Unggah berkas' })).toHaveCount(0);
  const [download] = await Promise.all([supervisor.page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('kelas-5a-gps.jpg');
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  // No EXIF left: neither the camera nor the GPS block.
  expect(bytes.includes(Buffer.from('Kamera Sekolah E2E'))).toBe(false);
  expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
  await shot(supervisor.page, 'evidence-supervisor-sheet', '[data-testid="evidence-sheet"]');
  await supervisor.context.close();
});
