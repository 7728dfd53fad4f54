import { expect, type Locator, type Page, test } from '@playwright/test';
import { named, shot, signInAs, toasts } from './helpers';

/*
 * The supervision app's story, every step through the UI, as two people in two browsers:
 *   the principal of SD Negeri Kota Batu 2 (six teachers; Kondisi Awal to Siklus II
 *   approved, mean 62,12) opens Siklus III, writes the stage notes, scores the six
 *   teachers on the district's sheet and submits; the supervisor finds it in the review
 *   queue and returns it with a comment; the principal reads the comment, corrects the
 *   sixth teacher's sheet and submits again; the supervisor approves (after confirming
 *   that approval locks); only then does the district dashboard show Kota Batu 2's new
 *   figures: a draft or a submission awaiting review is labelled provisional there and
 *   moves no figure (issue 14). No other test reads this school.
 *
 * Every figure asserted is worked out by hand from the scores entered (10 indicators on a
 * 1-4 scale, so a sheet is its total out of 40):
 *   all 4 = 100,00; seven 4s = 92,50; five 4s = 87,50; all 3 = 75,00; two 4s = 80,00;
 *   all 2 = 50,00 (the slip the supervisor catches), corrected to all 3 = 75,00.
 *   Mean as submitted 485 / 6 = 80,83; after the correction 510 / 6 = 85,00.
 */

const SCHOOL = 'SD Negeri Kota Batu 2';
const INDICATORS = 10;
/** How many indicators get a 4 (the rest a 3), per teacher in roster order. */
const FOURS = [10, 7, 5, 0, 2] as const;
const RETURN_COMMENT =
  'Skor guru keenam semuanya 2, tidak sesuai catatan observasi yang menyebut pembelajaran kolaboratif tampak di sebagian besar kegiatan. Mohon periksa kembali lembar observasinya.';

/** Picks a level for every indicator of the sheet: `fours` 4s first, then `rest`. */
async function scoreSheet(sheet: Locator, fours: number, rest: 2 | 3): Promise<void> {
  const groups = sheet.getByRole('group');
  await expect(groups).toHaveCount(INDICATORS);
  for (let i = 0; i < INDICATORS; i++) {
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${i < fours ? 4 : rest}\\b`) })
      .check();
  }
}

async function openDashboardRow(page: Page): Promise<Locator> {
  await page.goto('/dashboard');
  await page.getByLabel('Cari nama sekolah, NPSN atau judul').fill('Kota Batu 2');
  const table = page.getByRole('table', { name: 'Sekolah di kabupaten' });
  await expect(table.getByRole('row')).toHaveCount(2);
  return table.getByRole('row', { name: new RegExp(SCHOOL) });
}

test('a principal submits Siklus III for six teachers; the supervisor returns it, then approves the corrected cycle; the dashboard follows', async ({
  browser,
}) => {
  test.setTimeout(300_000);

  // -- Before: the dashboard shows Kota Batu 2 after Siklus II.
  const supervisor = await signInAs(browser, '/login', 'pengawas', /\/dashboard$/);
  const s = supervisor.page;
  const before = await openDashboardRow(s);
  await expect(before).toContainText('48,84');
  await expect(before).toContainText('62,12');

  // -- The principal opens Siklus III from the study page.
  const principal = await signInAs(browser, '/login', 'kepsek.kotabatu2', /\/my-school$/);
  const p = principal.page;
  await expect(p.getByRole('banner')).toContainText(SCHOOL);
  await p.goto('/studies');
  await p
    .getByRole('link', { name: /Pembelajaran Kolaboratif/ })
    .first()
    .click();
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Pembelajaran Kolaboratif');
  // The criteria do not hold yet after Siklus II: that is why there is a Siklus III.
  await expect(p.getByTestId('criteria-result')).toContainText('Belum tercapai');
  await p.getByRole('button', { name: 'Tambah Siklus III' }).click();
  await expect(p).toHaveURL(/\/cycles\/[0-9a-f-]{36}$/);
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Siklus III');
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Draf');
  const cycleUrl = new URL(p.url()).pathname;

  // The four stages, with their dates.
  const stages: [string, string, string][] = [
    [
      'Perencanaan',
      '2026-10-05',
      'Menyusun jadwal supervisi dan lembar kerja kelompok bersama guru.',
    ],
    [
      'Pelaksanaan',
      '2026-10-12',
      'Guru menerapkan pembelajaran kolaboratif dengan peran kelompok yang jelas.',
    ],
    [
      'Observasi',
      '2026-10-19',
      'Kepala sekolah mengobservasi keenam guru dengan lembar observasi.',
    ],
    [
      'Refleksi',
      '2026-10-26',
      'Semua guru minimal Baik; rencana tindak lanjut untuk berbagi praktik baik.',
    ],
  ];
  for (const [stage, date, notes] of stages) {
    await p.getByLabel(`Tanggal tahap ${stage}`).fill(date);
    await p.getByLabel(`Catatan tahap ${stage}`).fill(notes);
  }
  await p.getByRole('button', { name: 'Simpan catatan tahapan' }).click();
  await expect(toasts(p)).toContainText('Catatan tahapan tersimpan.');

  // -- Six sheets, one per teacher, with the percentage and band computed as scores go in.
  const picker = p.getByLabel('Guru yang diobservasi');
  const teachers = (await picker.locator('option').allTextContents()).map((t) => t.trim());
  expect(teachers).toHaveLength(6);
  const sheetOf = (name: string) => p.getByRole('region', { name: `Lembar observasi: ${name}` });
  const expected = ['100,00', '92,50', '87,50', '75,00', '80,00'];
  const bands = ['Sangat Baik', 'Sangat Baik', 'Sangat Baik', 'Baik', 'Baik'];
  for (const [i, teacher] of teachers.entries()) {
    await picker.selectOption({ label: teacher });
    const sheet = sheetOf(teacher);
    if (i < 5) {
      await scoreSheet(sheet, FOURS[i] as number, 3);
      await expect(sheet.getByTestId('sheet-percentage')).toHaveText(expected[i] as string);
    } else {
      // The slip: every indicator of the sixth teacher scored 2.
      await scoreSheet(sheet, 0, 2);
      await expect(sheet.getByTestId('sheet-percentage')).toHaveText('50,00');
      await expect(sheet.getByRole('status')).toContainText('Kurang');
      await shot(p, 'supervision-observation-sheet', '.sk-sheet');
    }
    await p.getByLabel('Tanggal observasi').fill('2026-10-19');
    await p.getByRole('button', { name: 'Simpan observasi' }).click();
    const percent = i < 5 ? expected[i] : '50,00';
    const band = i < 5 ? bands[i] : 'Kurang';
    // Said by the Save button (issue 20), and the sheet stays on the teacher just saved.
    await expect(p.locator('.pts-save-row').getByRole('status')).toContainText(
      `${teacher}: ${percent} (${band}).`,
    );
    await expect(picker.locator('option:checked')).toHaveText(`${teacher} ✓`);
    if (i === 0) {
      // A principal's draft of one teacher does not move the supervisor's dashboard: the
      // figures stay on the approved Siklus II, and Siklus III shows as provisional.
      const draftRow = await openDashboardRow(s);
      await expect(draftRow).toContainText('62,12');
      await expect(draftRow).not.toContainText('100,00');
      await expect(draftRow.getByTestId('provisional-label')).toContainText(
        'Siklus III: sementara: 1 dari 6 guru diobservasi, draf, belum diajukan',
      );
    }
  }

  // The cycle's table, in the shape of the paper's tables: no, teacher, %, band, mean.
  const table = p.getByRole('table', { name: 'Hasil observasi Siklus III' });
  await expect(table.getByRole('row', { name: named(teachers[5] as string) })).toContainText(
    '50,00',
  );
  await expect(table.getByTestId('cycle-mean')).toHaveText('80,83');
  await expect(p.getByTestId('completeness')).toContainText(
    'Semua 6 guru aktif sudah diobservasi.',
  );

  await p.getByRole('button', { name: 'Ajukan siklus' }).click();
  await expect(p.getByRole('alertdialog')).toContainText('Ajukan Siklus III?');
  await p.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(p.getByText('Siklus III telah diajukan untuk ditinjau.')).toBeVisible();
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Diajukan');
  await expect(p.getByRole('button', { name: 'Simpan observasi' })).toHaveCount(0);

  // Submitted is still not a result: the dashboard keeps Siklus II's figures by default,
  // and shows Siklus III's only when the supervisor asks to include submitted cycles.
  const submittedRow = await openDashboardRow(s);
  await expect(submittedRow).toContainText('62,12');
  await expect(submittedRow.getByTestId('provisional-label')).toContainText(
    'Siklus III: sementara: 6 dari 6 guru diobservasi, belum ditinjau',
  );
  // The box mirrors the URL (?basis=submitted), so it turns checked once the navigation
  // lands: click, then wait for it, rather than check(), which looks at once.
  const basis = s.getByLabel('Sertakan siklus yang diajukan (belum ditinjau)');
  await basis.click();
  await expect(basis).toBeChecked();
  await expect(submittedRow).toContainText('80,83');
  await expect(submittedRow.getByTestId('provisional-label')).toContainText(
    'sementara: 6 dari 6 guru diobservasi, belum ditinjau',
  );
  await shot(s, 'supervision-provisional-label', '[data-testid="provisional-label"]');

  // -- The supervisor finds it in the queue and returns it with a comment.
  await s.goto('/review');
  const open = s.getByRole('button', { name: `Tinjau ${SCHOOL} Siklus III` });
  await expect(open).toBeVisible();
  await open.click();
  const panel = s.getByRole('region', { name: `${SCHOOL} · Siklus III` });
  await expect(panel).toContainText('80,83');
  await expect(panel).toContainText(stages[3]?.[2] as string);
  // Returning without a comment is refused in place: the principal must know what to fix.
  await panel.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(panel).toContainText('Komentar pengembalian wajib diisi');
  await panel.getByLabel('Komentar untuk kepala sekolah').fill(RETURN_COMMENT);
  await panel.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(toasts(s)).toContainText(`${SCHOOL} Siklus III dikembalikan ke kepala sekolah.`);
  await expect(s.getByRole('button', { name: `Tinjau ${SCHOOL} Siklus III` })).toHaveCount(0);

  // -- The principal sees the comment, corrects the sixth sheet and submits again.
  await p.goto(cycleUrl);
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Dikembalikan');
  const returned = p.getByRole('region', { name: 'Dikembalikan oleh pengawas' });
  await expect(returned).toContainText(RETURN_COMMENT);
  await expect(returned).toContainText('Hj. Euis Komalasari, M.Pd (Pengawas sekolah)');
  await expect(returned).toContainText('WIB');
  const sixth = teachers[5] as string;
  await table.getByRole('button', { name: `Ubah observasi ${sixth}` }).click();
  await expect(picker).toHaveValue(/.+/);
  await scoreSheet(sheetOf(sixth), 0, 3);
  await expect(sheetOf(sixth).getByTestId('sheet-percentage')).toHaveText('75,00');
  await p.getByRole('button', { name: 'Simpan observasi' }).click();
  await expect(p.locator('.pts-save-row').getByRole('status')).toContainText(
    `${sixth}: 75,00 (Baik).`,
  );
  await expect(table.getByTestId('cycle-mean')).toHaveText('85,00');
  await expect(table.getByRole('row', { name: named(sixth) })).toContainText('Baik');
  await shot(p, 'supervision-cycle-table', 'table');
  await p.getByRole('button', { name: 'Ajukan siklus' }).click();
  await p.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(p.getByText('Siklus III telah diajukan untuk ditinjau.')).toBeVisible();

  // -- The supervisor approves the corrected cycle.
  await s.goto('/review');
  await s.getByRole('button', { name: `Tinjau ${SCHOOL} Siklus III` }).click();
  const again = s.getByRole('region', { name: `${SCHOOL} · Siklus III` });
  await expect(again).toContainText('85,00');
  await expect(again).toContainText(`Komentar sebelumnya: ${RETURN_COMMENT}`);
  await again.getByRole('button', { name: 'Setujui' }).click();
  // Approval locks the cycle, so it is asked for once more.
  await expect(s.getByRole('alertdialog')).toContainText('terkunci');
  await s.getByRole('button', { name: 'Setujui dan kunci' }).click();
  await expect(toasts(s)).toContainText(`${SCHOOL} Siklus III disetujui.`);

  // The principal's cycle is locked now.
  await p.goto(cycleUrl);
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Disetujui');
  await expect(p.getByText('Siklus ini sudah disetujui dan terkunci.')).toBeVisible();
  await expect(p.getByRole('button', { name: 'Ajukan siklus' })).toHaveCount(0);
  // Every move is on the record, with who made it.
  const timeline = p.getByTestId('cycle-timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(4);
  await expect(timeline.getByRole('listitem').nth(1)).toContainText(
    'Dikembalikan Hj. Euis Komalasari, M.Pd (Pengawas sekolah)',
  );
  await expect(timeline.getByRole('listitem').nth(3)).toContainText('Disetujui dan dikunci');
  await shot(p, 'supervision-cycle-timeline', '[data-testid="cycle-timeline"]');
  // ...and the study reads the criteria as met on Siklus III.
  await p
    .getByRole('link', { name: /Pembelajaran Kolaboratif/ })
    .first()
    .click();
  await expect(p.getByTestId('criteria-result')).toContainText('Tercapai Dinilai pada Siklus III');

  // -- The dashboard shows the new figures: latest mean 85,00, gain 85,00 - 48,84 = 36,16,
  // four cycles, approved, the criteria met (mean >= 71 and 6 of 6 teachers Baik or better).
  const after = await openDashboardRow(s);
  await expect(after).toContainText('48,84');
  await expect(after).toContainText('85,00');
  await expect(after).toContainText('36,16');
  // Normalised gain (85,00 - 48,84) / (100 - 48,84) = 0,7068 -> 0,71.
  await expect(after).toContainText('0,71');
  await expect(after).toContainText('Disetujui');
  await expect(after).toContainText('Tercapai');
  await expect(after).not.toContainText('Belum tercapai');
  await shot(s, 'supervision-dashboard-story', 'h1');

  await principal.context.close();
  await supervisor.context.close();
});
