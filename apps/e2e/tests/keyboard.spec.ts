import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, named, query, SCREENSHOTS, shot, writableCycle } from './helpers';

/*
 * The principal's story with the keyboard only (issue 20): sign in, open a cycle, score a
 * teacher's sheet with Tab, Space and the arrow keys, be told (and taken to) the indicator
 * left unscored, save, hear the result said by the Save button, and open the delete
 * confirmation, which keeps the focus inside and closes with Escape. Every stop of the Tab
 * order on the way shows a visible focus ring.
 *
 * Data: SD Negeri Pabuaran 1's writable cycle (as evidence.spec.ts and io.spec.ts use it).
 * If every teacher already has a sheet there, one sheet is removed first through the API so
 * the story scores a blank one; the story leaves a saved sheet in its place.
 *
 * Figures, by hand: 10 indicators on a 1-4 scale; indicator 1 at 4, the rest at 3:
 * 31 / 40 = 77,50. After five indicators (4, 3, 3, 3, 3) the running figure is 16 / 20 =
 * 80,00.
 */

const LOGIN = 'kepsek.pabuaran1';
const INDICATORS = 10;
const SCORES = [4, 3, 3, 3, 3, 3, 3, 3, 3, 3] as const;

/** The focused element's description, and whether a focus indicator is drawn around it. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', text: '', ring: false, radio: false };
    // A level's radio is visually hidden; its label draws the ring (:has(:focus-visible)).
    const radio = el instanceof HTMLInputElement && el.type === 'radio';
    const target = radio ? (el.closest('label') ?? el) : el;
    const style = getComputedStyle(target);
    // A date field's second Tab stop is its calendar button, inside the browser's own
    // control: Chromium draws that button's ring itself (the field's :focus styles do not
    // apply to it), so it counts as visible.
    const datePart = el instanceof HTMLInputElement && el.type === 'date';
    const ring =
      datePart ||
      (style.boxShadow !== 'none' && style.boxShadow !== '') ||
      (style.outlineStyle !== 'none' && style.outlineWidth !== '0px');
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      label: el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '',
      ring,
      radio,
    };
  });
}

/** Presses Tab until `done` holds for the focused element, each stop showing its ring. */
async function tabUntil(
  page: Page,
  done: (s: Awaited<ReturnType<typeof focusState>>) => boolean,
  max = 120,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    // A field's ring fades in (a 120 ms transition): wait for it rather than sample it once.
    if (state.tag !== 'body')
      await expect
        .poll(async () => (await focusState(page)).ring, {
          message: `focus ring on ${state.tag} "${state.text.slice(0, 40)}"`,
          timeout: 2000,
        })
        .toBe(true);
    if (done(state)) return;
  }
  throw new Error('the Tab order never reached the element looked for');
}

/**
 * Picks `value` in the radio group that has the focus, with the arrow keys: the arrows move
 * and check within the group, Space checks the focused level.
 */
async function chooseLevel(page: Page, group: Locator, value: number): Promise<void> {
  const radios = group.getByRole('radio');
  const at = await radios.evaluateAll((all) => all.indexOf(document.activeElement as never));
  expect(at, 'the focus is in this indicator').toBeGreaterThanOrEqual(0);
  // The levels are in order 1..max, then n/a.
  const delta = value - 1 - at;
  for (let i = 0; i < Math.abs(delta); i++)
    await page.keyboard.press(delta > 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.keyboard.press('Space');
  await expect(radios.nth(value - 1)).toBeChecked();
}

test('a principal scores, saves and meets a dialog with the keyboard only', async ({ page }) => {
  test.setTimeout(180_000);

  // -- Sign in: Tab to the fields, type, Enter.
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Masuk ke Siklus' })).toBeVisible();
  await tabUntil(page, (s) => s.tag === 'input' && /Nama pengguna/.test(s.label ?? ''));
  await page.keyboard.type(LOGIN);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Kata sandi')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/my-school$/);

  // -- The cycle (a blank sheet guaranteed: see the header).
  const cycle = await writableCycle(page);
  const state = await query<{
    version: number;
    observations: { teacherId: string }[];
    unobservedTeachers: { id: string }[];
  }>(page, 'cycles.get', { cycleId: cycle.id });
  if (state.unobservedTeachers.length === 0) {
    const removed = await page.request.post('/trpc/cycles.deleteObservation', {
      data: {
        cycleId: cycle.id,
        version: state.version,
        teacherId: state.observations[0]?.teacherId,
      },
    });
    expect(removed.ok()).toBe(true);
  }
  await page.goto(`/cycles/${cycle.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cycle.label);

  // -- Tab to the teacher picker; it opens on a teacher without a sheet.
  await tabUntil(page, (s) => s.tag === 'select' && /Guru yang diobservasi/.test(s.label ?? ''));
  const picker = page.getByLabel('Guru yang diobservasi');
  const teacher = (await picker.locator('option:checked').textContent())?.trim() ?? '';
  expect(teacher).not.toMatch(/✓$/);
  await expect(page.getByText(/^\d+ dari \d+ guru sudah diobservasi$/)).toBeVisible();
  const sheet = page.getByRole('region', { name: `Lembar observasi: ${teacher}` });
  const groups = sheet.getByRole('group');
  await expect(groups).toHaveCount(INDICATORS);

  // -- Into the sheet: Tab reaches indicator 1's levels; each Tab moves one indicator on.
  await tabUntil(page, (s) => s.radio, 10);
  for (let i = 0; i < INDICATORS - 1; i++) {
    if (i > 0) {
      await page.keyboard.press('Tab');
      await expect.poll(async () => (await focusState(page)).ring).toBe(true);
    }
    await chooseLevel(page, groups.nth(i), SCORES[i] as number);
    if (i === 4)
      await expect(sheet.getByTestId('sheet-running')).toHaveText(
        'Sementara: 80,00% — 5 dari 10 indikator',
      );
  }
  // The chosen level is drawn strongly (filled), not as a faint outline.
  const chosen = groups.nth(0).locator('label.sk-sheet__level--checked');
  await expect(chosen).toHaveCount(1);
  const fill = await chosen.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(fill).toBe('rgb(15, 118, 110)');

  // -- Save with indicator 10 still blank: refused by the button, named by its number,
  // and the focus is taken to it.
  await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Simpan observasi', 40);
  await page.keyboard.press('Enter');
  const saveRow = page.locator('.pts-save-row');
  await expect(saveRow.getByRole('alert')).toHaveText(
    'Indikator 10 belum diisi. Pilih skor atau tandai n/a.',
  );
  await expect(groups.nth(9)).toHaveAttribute('aria-invalid', 'true');
  await expect(groups.nth(9).getByRole('radio').first()).toBeFocused();
  await chooseLevel(page, groups.nth(9), SCORES[9]);
  await expect(saveRow.getByRole('alert')).toHaveCount(0);
  await expect(sheet.getByTestId('sheet-percentage')).toHaveText('77,50');
  await expect(sheet.getByTestId('sheet-points')).toHaveText('Skor 31 dari 40');

  // -- Save: the result is said by the button, in its live region; the picker stays.
  await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Simpan observasi', 40);
  await page.keyboard.press('Enter');
  const said = saveRow.getByRole('status');
  await expect(said).toHaveText(
    new RegExp(`^Tersimpan \\d{2}\\.\\d{2} — ${named(teacher).source}: 77,50 \\(`),
  );
  await expect(picker.locator('option:checked')).toHaveText(`${teacher} ✓`);
  await shot(page, 'keyboard-saved-sheet', '.pts-save-row');

  // -- The delete confirmation: focus starts on Batal, Tab stays inside, Escape closes it
  // and gives the focus back; nothing is deleted.
  await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Hapus observasi', 20);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: `Hapus observasi ${teacher}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    const inside = await dialog.evaluate((d) => d.contains(document.activeElement));
    expect(inside, 'Tab stays in the dialog').toBe(true);
    await expect.poll(async () => (await focusState(page)).ring).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hapus observasi' })).toBeFocused();
  await expect(picker.locator('option:checked')).toHaveText(`${teacher} ✓`);

  // -- On a phone the sticky bar stays slim, and delete is not in it (away from Save).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(saveRow.getByRole('button', { name: 'Simpan observasi' })).toBeVisible();
  await expect(saveRow.getByRole('button', { name: 'Hapus observasi' })).toHaveCount(0);
  const bar = await saveRow.boundingBox();
  expect(bar?.height ?? 999).toBeLessThanOrEqual(120);
  await page.screenshot({ path: `${SCREENSHOTS}keyboard-phone-save-bar.png` });
});
