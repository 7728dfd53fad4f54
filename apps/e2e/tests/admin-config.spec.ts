import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { SCREENSHOTS, shot, signIn, signInAs } from './helpers';

/*
 * The rubric's life in the admin app: built with the schema's messages at each field and a
 * live sheet preview, published (then read-only), exported as JSON, imported back, and
 * duplicated. The whole story (a principal scores with it, the admin moves a band
 * and the supervision app follows) is in admin-story.spec.ts.
 */

const RUBRIC = 'Pembelajaran Kolaboratif (uji e2e)';
const ASPECTS = [
  {
    title: 'Perencanaan kerja kelompok',
    indicators: [
      'Merumuskan tujuan kerja kelompok',
      'Membagi peran setiap siswa',
      'Menyiapkan lembar kerja kelompok',
    ],
  },
  {
    title: 'Pelaksanaan diskusi',
    indicators: ['Memantau diskusi setiap kelompok', 'Memandu refleksi bersama siswa'],
  },
];

async function fillRubric(page: Page) {
  const editor = page.locator('.adm-editor__form');
  for (const [a, aspect] of ASPECTS.entries()) {
    const key = String.fromCharCode(65 + a);
    if (a > 0) await editor.getByRole('button', { name: 'Tambah aspek' }).click();
    await editor.getByLabel(`Judul aspek ${key}`).fill(aspect.title);
    for (const [i, text] of aspect.indicators.entries()) {
      if (i > 0) {
        await editor.getByRole('button', { name: `Tambah indikator di aspek ${key}` }).click();
      }
      await editor.getByLabel(`Teks indikator ${key}${i + 1}`).fill(text);
    }
  }
  // Descriptors for the first indicator's levels, as a district would write them.
  const descriptors = [
    'Tujuan tidak dirumuskan',
    'Tujuan dirumuskan secara umum',
    'Tujuan jelas untuk sebagian kelompok',
    'Tujuan jelas dan terukur untuk setiap kelompok',
  ];
  for (const [i, d] of descriptors.entries()) {
    await editor.getByLabel(`Deskriptor skor ${i + 1} A1`).fill(d);
  }
  await editor.getByRole('button', { name: 'Pakai skala ini di semua indikator' }).first().click();
}

test.describe('admin: a rubric from draft to a shared file', () => {
  test('an admin builds and publishes a rubric, exports it as JSON, imports it back and duplicates it', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // -- The admin builds a rubric of two aspects and five indicators and publishes it.
    await signIn(page, '/admin/login', 'admin');
    // Wait for the session before navigating, or the app would still see no one signed in.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
    ).toBeVisible();
    await page.goto('/admin/rubrics');
    await expect(page.getByRole('heading', { level: 1, name: 'Rubrik' })).toBeVisible();
    await page.getByRole('button', { name: 'Instrumen baru' }).click();
    await expect(page).toHaveURL(/\/admin\/rubrics\/new$/);
    await page.getByLabel('Nama').fill(RUBRIC);
    await page
      .getByLabel('Keterangan')
      .fill('Lembar observasi kemampuan guru mengelola pembelajaran kolaboratif, skala 1-4.');

    // A problem is shown next to its field, from the domain's schema.
    const key = page.getByLabel('Kode indikator ke-1 aspek A');
    await key.fill('A 1');
    await expect(page.getByText('Kode hanya boleh berisi huruf, angka')).toBeVisible();
    await key.fill('A1');
    await fillRubric(page);
    await expect(page.getByText(/isian perlu diperbaiki/)).toHaveCount(0);

    const preview = page.getByRole('complementary', { name: 'Pratinjau lembar observasi' });
    await expect(preview.getByText('Memandu refleksi bersama siswa')).toBeVisible();
    // The sample starts at 3 of 4 everywhere: 75,00; one indicator at 4 makes 16/20 = 80,00.
    await expect(preview.getByTestId('sheet-percentage')).toHaveText('75,00');
    await preview
      .getByRole('group', { name: '1. Merumuskan tujuan kerja kelompok' })
      .getByText('Sangat Baik')
      .click();
    await expect(preview.getByTestId('sheet-percentage')).toHaveText('80,00');
    await shot(page, 'admin-rubric-editor-draft', '.adm-editor');

    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await expect(page).toHaveURL(/\/admin\/rubrics\/[0-9a-f-]{36}$/);
    const rubricVersionId = page.url().split('/').at(-1) as string;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${RUBRIC} · v1`);
    await page.getByRole('button', { name: 'Terbitkan…' }).click();
    await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await expect(page.getByRole('status').first()).toContainText('Versi 1 terbit');
    await expect(page.getByText('Versi ini sudah terbit dan hanya dapat dibaca.')).toBeVisible();
    await expect(page.getByLabel('Teks indikator A1')).toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: 'Ubah (versi baru)' })).toBeVisible();

    // Export as JSON (to share with another district), then import such a file back.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ekspor JSON' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
      format: string;
      kind: string;
      name: string;
      payload: { aspects: { indicators: unknown[] }[] };
    };
    expect(exported).toMatchObject({ format: 'siklus.config', kind: 'rubric', name: RUBRIC });
    expect(exported.payload.aspects.flatMap((a) => a.indicators)).toHaveLength(5);
    await page.goto('/admin/rubrics');
    await page.getByLabel('Berkas JSON untuk diimpor').setInputFiles({
      name: 'instrumen-kabupaten-lain.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...exported, name: `${RUBRIC} dari kabupaten lain` })),
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `${RUBRIC} dari kabupaten lain · v1`,
    );
    await expect(page.getByLabel('Teks indikator B2')).toHaveValue(
      'Memandu refleksi bersama siswa',
    );

    // Duplicate the published one under a new name: a new draft v1 with the same content.
    await page.goto(`/admin/rubrics/${rubricVersionId}`);
    await page.getByRole('button', { name: 'Duplikat' }).click();
    await page.getByLabel('Nama salinan').fill(`${RUBRIC}, salinan`);
    await page.getByRole('button', { name: 'Duplikat' }).last().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${RUBRIC}, salinan · v1`);
    await page.goto('/admin/rubrics');
    const list = page.getByRole('table', { name: 'Instrumen observasi kabupaten' });
    const published = list
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: RUBRIC, exact: true }) });
    await expect(published).toContainText('v1');
    await expect(published).toContainText('Terbit');
    await expect(list).toContainText(`${RUBRIC}, salinan`);
  });
});

test.describe('admin on a phone and in English', () => {
  test('the rubric editor, band ranges and schools work at 390 px, in both languages', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, '/admin/login', 'admin');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
    ).toBeVisible();

    await page.goto('/admin/rubrics/new');
    await page.getByLabel('Judul aspek A').fill('Perencanaan kerja kelompok');
    await page.getByLabel('Teks indikator A1').fill('Merumuskan tujuan kerja kelompok');
    const preview = page.getByRole('complementary', { name: 'Pratinjau lembar observasi' });
    await expect(preview.getByTestId('sheet-percentage')).toHaveText('75,00');
    // Nothing wider than the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}admin-rubric-editor-phone.png` });

    await page.goto('/admin/bands/new');
    await expect(page.getByText('Cukup: 51,00 - 70,99')).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByText('Cukup: 51.00 - 70.99')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'New band set' })).toBeVisible();
    await shot(page, 'admin-bands-phone-en', '.adm-two-col');

    await page.goto('/admin/schools');
    await expect(page.getByRole('heading', { level: 1, name: 'Schools' })).toBeVisible();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sekolah' })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}admin-schools-phone.png` });
  });
});

test.describe('admin: success criteria', () => {
  test('reads the seeded criteria as a sentence, drafts a stricter version with a KKM, publishes it, and a principal reads it back', async ({
    page,
    browser,
  }) => {
    await signIn(page, '/admin/login', 'admin');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
    ).toBeVisible();
    await page.goto('/admin/criteria');
    await page.getByRole('link', { name: 'Kriteria keberhasilan PTS' }).click();
    const sentence = page.getByTestId('criteria-sentence');
    await expect(sentence).toHaveText(
      'Rata-rata minimal 71,00 dan minimal 80% guru berkategori Baik atau lebih',
    );
    await page.getByRole('button', { name: 'Ubah (versi baru)' }).click();
    await expect(page.getByText(/Draf: dapat diubah/)).toBeVisible();
    await page.getByRole('button', { name: 'Tambah kriteria' }).click();
    await page.getByLabel('Jenis kriteria ke-3').selectOption('passShare');
    await page.getByLabel('Pembanding kriteria ke-3').selectOption('>');
    await page.getByLabel('Persentase guru').last().fill('75');
    await page.getByLabel('KKM (nilai minimal tiap guru)').fill('78');
    await expect(sentence).toHaveText(
      'Rata-rata minimal 71,00, minimal 80% guru berkategori Baik atau lebih dan lebih dari 75% guru mencapai nilai minimal 78',
    );
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(page.getByRole('status').first()).toContainText('Draf disimpan.');
    await page.reload();
    await expect(sentence).toContainText('lebih dari 75% guru mencapai nilai minimal 78');
    await expect(page.getByLabel('Pembanding kriteria ke-3')).toHaveValue('>');
    await page.getByRole('button', { name: 'Terbitkan…' }).click();
    await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await expect(page.getByRole('status').first()).toContainText('Versi 2 terbit');

    // A principal starting a study reads the chosen criteria back in words.
    const principal = await signInAs(browser, '/login', 'kepsek.lulut2', /\/my-school$/);
    const p = principal.page;
    await p.goto('/studies');
    await p.getByRole('button', { name: 'Mulai PTS' }).first().click();
    const form = p.getByRole('region', { name: 'Mulai PTS baru' });
    await form
      .getByLabel(/^Kriteria keberhasilan/)
      .selectOption({ label: 'Kriteria keberhasilan PTS (versi 2)' });
    await expect(
      form.getByText(
        'Rata-rata minimal 71,00, minimal 80% guru berkategori Baik atau lebih dan lebih dari 75% guru mencapai nilai minimal 78',
      ),
    ).toBeVisible();
    await principal.context.close();
    await shot(page, 'admin-criteria', '#criteria-band-set');
  });
});
