import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { SCREENSHOTS, signIn } from './helpers';

/**
 * Every page of both apps, for each role, at a phone (390x844) and a laptop (1366x768), in
 * Indonesian and in English (chosen with the language switch, as a person would): a
 * full-page screenshot of each (apps/e2e/screenshots/pages/, kept out of git, to look at),
 * no sideways page scroll, no button or column header cut off by the screen or by a
 * scrolling box, and axe-core finding no serious or critical violation (issue 20).
 *
 * Only reads: pages are visited, nothing is submitted, so the demo data other specs use
 * stays as it was. Problems are collected with soft assertions so one run lists them all.
 */

const SIZES = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 768 },
} as const;
type Size = keyof typeof SIZES;
type Lang = 'id' | 'en';

interface Visit {
  /** The screenshot's name (without size and language). */
  name: string;
  path: string;
}

/** The first link on the current page whose href matches, as an app-relative path. */
async function firstLink(page: Page, pattern: RegExp, base = ''): Promise<string | null> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  return href ? href.replace(base, '') : null;
}

/** Waits until the page has drawn its heading and nothing is loading any more. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // Charts draw after a layout pass; an animation would be caught mid-way.
  await page.waitForTimeout(200);
}

/**
 * Buttons, links styled as buttons and column headers that are drawn outside the screen or
 * outside a box that clips them (a table scrolled sideways, an overflow: hidden panel).
 */
function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const candidates = document.querySelectorAll<HTMLElement>(
      'main button, main a.sk-button, main th, header button, header a, nav a',
    );
    for (const el of Array.from(candidates)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (el.closest('.sk-visually-hidden, [hidden], details:not([open]), [data-scrolls]')) {
        continue;
      }
      const label = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      if (box.left < -1 || box.right > viewport + 1) {
        found.push(`${el.tagName.toLowerCase()} "${label}" off screen (${Math.round(box.right)})`);
        continue;
      }
      for (let box2 = el.parentElement; box2 && box2 !== document.body; box2 = box2.parentElement) {
        const style = getComputedStyle(box2);
        if (style.overflowX === 'visible') continue;
        const edge = box2.getBoundingClientRect();
        if (box.left < edge.left - 1 || box.right > edge.right + 1) {
          found.push(`${el.tagName.toLowerCase()} "${label}" clipped by a scrolling box`);
          break;
        }
      }
    }
    return found;
  });
}

async function check(page: Page, visit: Visit, size: Size, lang: Lang): Promise<void> {
  await page.goto(visit.path);
  await settled(page);
  const tag = `${visit.name} ${size} ${lang}`;
  await page.screenshot({
    path: `${SCREENSHOTS}pages/${visit.name}-${size}-${lang}.png`,
    fullPage: true,
  });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  const clipped = await clippedControls(page);
  // axe reads the page's content, the same at both widths: it runs once per page and
  // language, at the laptop's width (the layout checks above run at both).
  const axe = size === 'laptop' ? await new AxeBuilder({ page }).analyze() : { violations: [] };
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  // Listed as they are found: a long run that is stopped still tells what it saw.
  for (const problem of [
    ...(overflow > 0 ? [`page ${overflow}px too wide`] : []),
    ...clipped,
    ...serious,
  ]) {
    console.log(`PROBLEM ${tag}: ${problem}`);
  }
  expect.soft(overflow, `${tag}: sideways page scroll`).toBeLessThanOrEqual(0);
  expect.soft(clipped, `${tag}: clipped controls`).toEqual([]);
  expect.soft(serious, `${tag}: axe serious/critical`).toEqual([]);
}

async function signedIn(browser: Browser, size: Size, lang: Lang, app: string, login: string) {
  const context = await browser.newContext({ locale: 'id-ID', viewport: SIZES[size] });
  const page = await context.newPage();
  await signIn(page, `${app}/login`, login);
  await expect(page).not.toHaveURL(/\/login$/);
  await settled(page);
  if (lang === 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  return { context, page };
}

/** The principal's pages: their school, the published study, a cycle, the report. */
async function principalPages(page: Page): Promise<Visit[]> {
  const visits: Visit[] = [
    { name: 'sup-my-school', path: '/my-school' },
    { name: 'sup-studies', path: '/studies' },
  ];
  await page.goto('/studies');
  await settled(page);
  const study = await firstLink(page, /^\/studies\/[^/]+$/);
  expect(study, 'a study of the principal').not.toBeNull();
  if (study) {
    visits.push({ name: 'sup-study', path: study });
    await page.goto(study);
    await settled(page);
    const cycle = await firstLink(page, /^\/cycles\/[^/]+$/);
    expect(cycle, 'a cycle of the study').not.toBeNull();
    if (cycle) visits.push({ name: 'sup-cycle', path: cycle });
    visits.push({ name: 'sup-report', path: `${study}/report` });
  }
  visits.push(
    { name: 'sup-co-observations', path: '/co-observations' },
    { name: 'sup-integrity', path: '/integrity' },
    { name: 'sup-account', path: '/account' },
    { name: 'sup-notifications', path: '/notifications' },
  );
  return visits;
}

/** The supervisor's pages: the district's, one school, a review, calibration. */
async function supervisorPages(page: Page): Promise<Visit[]> {
  const visits: Visit[] = [
    { name: 'sup-dashboard', path: '/dashboard' },
    { name: 'sup-compare', path: '/compare' },
    { name: 'sup-review', path: '/review' },
  ];
  await page.goto('/dashboard');
  await settled(page);
  const school = await firstLink(page, /^\/schools\/[^/?]+/);
  expect(school, 'a school on the dashboard').not.toBeNull();
  if (school) visits.push({ name: 'sup-school', path: school });
  // The queue with a cycle open beside it (the panel is part of the address).
  await page.goto('/review');
  await settled(page);
  const open = page.getByRole('button', { name: /^(Tinjau|Review) / }).first();
  if ((await open.count()) > 0) {
    await open.click();
    await expect(page).toHaveURL(/cycleId=/);
    const url = new URL(page.url());
    visits.push({ name: 'sup-review-open', path: `${url.pathname}${url.search}` });
  }
  visits.push(
    { name: 'sup-studies-pengawas', path: '/studies' },
    { name: 'sup-co-observations-pengawas', path: '/co-observations' },
    { name: 'sup-calibration', path: '/calibration' },
    { name: 'sup-integrity-pengawas', path: '/integrity' },
  );
  await page.goto('/co-observations');
  await settled(page);
  const pair = await firstLink(page, /^\/co-observations\/[^/]+$/);
  if (pair) visits.push({ name: 'sup-co-observation', path: pair });
  return visits;
}

/** Every admin section, one version of each configuration kind, one school's teachers. */
async function adminPages(page: Page): Promise<Visit[]> {
  const sections = [
    'rubrics',
    'bands',
    'criteria',
    'schools',
    'subdistricts',
    'teachers',
    'users',
    'cycles',
    'audit',
    'account',
    'notifications',
  ];
  const visits: Visit[] = [{ name: 'adm-home', path: '/admin/' }];
  for (const s of sections) visits.push({ name: `adm-${s}`, path: `/admin/${s}` });
  for (const kind of ['rubrics', 'bands', 'criteria']) {
    await page.goto(`/admin/${kind}`);
    await settled(page);
    const version = await firstLink(page, new RegExp(`^/admin/${kind}/[^/]+$`));
    expect(version, `a ${kind} version`).not.toBeNull();
    if (version) visits.push({ name: `adm-${kind}-version`, path: version });
  }
  await page.goto('/admin/teachers');
  await settled(page);
  const teachers = await firstLink(page, /^\/admin\/schools\/[^/]+\/teachers$/);
  if (teachers) visits.push({ name: 'adm-school-teachers', path: teachers });
  return visits;
}

const ROLES = [
  { role: 'principal', app: '', login: 'kepsek.lulut2', pages: principalPages },
  { role: 'pengawas', app: '', login: 'pengawas', pages: supervisorPages },
  { role: 'admin', app: '/admin', login: 'admin', pages: adminPages },
] as const;

test.describe('every page fits a phone and a laptop and passes axe', () => {
  for (const { role, app, login, pages } of ROLES) {
    for (const size of Object.keys(SIZES) as Size[]) {
      for (const lang of ['id', 'en'] as const) {
        test(`${role} at ${size} in ${lang}`, async ({ browser }) => {
          test.setTimeout(300_000);
          const { context, page } = await signedIn(browser, size, lang, app, login);
          for (const visit of await pages(page)) await check(page, visit, size, lang);
          await context.close();
        });
      }
    }
  }
});
