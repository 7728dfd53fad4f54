import {
  type APIRequestContext,
  type BrowserContext,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { DEMO_PASSWORD, query, setOwnPassword, signIn, writableCycle } from './helpers';

/*
 * Issue 21: observation sheets without a connection (decision 024). Two principal accounts
 * are made here by the admin for a school no other spec touches, so the seed's principals
 * stay as the other specs expect them. Principal A scores three teachers with the network
 * cut, reloads offline (the service worker serves the app, IndexedDB the cycle and the
 * outbox), and meanwhile principal B saves one of those teachers from another session;
 * back online, two sheets go through with the figures computed on the device and the third
 * shows both versions side by side. Then A's session ends with a save still waiting, B
 * signs in on the same browser and sees nothing of it, and A finds it again after signing
 * back in.
 */

const TAKEN = /Lulut 2|Pabuaran 1|Puspanegara 1|Kota Batu 2|Wanaherang 1|Susukan 2/;
const OWN_PASSWORD = 'sandi-pilihan-sendiri-2026';
const A = 'kepsek.luring.a';
const B = 'kepsek.luring.b';

interface CycleView {
  version: number;
  editable: boolean;
  rubric: { mode: string; aspects?: { indicators: { key: string }[] }[] };
  observations: { teacherId: string; teacherName: string; percentage: string; band: string }[];
  unobservedTeachers: { id: string; name: string }[];
}

async function call<T>(request: APIRequestContext, path: string, data?: unknown): Promise<T> {
  const res = await request.post(`/trpc/${path}`, { data: data ?? {} });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function signInWith(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Nama pengguna atau email').fill(login);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Whether this browser's IndexedDB keeps the cycle for offline use (decision 024). */
async function cycleKept(page: Page, cycleId: string): Promise<boolean> {
  return page.evaluate(async (id) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('siklus-offline')) return false;
    return new Promise<boolean>((resolve) => {
      const open = indexedDB.open('siklus-offline');
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction('cache').objectStore('cache').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(JSON.stringify(all.result).includes(id));
        };
      };
      open.onerror = () => resolve(false);
    });
  }, cycleId);
}

/** Picks the teacher and scores every indicator at `level`, then saves. */
async function scoreTeacher(page: Page, name: string, level: number): Promise<void> {
  await page.getByLabel('Guru yang diobservasi').selectOption({ label: name });
  const sheet = page.locator('#observation-sheet');
  const groups = sheet.getByRole('group');
  await expect(groups.first()).toBeVisible();
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${level}\\b`) })
      .check();
  }
  await sheet.getByRole('button', { name: 'Simpan observasi' }).click();
}

const comma = (figure: string) => figure.replace('.', ',');

test('a principal scores a cycle offline, sends it later, settles a conflict; another user sees nothing of it', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // The admin opens two principal accounts for a school with an indicator sheet.
  const adminContext = await browser.newContext({ locale: 'id-ID' });
  const admin = adminContext.request;
  await call(admin, 'auth.login', { login: 'admin', password: DEMO_PASSWORD });
  const schools = await query<{ items: { id: string; name: string }[] }>(
    await adminContext.newPage(),
    'schools.list',
    { limit: 100 },
  );
  let a: { context: BrowserContext; page: Page } | null = null;
  let cycleId = '';
  let cycle: CycleView | null = null;
  for (const school of schools.items.filter((s) => !TAKEN.test(s.name)).reverse()) {
    const suffix = school.name.replace(/\W+/g, '').toLowerCase().slice(-12);
    await call(admin, 'users.create', {
      username: `${A}.${suffix}`,
      fullName: `Kepala Luring A ${school.name}`,
      role: 'principal',
      schoolId: school.id,
      password: DEMO_PASSWORD,
    });
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await signIn(page, '/login', `${A}.${suffix}`);
    await setOwnPassword(page, DEMO_PASSWORD);
    const found = await writableCycle(page).catch(() => null);
    const view = found ? await query<CycleView>(page, 'cycles.get', { cycleId: found.id }) : null;
    if (found && view?.rubric.mode === 'indicators' && view.unobservedTeachers.length >= 4) {
      await call(admin, 'users.create', {
        username: `${B}.${suffix}`,
        fullName: `Kepala Luring B ${school.name}`,
        role: 'principal',
        schoolId: school.id,
        password: DEMO_PASSWORD,
      });
      a = { context, page };
      cycleId = found.id;
      cycle = view;
      (a as { login?: string }).login = `${A}.${suffix}`;
      (a as { other?: string }).other = `${B}.${suffix}`;
      break;
    }
    await context.close();
  }
  expect(a, 'a school with a writable indicator cycle of four teachers').not.toBeNull();
  const { context, page } = a!;
  const loginA = (a as { login?: string }).login!;
  const loginB = (a as { other?: string }).other!;
  const [t1, t2, t3, t4] = cycle!.unobservedTeachers;

  // Principal B's own session (another browser), password changed once.
  const bContext = await browser.newContext({ locale: 'id-ID' });
  await call(bContext.request, 'auth.login', { login: loginB, password: DEMO_PASSWORD });
  await call(bContext.request, 'auth.changePassword', {
    currentPassword: DEMO_PASSWORD,
    newPassword: OWN_PASSWORD,
  });

  // One online visit: the service worker installs and the cycle is kept on the device.
  await page.goto(`/cycles/${cycleId}`);
  await expect(page.getByRole('heading', { name: 'Lembar observasi', exact: true })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await expect.poll(() => cycleKept(page, cycleId), { timeout: 15_000 }).toBe(true);

  // The signal is gone: the app says so, and three sheets go to the outbox.
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Luring sejak' })).toBeVisible();
  await scoreTeacher(page, t1!.name, 4);
  await expect(page.getByText(`Observasi ${t1!.name} disimpan di perangkat`)).toBeVisible();
  await scoreTeacher(page, t2!.name, 3);
  await scoreTeacher(page, t3!.name, 2);
  const outbox = page.getByTestId('outbox');
  await expect(outbox.getByTestId('outbox-entry')).toHaveCount(3);
  await expect(outbox.getByText('belum terkirim', { exact: true })).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Ajukan siklus' })).toBeDisabled();
  await expect(page.getByText('Hanya dapat dilakukan saat daring')).toBeVisible();

  // Reloaded without a connection: the app, the cycle and the drafts are all still there.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Lembar observasi', exact: true })).toBeVisible();
  await expect(outbox.getByTestId('outbox-entry')).toHaveCount(3);
  // The service worker served the app, never an API answer: the API is unreachable, and
  // its only cache is the versioned precache of the built files.
  expect(
    await page.evaluate(() =>
      fetch('/trpc/auth.me').then(
        (r) => r.status,
        () => 'unreachable',
      ),
    ),
  ).toBe('unreachable');
  const caches = await page.evaluate(() => window.caches.keys());
  expect(caches).toEqual([expect.stringMatching(/^siklus-supervision-v1-precache/)]);
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
  const local = new Map<string, string>();
  for (const t of [t1!, t2!, t3!]) {
    const row = outbox.getByTestId('outbox-entry').filter({ hasText: t.name });
    local.set(t.id, (await row.getByTestId('outbox-percentage').textContent()) ?? '');
  }
  expect(local.get(t1!.id)).toBe('100,00');

  // Meanwhile principal B saves teacher 1 from another session.
  const before = await query<CycleView>(await bContext.newPage(), 'cycles.get', { cycleId });
  const keys = before.rubric.aspects!.flatMap((x) => x.indicators.map((i) => i.key));
  const theirs = await call<{ observation: { percentage: string } }>(
    bContext.request,
    'cycles.upsertObservation',
    {
      cycleId,
      version: before.version,
      teacherId: t1!.id,
      kind: 'indicators',
      scores: Object.fromEntries(keys.map((k) => [k, 1])),
    },
  );

  // Back online: teachers 2 and 3 are sent, with the figures the device computed; teacher 1
  // shows both versions side by side.
  await context.setOffline(false);
  const conflict = page.getByTestId('outbox-conflict');
  await expect(conflict).toBeVisible({ timeout: 20_000 });
  await expect(outbox.getByTestId('outbox-entry')).toHaveCount(1);
  await expect(conflict.getByTestId('conflict-mine')).toContainText('100,00');
  await expect(conflict.getByTestId('conflict-theirs')).toContainText(
    comma(theirs.observation.percentage),
  );
  const sent = await query<CycleView>(page, 'cycles.get', { cycleId });
  const figure = (id: string) => sent.observations.find((o) => o.teacherId === id)?.percentage;
  expect(comma(figure(t2!.id) ?? '')).toBe(local.get(t2!.id));
  expect(comma(figure(t3!.id) ?? '')).toBe(local.get(t3!.id));
  expect(figure(t1!.id)).toBe(theirs.observation.percentage);

  // A keeps theirs as a new save; B's version stays in the audit trail.
  await conflict.getByRole('button', { name: 'Simpan versi saya' }).click();
  await expect(outbox).toHaveCount(0, { timeout: 20_000 });
  const after = await query<CycleView>(page, 'cycles.get', { cycleId });
  expect(after.observations.find((o) => o.teacherId === t1!.id)?.percentage).toBe('100.00');
  const log = await query<{
    items: { action: string; after: { teacherId?: string; percentage?: string } | null }[];
  }>(await adminContext.newPage(), 'audit.list', { action: 'observation' });
  const t1Saves = log.items
    .filter((e) => e.action === 'observation.save' && e.after?.teacherId === t1!.id)
    .map((e) => e.after?.percentage);
  expect(t1Saves).toEqual(expect.arrayContaining(['100.00', theirs.observation.percentage]));

  // A's session ends with a save waiting (offline, then the cookie is gone).
  await context.setOffline(true);
  await scoreTeacher(page, t4!.name, 3);
  await expect(outbox.getByTestId('outbox-entry')).toHaveCount(1);
  await context.clearCookies();
  await context.setOffline(false);

  // B signs in on the same browser: nothing of A's outbox is shown or sent.
  await signInWith(page, loginB, OWN_PASSWORD);
  await page.goto(`/cycles/${cycleId}`);
  await expect(page.getByRole('heading', { name: 'Lembar observasi', exact: true })).toBeVisible();
  await expect(page.getByText(`Kepala Luring B`)).toBeVisible();
  await page.waitForTimeout(6000);
  await expect(page.getByTestId('outbox')).toHaveCount(0);
  const whileB = await query<CycleView>(page, 'cycles.get', { cycleId });
  expect(whileB.observations.some((o) => o.teacherId === t4!.id)).toBe(false);

  // B signs out (nothing waiting: no question); A signs in again and the save goes.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInWith(page, loginA, OWN_PASSWORD);
  await page.goto(`/cycles/${cycleId}`);
  await expect
    .poll(
      async () =>
        (await query<CycleView>(page, 'cycles.get', { cycleId })).observations.some(
          (o) => o.teacherId === t4!.id,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
  await expect(page.getByTestId('outbox')).toHaveCount(0);

  await Promise.all([context.close(), bContext.close(), adminContext.close()]);
});
