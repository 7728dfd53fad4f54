import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'siklus-demo-2026';

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** Saves a full-page screenshot to apps/e2e/screenshots/<name>.png (kept out of git). */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** The app's toasts: a named polite live region at the bottom of the screen. */
export function toasts(page: Page): Locator {
  return page.getByRole('region', { name: 'Notifikasi' });
}

/** Signs in through the form, as a person would. `path` is the app's sign-in page. */
export async function signIn(page: Page, path: string, login: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Masuk ke Siklus' })).toBeVisible();
  await page.getByLabel('Nama pengguna atau email').fill(login);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/**
 * A new account's first sign-in: the admin set its password, so the person must choose
 * their own before anything else (decision 019); the form is filled as a person would.
 */
export async function setOwnPassword(page: Page, adminSet: string): Promise<void> {
  const heading = page.getByRole('heading', { name: 'Buat kata sandi Anda sendiri' });
  await expect(heading).toBeVisible();
  const form = page.getByRole('form', { name: 'Ganti kata sandi' });
  await form.getByLabel('Kata sandi saat ini').fill(adminSet);
  await form.getByLabel(/^Kata sandi baru/).fill('sandi-pilihan-sendiri-2026');
  await form.getByLabel('Ulangi kata sandi baru').fill('sandi-pilihan-sendiri-2026');
  await form.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(heading).toHaveCount(0);
}

/**
 * A 1366x768 view from the first `top` element down, below the sticky header and
 * navigation (a full-page shot would tear the sticky header and bars).
 */
export async function shot(page: Page, name: string, top: string): Promise<void> {
  await page
    .locator(top)
    .first()
    .evaluate((el) => {
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 116);
    });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** Signs in as `login` in a browser context of its own and waits for the landing page. */
export async function signInAs(browser: Browser, path: string, login: string, lands: RegExp) {
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  await signIn(page, path, login);
  await expect(page).toHaveURL(lands);
  return { context, page };
}

/** A row whose header is this teacher's name, whatever the name's punctuation. */
export const named = (name: string) => new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** A tRPC query from the signed-in page (same cookies). */
export async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await page.request.get(`/trpc/${path}${qs}`);
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** A draft or returned cycle of the signed-in principal's school (a new one if none). */
export async function writableCycle(page: Page): Promise<{ id: string; label: string }> {
  const me = await query<{ schoolId: string }>(page, 'auth.me');
  const studies = await query<{ id: string }[]>(page, 'studies.list', { schoolId: me.schoolId });
  for (const s of studies) {
    const study = await query<{
      cycles: { id: string; status: string; label: { id: string } }[];
      canAddCycle: boolean;
    }>(page, 'studies.get', { studyId: s.id });
    const open = study.cycles.find((c) => c.status === 'draft' || c.status === 'returned');
    if (open) return { id: open.id, label: open.label.id };
    if (study.canAddCycle) {
      const created = await page.request.post('/trpc/cycles.create', { data: { studyId: s.id } });
      expect(created.ok()).toBe(true);
      const data = (
        (await created.json()) as { result: { data: { id: string; label: { id: string } } } }
      ).result.data;
      return { id: data.id, label: data.label.id };
    }
  }
  throw new Error('no writable cycle in the seed for this principal');
}
