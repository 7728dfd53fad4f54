import { fileURLToPath } from 'node:url';
import { expect, type Locator, test } from '@playwright/test';
import { shot, signInAs } from './helpers';

/*
 * The coaching loop (issue 17), through the UI: the principal of SD Negeri Pabuaran 1
 * (Kondisi Awal to Siklus II approved, six teachers) follows "Buka Siklus III" from the
 * home, observes the first teacher, writes a follow-up plan (RTL) from that sheet (the two
 * lowest indicators suggested, due yesterday) and attaches the lesson's photo to it;
 * submits Siklus III; opens Siklus IV, where the teacher's sheet shows the plan beside its
 * indicators and, once scored, that they improved (computed from the raw scores); the
 * supervisor's dashboard shows the submission waiting and the overdue plan, which leads to
 * the school's drill-down.
 *
 * Figures, worked out by hand: the sheet has 10 indicators on a 1-4 scale. Siklus III:
 * indicators 2 and 5 score 2, the rest 3: 28 / 40 = 70,00. The plan names indicators 2 and
 * 5 (4 of 8 points = 50,00); Siklus IV scores them 4 and 3 (7 of 8 = 87,50), +37,50 points.
 */

const SCHOOL = 'SD Negeri Pabuaran 1';
const INDICATORS = 10;
/** The lesson's photo, attached to the same sheet (evidence.spec.ts checks what is stripped). */
const PHOTO = fileURLToPath(new URL('../fixtures/kelas-5a-gps.jpg', import.meta.url));

/** Yesterday in WIB (the demo district's zone), as the date input takes it. */
function yesterdayWib(): string {
  return new Date(Date.now() + 7 * 3_600_000 - 24 * 3_600_000).toISOString().slice(0, 10);
}

/** Scores every indicator of the sheet: `scores[i]` for indicator i. */
async function scoreSheet(sheet: Locator, scores: readonly number[]): Promise<void> {
  const groups = sheet.getByRole('group');
  await expect(groups).toHaveCount(INDICATORS);
  for (let i = 0; i < INDICATORS; i++) {
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${scores[i]}\\b`) })
      .check();
  }
}

test('a principal writes an RTL from an observation; the next cycle checks it; the supervisor sees the submission and the overdue plan', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const due = yesterdayWib();

  // -- The principal's home says what is next: Siklus II is approved, open Siklus III.
  const principal = await signInAs(browser, '/login', 'kepsek.pabuaran1', /\/my-school$/);
  const p = principal.page;
  const next = p.getByRole('list', { name: 'Langkah berikutnya' });
  await expect(next).toContainText('Buka Siklus III');
  await shot(p, 'coaching-principal-home-before', '.sk-card');
  await next.getByRole('link', { name: 'Buka Siklus III' }).click();
  await expect(p).toHaveURL(/\/studies\/[0-9a-f-]{36}$/);
  await p.getByRole('button', { name: 'Tambah Siklus III' }).click();
  await expect(p).toHaveURL(/\/cycles\/[0-9a-f-]{36}$/);
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Siklus III');

  // -- Observes the first teacher: indicators 2 and 5 at 2, the rest at 3 (70,00).
  const picker = p.getByLabel('Guru yang diobservasi');
  const teachers = (await picker.locator('option').allTextContents()).map((t) => t.trim());
  expect(teachers).toHaveLength(6);
  const teacher = teachers[0] as string;
  const peer = teachers[1] as string;
  const sheet = p.getByRole('region', { name: `Lembar observasi: ${teacher}` });
  await scoreSheet(sheet, [3, 2, 3, 3, 2, 3, 3, 3, 3, 3]);
  await expect(sheet.getByTestId('sheet-percentage')).toHaveText('70,00');
  await p.getByRole('button', { name: 'Simpan observasi' }).click();
  await expect(p.locator('.pts-save-row').getByRole('status').first()).toContainText(
    `${teacher}: 70,00`,
  );
  // The sheet stays on the teacher just saved (issue 20), marked ✓.
  await expect(picker.locator('option:checked')).toHaveText(`${teacher} ✓`);

  // -- Writes the RTL: the two indicators at 2 come suggested; indicator 1 (a 3) is unticked.
  const panel = p.locator('#follow-up');
  await panel.getByRole('button', { name: 'Tulis RTL' }).click();
  const form = panel.getByRole('form', { name: 'Tulis RTL' });
  const boxes = form.getByRole('checkbox');
  await expect(boxes).toHaveCount(INDICATORS);
  await expect(boxes.nth(1)).toBeChecked();
  await expect(boxes.nth(4)).toBeChecked();
  // Three suggested (the two 2s, then the first 3); the plan keeps only the two lowest.
  await expect(boxes.nth(0)).toBeChecked();
  await boxes.nth(0).uncheck();
  // Saving without actions is refused at the field, in Indonesian.
  await form.getByRole('button', { name: 'Simpan RTL' }).click();
  await expect(form).toContainText('Tindakan yang disepakati wajib diisi');
  await form
    .getByLabel('Tindakan yang disepakati')
    .fill('Merancang kelompok heterogen bersama guru sejawat; diamati ulang pada Siklus IV.');
  await form.getByLabel('Pendamping').selectOption({ label: 'Guru sejawat' });
  await form.getByLabel('Guru sejawat').selectOption({ label: peer });
  await form.getByLabel('Jatuh tempo').fill(due);
  await form.getByRole('button', { name: 'Simpan RTL' }).click();
  const written = panel.getByTestId('follow-up-plan');
  await expect(written).toHaveCount(1);
  await expect(written).toContainText('Lewat jatuh tempo');
  await expect(written).toContainText(`Guru sejawat (${peer})`);
  await expect(written.getByTestId('follow-up-result')).toContainText(
    'Indikator RTL pada lembar asal: 50,00',
  );
  await shot(p, 'coaching-rtl-written', '#follow-up');

  // -- Attaches the lesson's photo to the same teacher's sheet: the documentation the report lists.
  const evidence = p.getByTestId('evidence-sheet');
  await evidence.getByLabel('Unggah berkas').setInputFiles(PHOTO);
  await expect(evidence.getByText('kelas-5a-gps.jpg terunggah.')).toBeVisible();
  await expect(evidence.getByRole('img', { name: 'Gambar kecil kelas-5a-gps.jpg' })).toBeVisible();

  // -- Submits Siklus III (five teachers not observed: a warning, not a refusal).
  await p.getByRole('button', { name: 'Ajukan siklus' }).click();
  await p.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(p.getByText('Siklus III telah diajukan untuk ditinjau.')).toBeVisible();

  // -- The home now says the cycle waits for review and the plan is overdue.
  await p.getByRole('link', { name: 'Sekolah saya' }).click();
  await expect(next).toContainText('Siklus III menunggu tinjauan pengawas (0 hari)');
  await expect(next).toContainText(`RTL ${teacher} lewat jatuh tempo`);

  // -- Siklus IV: the sheet of the same teacher shows the plan from Siklus III.
  await p.goto('/studies');
  await p
    .getByRole('link', { name: /Pembelajaran Kolaboratif/ })
    .first()
    .click();
  await p.getByRole('button', { name: 'Tambah Siklus IV' }).click();
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Siklus IV');
  await picker.selectOption({ label: teacher });
  const checking = p.locator('#follow-up').getByTestId('follow-up-plan');
  await expect(checking).toHaveCount(1);
  await expect(checking).toContainText('RTL dari Siklus III');
  await expect(checking).toContainText('Belum dinilai ulang');
  const sheet4 = p.getByRole('region', { name: `Lembar observasi: ${teacher}` });
  await scoreSheet(sheet4, [3, 4, 3, 3, 3, 3, 3, 3, 3, 3]);
  await p.getByRole('button', { name: 'Simpan observasi' }).click();
  await expect(p.locator('.pts-save-row').getByRole('status').first()).toContainText(
    `${teacher}: 77,50`,
  );
  await expect(picker.locator('option:checked')).toHaveText(`${teacher} ✓`);
  await expect(checking.getByTestId('follow-up-result')).toContainText(
    'Indikator RTL: 50,00 → 87,50 (37,50 poin)',
  );
  await expect(checking.getByTestId('follow-up-result')).toContainText('Meningkat');
  await shot(p, 'coaching-rtl-checked', '#follow-up');

  // -- The supervisor's dashboard: the submission waiting, and the overdue plan.
  const supervisor = await signInAs(browser, '/login', 'pengawas', /\/dashboard$/);
  const s = supervisor.page;
  const waiting = s.getByRole('list', { name: 'Pengajuan menunggu tinjauan' });
  const submission = waiting.getByRole('listitem').filter({ hasText: `${SCHOOL} · Siklus III` });
  await expect(submission).toContainText('0 hari');
  const overdue = s.getByRole('list', { name: 'RTL lewat jatuh tempo' });
  await expect(overdue).toContainText(`${teacher} · ${SCHOOL}`);
  await expect(overdue).toContainText('1 hari lewat');
  await shot(s, 'coaching-supervisor-home', '.home-grid');

  // -- Following it opens the school's drill-down at its plans.
  await overdue.getByRole('link', { name: `${teacher} · ${SCHOOL}` }).click();
  await expect(s).toHaveURL(/\/schools\/[0-9a-f-]{36}#follow-ups$/);
  const plans = s.getByRole('table', { name: 'Rencana tindak lanjut (RTL)' });
  await expect(plans.getByRole('row', { name: new RegExp(teacher) })).toContainText(
    'Lewat jatuh tempo',
  );
  await expect(s.locator('#follow-ups')).toContainText('1 terbuka · 1 lewat jatuh tempo');

  await principal.context.close();
  await supervisor.context.close();
});
