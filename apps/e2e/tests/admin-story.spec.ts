import { expect, test } from '@playwright/test';
import { named, shot, signIn, signInAs } from './helpers';

/*
 * The issue's end-to-end story, every step through the UI of the two apps:
 *   an admin builds a rubric of two aspects and five indicators and publishes it, and a
 *   band set of their own; a principal starts a study on them ("Mulai PTS") and scores a
 *   teacher; the admin changes the bands, sees the impact preview name that school, and
 *   publishes; the supervision app shows the new band for that existing observation
 *   (docs/decisions/008: publishing a band set version moves its studies to it).
 * The story uses its own band set and a school no other test reads (SD Negeri Puspanegara
 * 1), so the seeded band set, Lulut 2's fixture figures and every other test stay as they are.
 */

const RUBRIC = 'Lembar Observasi Diskusi Kelompok (cerita e2e)';
const BANDS = 'Kategori PTS Klapanunggal (cerita e2e)';
const STUDY = 'Peningkatan kemampuan guru memandu diskusi kelompok (cerita e2e)';
const ASPECTS = [
  {
    title: 'Perencanaan diskusi kelompok',
    indicators: [
      'Merumuskan tujuan diskusi',
      'Membagi peran setiap siswa',
      'Menyiapkan lembar kerja kelompok',
    ],
  },
  {
    title: 'Pelaksanaan diskusi',
    indicators: ['Memantau diskusi setiap kelompok', 'Memandu refleksi bersama siswa'],
  },
];
const INDICATORS = ASPECTS.flatMap((a) => a.indicators);

test('the admin story: rubric and bands, a principal scores, the admin moves a band, the supervision app follows', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  // -- The admin builds a rubric of two aspects and five indicators.
  await signIn(page, '/admin/login', 'admin');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
  ).toBeVisible();
  await page.goto('/admin/rubrics');
  await page.getByRole('button', { name: 'Instrumen baru' }).click();
  await page.getByRole('textbox', { name: 'Nama (wajib)' }).fill(RUBRIC);
  await page
    .getByLabel('Keterangan')
    .fill('Kemampuan guru memandu diskusi kelompok: dua aspek, lima indikator, skala 1-4.');
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
  // The domain's message shows next to its field, and goes once the field is right.
  await editor.getByLabel('Teks indikator B2').fill('');
  await expect(editor.getByText('Teks indikator wajib diisi')).toBeVisible();
  await editor.getByLabel('Teks indikator B2').fill('Memandu refleksi bersama siswa');
  await expect(page.getByText(/isian perlu diperbaiki/)).toHaveCount(0);
  const sheet = page.getByRole('complementary', { name: 'Pratinjau lembar observasi' });
  await expect(sheet.getByRole('group')).toHaveCount(5);
  // The sample starts at 3 of 4 everywhere: 15 / 20 = 75,00.
  await expect(sheet.getByTestId('sheet-percentage')).toHaveText('75,00');
  await shot(page, 'admin-rubric-editor', '.adm-editor');

  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${RUBRIC} · v1`);
  await page.getByRole('button', { name: 'Terbitkan…' }).click();
  await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
  await expect(page.getByRole('status').first()).toContainText('Versi 1 terbit');
  await expect(page.getByLabel('Teks indikator A1')).toHaveAttribute('readonly', '');

  // -- ...and a band set of their own, from the PTS preset: Baik from 71,00.
  await page.goto('/admin/bands');
  await page.getByRole('button', { name: 'Himpunan kategori baru' }).click();
  await page.getByRole('textbox', { name: 'Nama (wajib)' }).fill(BANDS);
  await expect(page.getByText('Baik: 71,00 - 85,99')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${BANDS} · v1`);
  await page.getByRole('button', { name: 'Terbitkan…' }).click();
  await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
  await expect(page.getByRole('status').first()).toContainText('Versi 1 terbit');
  const bandSetV1 = page.url().split('/').at(-1) as string;

  // -- A principal starts a study on them ("Mulai PTS") and scores a teacher.
  const principal = await signInAs(browser, '/login', 'kepsek.puspanegara1', /\/my-school$/);
  const p = principal.page;
  await p.goto('/studies');
  await p.getByRole('button', { name: 'Mulai PTS' }).first().click();
  const form = p.getByRole('region', { name: 'Mulai PTS baru' });
  await form.getByLabel(/^Judul penelitian/).fill(STUDY);
  await form
    .getByLabel(/^Fokus penelitian/)
    .fill('Kemampuan guru memandu diskusi kelompok di kelas 1-6');
  await form.getByLabel(/^Tahun ajaran/).fill('2026/2027');
  await form.getByLabel(/^Instrumen observasi/).selectOption({ label: `${RUBRIC} (versi 1)` });
  await form.getByLabel(/^Kategori( \(wajib\))?$/).selectOption({ label: `${BANDS} (versi 1)` });
  await form.getByRole('button', { name: 'Mulai PTS' }).click();
  await expect(p.getByRole('heading', { level: 1, name: STUDY })).toBeVisible();
  const studyUrl = new URL(p.url()).pathname;
  await p.getByRole('link', { name: 'Kondisi Awal', exact: true }).click();
  await expect(p).toHaveURL(/\/cycles\/[0-9a-f-]{36}$/);
  const cycleUrl = new URL(p.url()).pathname;

  const teacherPicker = p.getByLabel('Guru yang diobservasi');
  // The first teacher on the roster, as "Name · Kelas 1".
  const teacher = ((await teacherPicker.locator('option').first().textContent()) ?? '')
    .split(' · ')[0]
    ?.trim() as string;
  await teacherPicker.selectOption({ index: 0 });
  const observing = p.getByRole('region', { name: /^Lembar observasi: / });
  for (const [i, text] of INDICATORS.entries()) {
    await observing
      .getByRole('group', { name: `${i + 1}. ${text}` })
      .getByRole('radio', { name: /^3/ })
      .check();
  }
  await expect(observing.getByTestId('sheet-percentage')).toHaveText('75,00');
  await p.getByRole('button', { name: 'Simpan observasi' }).click();
  await expect(p.locator('.pts-save-row').getByRole('status')).toHaveText(
    /^Tersimpan \d{2}\.\d{2} — .+: 75,00 \(Baik\)\.$/,
  );
  const table = p.getByRole('table', { name: 'Hasil observasi Kondisi Awal' });
  await expect(table.getByRole('row', { name: named(teacher) })).toContainText('Baik');

  // -- The admin moves Baik to 76,00, sees the preview name the school, and publishes.
  await page.goto(`/admin/bands/${bandSetV1}`);
  await page.getByRole('button', { name: 'Ubah (versi baru)' }).click();
  await expect(page.getByText(/Draf: dapat diubah/)).toBeVisible();
  await expect(page.getByText('Cukup: 51,00 - 70,99')).toBeVisible();
  await page.getByLabel('Batas bawah Baik').fill('76');
  await expect(page.getByText('Cukup: 51,00 - 75,99')).toBeVisible();
  const impact = page.getByRole('region', { name: 'Dampak sebelum terbit' });
  const school = impact.getByRole('row', { name: /SD Negeri Puspanegara 1/ });
  await expect(school).toBeVisible();
  await expect(school).toContainText('1 dari 1');
  // Only this band set's study is counted: one observation, one cycle mean, one school.
  await expect(impact.getByTestId('impact-observations')).toHaveText('1');
  await expect(impact.getByTestId('impact-means')).toHaveText('1');
  await expect(impact.getByRole('row')).toHaveCount(2);
  await shot(page, 'admin-band-preview', '.adm-two-col');

  await page.getByRole('button', { name: 'Terbitkan…' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(
    '1 studi pindah ke versi ini; 1 observasi dan 1 rata-rata siklus di 1 sekolah akan berpindah kategori.',
  );
  await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
  await expect(page.getByRole('status').first()).toContainText(
    'Versi 2 terbit. 1 studi kini memakai versi ini; 1 observasi berpindah kategori.',
  );

  // -- The supervision app shows the new band for the existing observation: to the
  // principal, and to the supervisor.
  await p.goto(cycleUrl);
  await expect(
    p
      .getByRole('table', { name: 'Hasil observasi Kondisi Awal' })
      .getByRole('row', { name: named(teacher) }),
  ).toContainText('Cukup');
  const supervisor = await signInAs(browser, '/login', 'pengawas', /\/dashboard$/);
  const s = supervisor.page;
  await s.goto(studyUrl);
  await expect(s.getByRole('heading', { level: 1, name: STUDY })).toBeVisible();
  const baseline = s
    .getByRole('table', { name: 'Ringkasan tiap siklus' })
    .getByRole('row', { name: /Kondisi Awal/ });
  await expect(baseline).toContainText('75,00');
  await expect(baseline).toContainText('Cukup');
  await expect(s.getByText('Baik 76,00–85,99')).toBeVisible();
  await s.goto(cycleUrl);
  const seen = s.getByRole('table', { name: 'Hasil observasi Kondisi Awal' });
  await expect(seen.getByTestId('cycle-mean')).toHaveText('75,00');
  await expect(seen.getByRole('row', { name: named(teacher) })).toContainText('Cukup');

  // -- The audit log tells it, filtered by the school and the action.
  await page.goto('/admin/audit');
  await page.getByRole('searchbox', { name: 'Cari Sekolah' }).fill('Puspanegara 1');
  const picker = page.getByLabel('Sekolah', { exact: true });
  const option = picker.locator('option', { hasText: 'SD Negeri Puspanegara 1' });
  await expect(option).toHaveCount(1);
  await picker.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  const log = page.getByRole('table', { name: 'Catatan audit, terbaru dahulu' });
  await page.getByRole('searchbox', { name: 'Saring tindakan (mis. auth)' }).fill('study');
  await expect(log).toContainText('study.band_set_moved');
  await expect(log).toContainText('study.create');
  await expect(log).not.toContainText('auth.login');
  await shot(page, 'admin-audit-log', 'h1');
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await expect(page.getByRole('searchbox', { name: 'Cari Sekolah' })).toHaveValue('');
  await page.getByRole('searchbox', { name: 'Saring tindakan (mis. auth)' }).fill('band_set');
  await expect(log).toContainText('band_set.publish');
  await expect(log).toContainText('band_set.new_version');

  await principal.context.close();
  await supervisor.context.close();
});
