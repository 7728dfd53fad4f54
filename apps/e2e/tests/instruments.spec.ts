import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD, query, setOwnPassword, signIn, snap } from './helpers';

/*
 * Several instruments per study (issue 16, decision 022) in the browser. The demo seed's
 * one school with teachers and no study gets a principal (the admin makes the account);
 * the principal starts a study on two instruments ("Mulai PTS": the collaborative-learning
 * sheet as the primary "pelaksanaan", the percentage sheet as "rpp"), scores a teacher on
 * each instrument's tab, the rest through the API, submits Kondisi Awal, reads both
 * instruments' figures in the results chapter and reads them back from the downloaded
 * recap and cycle table; the study keeps a criteria set whose clauses name an instrument each
 * (the teaching's mean, a KKM pass share on the RPP), judged per instrument, and the
 * supervisor's dashboard (submitted included) ranks it by the primary. The submission is
 * withdrawn at the end, so the supervisors' queue stays as the other specs expect it.
 */

const PRINCIPAL = 'kepsek.duainstrumen';
const TITLE = 'Peningkatan Kemampuan Guru Menyusun RPP dan Melaksanakan Pembelajaran Kolaboratif';
const FOCUS = 'Kemampuan guru menyusun RPP dan melaksanakan pembelajaran kolaboratif';
const PRIMARY_RUBRIC = 'Lembar Observasi Pembelajaran Kolaboratif';
const RPP_RUBRIC = 'Persentase Capaian (data laporan)';
const CRITERIA = 'Kriteria RPP dan pelaksanaan';

async function call<T>(request: APIRequestContext, path: string, data?: unknown): Promise<T> {
  const res = await request.post(`/trpc/${path}`, { data: data ?? {} });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** Clicks a download link and returns the file's name and bytes. */
async function download(page: Page, link: ReturnType<Page['getByRole']>) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Column `col` of the "Rata-rata" row of a sheet. */
function meanOf(ws: ExcelJS.Worksheet | undefined, col = 3): unknown {
  expect(ws, 'the worksheet').toBeDefined();
  let value: unknown;
  ws!.eachRow((row) => {
    if (row.getCell(1).value === 'Rata-rata') value = row.getCell(col).value;
  });
  return value;
}

/**
 * The mean of n sheets, all at `base` but one `extra` points higher, at two places half-up as
 * Siklus shows it ("79,17"): worked in whole hundredths, never binary fractions.
 */
function meanText(base: number, extra: number, n: number): string {
  const hundredths = (base * n + extra) * 100;
  const cents = Math.floor(hundredths / n) + (2 * (hundredths % n) >= n ? 1 : 0);
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

test('a principal scores both instruments of a cycle and reads both instruments’ figures back', async ({
  browser,
}) => {
  // -- The seed's school with teachers and no study, and an account for its principal.
  const adminContext = await browser.newContext({ locale: 'id-ID' });
  await call(adminContext.request, 'auth.login', { login: 'admin', password: DEMO_PASSWORD });
  const adminPage = await adminContext.newPage();
  const schools = await query<{ items: { id: string; name: string; teacherCount: number }[] }>(
    adminPage,
    'schools.list',
    { limit: 100 },
  );
  const supervisorContext = await browser.newContext({ locale: 'id-ID' });
  await call(supervisorContext.request, 'auth.login', {
    login: 'pengawas',
    password: DEMO_PASSWORD,
  });
  const home = await query<{ schoolsWithoutStudy: { items: { schoolId: string }[] } }>(
    await supervisorContext.newPage(),
    'home.get',
  );
  await supervisorContext.close();
  const empty = new Set(home.schoolsWithoutStudy.items.map((s) => s.schoolId));
  const school = schools.items.find((s) => empty.has(s.id) && s.teacherCount >= 4);
  expect(school, 'a school of the seed with teachers and no study').toBeDefined();
  const n = school!.teacherCount;
  // The district's criteria as such papers state them: the teaching's mean, and a pass share
  // at a KKM on the RPP, each clause on its own instrument.
  const criteriaSet = await call<{ versionId: string }>(
    adminContext.request,
    'config.criteriaSets.create',
    {
      name: CRITERIA,
      payload: {
        criteria: [
          { kind: 'mean', op: '>=', value: '75', instrument: 'pelaksanaan' },
          { kind: 'passShare', op: '>', percent: '75', kkm: '85', instrument: 'rpp' },
        ],
      },
    },
  );
  await call(adminContext.request, 'config.criteriaSets.publish', {
    versionId: criteriaSet.versionId,
  });
  await call(adminContext.request, 'users.create', {
    username: PRINCIPAL,
    fullName: 'Kepala Sekolah Dua Instrumen',
    role: 'principal',
    schoolId: school!.id,
    password: DEMO_PASSWORD,
  });
  await adminContext.close();

  const context = await browser.newContext({ locale: 'id-ID', acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, '/login', PRINCIPAL);
  await setOwnPassword(page, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/my-school$/);

  // -- Mulai PTS with a second instrument.
  await page.goto('/studies');
  await page.getByRole('button', { name: 'Mulai PTS' }).first().click();
  const form = page.getByRole('region', { name: 'Mulai PTS baru' });
  await form.getByLabel(/^Judul penelitian/).fill(TITLE);
  await form.getByLabel(/^Fokus penelitian/).fill(FOCUS);
  await form.getByLabel(/^Tahun ajaran/).fill('2026/2027');
  await form
    .getByLabel(/^Instrumen observasi/)
    .selectOption({ label: `${PRIMARY_RUBRIC} (versi 1)` });
  await form
    .getByLabel(/^Kategori( \(wajib\))?$/)
    .selectOption({ label: 'Kriteria PTS (versi 1)' });
  const criteria = form.getByLabel(/^Kriteria keberhasilan/);
  await criteria.selectOption({ label: `${CRITERIA} (versi 1)` });
  await form.getByLabel(/^Kunci instrumen utama/).fill('pelaksanaan');
  await form.getByRole('button', { name: 'Tambah instrumen' }).click();
  await form.getByLabel(/^Kunci instrumen 2/).fill('rpp');
  await form.getByLabel(/^Rubrik instrumen 2/).selectOption({ label: `${RPP_RUBRIC} (versi 1)` });
  await form.getByLabel(/^Kategori instrumen 2/).selectOption({ label: 'Kriteria PTS (versi 1)' });
  await form.getByRole('button', { name: 'Mulai PTS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const studyId = new URL(page.url()).pathname.split('/').at(-1)!;
  await page.getByRole('link', { name: 'Kondisi Awal', exact: true }).click();
  await expect(page).toHaveURL(/\/cycles\/[0-9a-f-]{36}$/);
  const cycleId = new URL(page.url()).pathname.split('/').at(-1)!;

  // -- The primary's tab: the first teacher scored 4 on every indicator (100,00).
  const tabs = page.getByRole('tablist', { name: 'Instrumen siklus ini' });
  await expect(tabs.getByRole('tab')).toHaveCount(2);
  await expect(tabs.getByRole('tab', { selected: true })).toContainText('pelaksanaan (utama)');
  const picker = page.getByLabel('Guru yang diobservasi');
  await picker.selectOption({ index: 0 });
  const teacher = ((await picker.locator('option:checked').textContent()) ?? '')
    .split(' · ')[0]!
    .trim();
  const sheet = page.getByRole('region', { name: /^Lembar observasi: / });
  const groups = sheet.getByRole('group');
  await expect(groups.first()).toBeVisible();
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).getByRole('radio', { name: /^4/ }).check();
  }
  await expect(sheet.getByTestId('sheet-percentage')).toHaveText('100,00');
  await page.getByRole('button', { name: 'Simpan observasi' }).click();
  await expect(page.locator('.pts-save-row').getByRole('status')).toContainText(
    ': 100,00 (Sangat Baik).',
  );

  // -- The RPP's tab: its own sheet (a percentage), the same teacher at 90,00.
  await tabs.getByRole('tab', { name: /^rpp/ }).click();
  await expect(tabs.getByRole('tab', { selected: true })).toContainText('rpp');
  await expect(page.getByText(`rpp: 0 guru dinilai`)).toBeVisible();
  await page.getByLabel('Guru yang diobservasi').selectOption({ index: 0 });
  await expect(page.getByLabel('Guru yang diobservasi').locator('option:checked')).toContainText(
    teacher,
  );
  await page.getByLabel(/^Persentase capaian/).fill('90');
  await page.getByRole('button', { name: 'Simpan observasi' }).click();
  await expect(page.locator('.pts-save-row').getByRole('status')).toContainText(
    ': 90,00 (Sangat Baik).',
  );
  // The import opens on the instrument of the tab, and lets the principal pick the other.
  await page.getByRole('link', { name: 'Impor dari Excel' }).click();
  await expect(page).toHaveURL(/\/import\?instrument=1$/);
  const pick = page.getByLabel('Instrumen lembar ini');
  await expect(pick.locator('option:checked')).toHaveText(`rpp · ${RPP_RUBRIC}`);
  await expect(pick.locator('option')).toHaveText([
    `pelaksanaan (utama) · ${PRIMARY_RUBRIC}`,
    `rpp · ${RPP_RUBRIC}`,
  ]);

  // -- The other teachers through the API: 75,00 on the primary (3 of 4), 80,00 on the RPP.
  const view = await query<{
    version: number;
    rubric: { aspects: { indicators: { key: string }[] }[] };
    unobservedTeachers: { id: string }[];
  }>(page, 'cycles.get', { cycleId });
  const keys = view.rubric.aspects.flatMap((a) => a.indicators.map((i) => i.key));
  let version = view.version;
  for (const t of view.unobservedTeachers) {
    ({ version } = await call<{ version: number }>(page.request, 'cycles.upsertObservation', {
      cycleId,
      version,
      teacherId: t.id,
      kind: 'indicators',
      scores: Object.fromEntries(keys.map((k) => [k, 3])),
    }));
    ({ version } = await call<{ version: number }>(page.request, 'cycles.upsertObservation', {
      cycleId,
      version,
      teacherId: t.id,
      instrument: 1,
      kind: 'summary',
      percentage: '80',
    }));
  }
  expect(view.unobservedTeachers).toHaveLength(n - 1);
  const teachingMean = meanText(75, 25, n);
  const rppMean = meanText(80, 10, n);

  // -- Both tabs say their own figures; the cycle is submitted once both are complete.
  await page.goto(`/cycles/${cycleId}`);
  await expect(
    page.getByText(`pelaksanaan: ${n} guru dinilai, rata-rata ${teachingMean}`),
  ).toBeVisible();
  await tabs.getByRole('tab', { name: /^rpp/ }).click();
  await expect(page.getByText(`rpp: ${n} guru dinilai, rata-rata ${rppMean}`)).toBeVisible();
  // Each clause judged on its own instrument: the teaching's mean is met; on the RPP one
  // teacher of n reaches the KKM of 85 (90,00; the rest 80,00), far from more than 75%.
  const verdict = page.getByText(/pada instrumen rpp: /).first();
  await expect(verdict).toContainText(
    `${n - 1} dari ${n} guru di bawah nilai 85; hanya ${meanText(0, 100, n)}% mencapai nilai minimal 85`,
  );
  await snap(page, 'instruments-criteria');
  await page.getByRole('button', { name: 'Ajukan siklus' }).click();
  await page.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(page.getByText('Kondisi Awal telah diajukan untuk ditinjau.')).toBeVisible();

  // -- The results chapter: a section per instrument, each with its own table and mean.
  await page.goto(`/studies/${studyId}/report?basis=submitted`);
  await expect(
    page.getByRole('heading', { name: `Instrumen pelaksanaan: ${PRIMARY_RUBRIC}` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: `Instrumen rpp: ${RPP_RUBRIC}` })).toBeVisible();
  for (const [key, mean] of [
    ['pelaksanaan', teachingMean],
    ['rpp', rppMean],
  ] as const) {
    const table = page.getByRole('table', {
      name: `${FOCUS} pada Kondisi Awal (instrumen ${key}) (sementara, belum ditinjau)`,
      exact: false,
    });
    await expect(table.getByRole('row', { name: /Rata-rata/ })).toContainText(mean);
  }
  await expect(page.getByText(`Rata-rata ${rppMean} dengan kategori Baik`)).toBeVisible();
  await snap(page, 'instruments-chapter');

  // -- The exports, read back: a recap per instrument, a cycle table per instrument.
  const recap = await download(page, page.getByRole('link', { name: 'Unduh rekap Excel' }));
  const recapBook = await workbook(recap.bytes);
  const num = (text: string) => Number(text.replace(',', '.'));
  expect(meanOf(recapBook.getWorksheet('Rekap pelaksanaan'))).toBe(num(teachingMean));
  expect(meanOf(recapBook.getWorksheet('Rekap rpp'))).toBe(num(rppMean));
  const csv = await download(page, page.getByRole('link', { name: 'Unduh rekap CSV' }));
  const sections = csv.bytes.toString('utf8').split('\r\n\r\n');
  expect(sections.map((s) => s.replace(/^\uFEFF/, '').split('\r\n')[0])).toEqual([
    `Instrumen pelaksanaan: ${PRIMARY_RUBRIC}`,
    `Instrumen rpp: ${RPP_RUBRIC}`,
  ]);
  expect(sections[1]).toContain(`Rata-rata;;${rppMean};Baik`);
  const table = await download(page, page.getByRole('link', { name: 'XLSX', exact: true }).first());
  expect(table.name).toMatch(/^Tabel-Kondisi-Awal-/);
  const tableBook = await workbook(table.bytes);
  expect(tableBook.worksheets.map((w) => w.name)).toEqual([
    'Kondisi Awal pelaksanaan',
    'Kondisi Awal rpp',
  ]);
  expect(meanOf(tableBook.getWorksheet('Kondisi Awal pelaksanaan'))).toBe(num(teachingMean));
  expect(meanOf(tableBook.getWorksheet('Kondisi Awal rpp'))).toBe(num(rppMean));

  // -- The supervisor's dashboard, submitted cycles included, ranks the school by the primary.
  const supervisor = await browser.newContext({ locale: 'id-ID' });
  const s = await supervisor.newPage();
  await signIn(s, '/login', 'pengawas');
  await expect(s).toHaveURL(/\/dashboard$/);
  await s.goto(`/dashboard?basis=submitted&q=${encodeURIComponent(school!.name)}`);
  const row = s.getByRole('row', { name: new RegExp(school!.name) });
  await expect(row).toContainText(teachingMean);
  await expect(row).toContainText('sementara');
  await supervisor.close();

  // -- Withdrawn again: the supervisors' queue is as the other specs expect it.
  await page.goto(`/cycles/${cycleId}`);
  await page.getByRole('button', { name: 'Tarik kembali pengajuan' }).click();
  await page.getByRole('button', { name: 'Tarik kembali', exact: true }).click();
  await expect(page.getByText('Kondisi Awal ditarik kembali dan menjadi draf.')).toBeVisible();
  await context.close();
});
