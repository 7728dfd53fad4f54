import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'siklus-demo-2026';

const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** Saves a full-page screenshot to apps/e2e/screenshots/<name>.png (kept out of git). */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Signs in through the form, as a person would. `path` is the app's sign-in page. */
export async function signIn(page: Page, path: string, login: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Masuk ke Siklus' })).toBeVisible();
  await page.getByLabel('Nama pengguna atau email').fill(login);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
