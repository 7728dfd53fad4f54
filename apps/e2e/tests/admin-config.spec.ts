import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

const SCREENSHOTS = new URL('../screenshots/', import.meta.url).pathname;

/** A 1366x768 view of what matters (a full-page shot would tear the sticky header and bars). */
async function shot(page: Page, name: string, top: string): Promise<void> {
  await page
    .locator(top)
    .first()
    .evaluate((el) => {
      // Below the sticky header and navigation.
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 116);
    });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/**
 * The end-to-end story. The admin's part runs in the admin app's UI. The
 * principal's and the supervision side run through the tRPC HTTP API with the principal's
 * session cookie, because the supervision app's study and cycle pages are not built yet
 * (its routes show "coming soon").
 */

async function call<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  kind: 'query' | 'mutation',
): Promise<T> {
  const response =
    kind === 'query'
      ? await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`)
      : await request.post(`/trpc/${path}`, {
          data: input,
          headers: { 'content-type': 'application/json' },
        });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok() || !body.result) {
    throw new Error(`${path} failed: ${response.status()} ${JSON.stringify(body.error)}`);
  }
  return body.result.data;
}

const query = <T>(r: APIRequestContext, path: string, input?: unknown) =>
  call<T>(r, path, input, 'query');
const mutate = <T>(r: APIRequestContext, path: string, input: unknown) =>
  call<T>(r, path, input, 'mutation');

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

/** Every indicator scored 3 of 4: 15 / 20 = 75.00, Baik under 71 and Cukup once Baik starts at 76. */
const SCORES = { A1: 3, A2: 3, A3: 3, B1: 3, B2: 3 };

async function startStudyAndScore(
  request: APIRequestContext,
  rubricVersionId: string,
  bandSetVersionId: string,
  title: string,
) {
  const me = await query<{ schoolId: string; schoolName: string }>(request, 'auth.me');
  const options = await query<{ criteriaSets: { id: string; name: string }[] }>(
    request,
    'studies.options',
  );
  const criteria = options.criteriaSets.find((c) => c.name === 'Kriteria keberhasilan PTS');
  const teachers = await query<{ id: string; name: string }[]>(request, 'teachers.list', {
    schoolId: me.schoolId,
  });
  const teacher = teachers[0];
  expect(teacher, 'the seeded school has teachers').toBeTruthy();
  // A new study opens with its baseline cycle (Kondisi Awal) in draft.
  const study = await mutate<{ studyId: string; baselineCycleId: string }>(
    request,
    'studies.create',
    {
      schoolId: me.schoolId,
      title,
      focus: 'Kemampuan guru mengelola pembelajaran kolaboratif',
      schoolYear: '2026/2027',
      semester: 'ganjil',
      rubricVersionId,
      bandSetVersionId,
      criteriaSetVersionId: criteria?.id,
    },
  );
  const cycle = await query<{ id: string; version: number }>(request, 'cycles.get', {
    cycleId: study.baselineCycleId,
  });
  const scored = await mutate<{ observation: { percentage: string; band: string } }>(
    request,
    'cycles.upsertObservation',
    {
      cycleId: study.baselineCycleId,
      version: cycle.version,
      teacherId: teacher?.id,
      kind: 'indicators',
      scores: SCORES,
    },
  );
  return { studyId: study.studyId, schoolName: me.schoolName, observation: scored.observation };
}

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

test.describe('admin: rubric, bands and the principal who uses them', () => {
  test('an admin builds and publishes a rubric, a principal scores with it, the admin moves a band after seeing its impact', async ({
    page,
    browser,
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
    await shot(page, 'admin-rubric-editor', '.adm-editor');

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

    // -- The principal starts a study on it and scores a teacher (through the API).
    const principal = await browser.newContext({ locale: 'id-ID' });
    const principalPage = await principal.newPage();
    await signIn(principalPage, '/login', 'kepsek.lulut2');
    await expect(principalPage).toHaveURL(/\/my-school$/);
    const options = await query<{ bandSets: { id: string; name: string; version: number }[] }>(
      principal.request,
      'studies.options',
    );
    const oldBands = options.bandSets.find((b) => b.name === 'Kriteria PTS');
    expect(oldBands).toBeTruthy();
    const first = await startStudyAndScore(
      principal.request,
      rubricVersionId,
      oldBands?.id as string,
      'Peningkatan pembelajaran kolaboratif (uji e2e)',
    );
    expect(first.observation).toEqual({ ...first.observation, percentage: '75.00', band: 'Baik' });

    // -- The admin moves Baik to start at 76 in a new version of the band set.
    await page.goto('/admin/bands');
    await page.getByRole('link', { name: 'Kriteria PTS' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Kriteria PTS · v');
    await page.getByRole('button', { name: 'Ubah (versi baru)' }).click();
    await expect(page.getByText(/Draf: dapat diubah/)).toBeVisible();
    await expect(page.getByText('Cukup: 51,00 - 70,99')).toBeVisible();
    await page.getByLabel('Batas bawah Baik').fill('76');
    await expect(page.getByText('Cukup: 51,00 - 75,99')).toBeVisible();
    await expect(page.getByText('Baik: 76,00 - 85,99')).toBeVisible();
    const impact = page.getByRole('region', { name: 'Dampak sebelum terbit' });
    const lulut = impact.getByRole('row', { name: new RegExp(first.schoolName) });
    await expect(lulut).toBeVisible();
    await expect(impact.getByTestId('impact-observations')).not.toHaveText('0');
    await shot(page, 'admin-band-preview', '.adm-two-col');

    await page.getByRole('button', { name: 'Terbitkan…' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('akan berpindah kategori');
    await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await expect(page.getByText('Versi ini sudah terbit dan hanya dapat dibaca.')).toBeVisible();
    const newBandsId = page.url().split('/').at(-1) as string;

    // -- The supervision side (API): a study on the new version shows the new band for the
    // same sheet; the first study keeps the version it started with, so its cycles compare.
    const second = await startStudyAndScore(
      principal.request,
      rubricVersionId,
      newBandsId,
      'Peningkatan pembelajaran kolaboratif, tahap 2 (uji e2e)',
    );
    expect(second.observation).toEqual({
      ...second.observation,
      percentage: '75.00',
      band: 'Cukup',
    });
    const supervisor = await browser.newContext({ locale: 'id-ID' });
    const supervisorPage = await supervisor.newPage();
    await signIn(supervisorPage, '/login', 'pengawas');
    await expect(supervisorPage).toHaveURL(/\/dashboard$/);
    const seen = await query<{ cycles: { mean: string | null; meanBand: string | null }[] }>(
      supervisor.request,
      'studies.get',
      { studyId: second.studyId },
    );
    expect(seen.cycles[0]).toEqual({ ...seen.cycles[0], mean: '75.00', meanBand: 'Cukup' });
    const before = await query<{ cycles: { meanBand: string | null }[] }>(
      supervisor.request,
      'studies.get',
      { studyId: first.studyId },
    );
    expect(before.cycles[0]?.meanBand).toBe('Baik');

    // -- The audit log tells the story.
    await page.goto('/admin/audit');
    await page.getByRole('searchbox', { name: 'Saring tindakan (mis. auth)' }).fill('band_set');
    const log = page.getByRole('table', { name: 'Catatan audit, terbaru dahulu' });
    await expect(log).toContainText('band_set.publish');
    await expect(log).toContainText('band_set.new_version');
    await page.getByRole('searchbox', { name: 'Saring tindakan (mis. auth)' }).fill('');
    await expect(log).toContainText('rubric.publish');
    await expect(log).toContainText('study.create');
    await shot(page, 'admin-audit-log', 'h1');

    await principal.close();
    await supervisor.close();
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
  test('reads the seeded criteria as a sentence, drafts a stricter version and saves it', async ({
    page,
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
    await page.getByLabel('Jenis kriteria ke-3').selectOption('allAtLeastBand');
    await page.getByLabel('Kategori', { exact: true }).last().selectOption('Cukup');
    await expect(sentence).toHaveText(
      'Rata-rata minimal 71,00, minimal 80% guru berkategori Baik atau lebih dan semua guru berkategori Cukup atau lebih',
    );
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(page.getByRole('status').first()).toContainText('Draf disimpan.');
    await page.reload();
    await expect(sentence).toContainText('semua guru berkategori Cukup atau lebih');
    await shot(page, 'admin-criteria', '#criteria-band-set');
  });
});
