import { createHash } from 'node:crypto';
import { createTestDb, makeUser, type TestDb } from '@siklus/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type Context, DEFAULT_AUTH_CONFIG, makeCreateContext } from '../context';
import { createCaller } from '../root';
import { callerFor, FakeCookieJar } from '../testing/callers';
import { expectOutcome } from '../testing/matrix';
import { makeWorld, TEST_PASSWORD, testPasswordHash, type World } from '../testing/world';
import { THROTTLE } from './throttle';

let testDb: TestDb;
let w: World;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});
beforeEach(async () => {
  await testDb.db.deleteFrom('login_throttle').execute();
});

const HOUR = 3600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A clock the test moves. */
function clock(start = Date.now()) {
  let t = start;
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

let ipCounter = 0;
/** A fresh address per test, so per-address throttling does not leak between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function newPrincipal() {
  return makeUser(testDb.db, {
    role: 'principal',
    district_id: w.districtA.id,
    school_id: w.schoolA1.id,
    password_hash: await testPasswordHash(),
    email: `kepsek${Date.now()}${++ipCounter}@sekolah.id`,
  });
}

/** Signs in through auth.login and returns the cookie token. */
async function signIn(login: string, opts: { now?: () => Date; ip?: string } = {}) {
  const cookies = new FakeCookieJar();
  const caller = callerFor(testDb.db, null, { cookies, now: opts.now, ip: opts.ip ?? freshIp() });
  await caller.auth.login({ login, password: TEST_PASSWORD });
  const token = cookies.get(DEFAULT_AUTH_CONFIG.cookieName);
  expect(token).toBeTruthy();
  return token!;
}

/** The outer context as fastify would build it, from a cookie. */
async function contextFromCookie(token: string, now?: () => Date) {
  const cookies = new FakeCookieJar();
  const createContext = makeCreateContext({
    db: testDb.db,
    auth: DEFAULT_AUTH_CONFIG,
    production: false,
    now,
  });
  const noop = () => {};
  const ctx: Context = await createContext({
    req: {
      id: 'req-1',
      ip: '203.0.113.9',
      headers: {},
      cookies: { [DEFAULT_AUTH_CONFIG.cookieName]: token },
      log: { info: noop, warn: noop, error: noop },
    },
    res: {
      setCookie: (name, value, options) => cookies.set(name, value, options),
      clearCookie: (name, options) => cookies.clear(name, options),
    },
  });
  return { ctx, cookies, caller: createCaller(ctx) };
}

describe('login', () => {
  test('by username: a new random token in an httpOnly SameSite=Lax cookie, only its hash stored', async () => {
    const user = await newPrincipal();
    const cookies = new FakeCookieJar();
    const me = await callerFor(testDb.db, null, { cookies, ip: freshIp() }).auth.login({
      login: user.username,
      password: TEST_PASSWORD,
    });
    expect(me).toMatchObject({
      id: user.id,
      role: 'principal',
      schoolId: w.schoolA1.id,
      schoolName: w.schoolA1.name,
      districtName: w.districtA.name,
    });
    const set = cookies.log.find((c) => c.op === 'set')!;
    expect(set.name).toBe('siklus_session');
    expect(set.options).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      path: '/',
    });
    // 32 bytes in base64url.
    expect(set.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await testDb.db
      .selectFrom('sessions')
      .select(['id', 'user_id'])
      .where('user_id', '=', user.id)
      .execute();
    expect(row).toEqual([{ id: sha256(set.value!), user_id: user.id }]);

    const second = await signIn(user.username);
    expect(second).not.toBe(set.value);
  });

  test('by email, case-insensitive, and the username case-insensitive too', async () => {
    const user = await newPrincipal();
    await signIn(user.email!.toUpperCase());
    await signIn(user.username.toUpperCase());
  });

  test('a wrong password or an unknown user: UNAUTHORIZED, the same words, audited, no session', async () => {
    const user = await newPrincipal();
    const anon = callerFor(testDb.db, null, { ip: freshIp() });
    const wrong = await anon.auth
      .login({ login: user.username, password: 'salah-sekali' })
      .catch((e: unknown) => e);
    const unknown = await anon.auth
      .login({ login: 'tidak.ada', password: 'salah-sekali' })
      .catch((e: unknown) => e);
    await expectOutcome(Promise.reject(wrong), 'UNAUTHORIZED');
    await expectOutcome(Promise.reject(unknown), 'UNAUTHORIZED');
    const messages = (e: unknown) => (e as { cause: { messages: unknown } }).cause.messages;
    expect(messages(wrong)).toEqual(messages(unknown));
    expect(messages(wrong)).toEqual({
      id: 'Nama pengguna/email atau kata sandi salah.',
      en: 'Wrong username/email or password.',
    });
    const audited = await testDb.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'ip'])
      .where('action', '=', 'auth.login_failed')
      .where('user_id', '=', user.id)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.ip).toMatch(/^198\.51\.100\./);
    const sessions = await testDb.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toHaveLength(0);
  });

  test('a deactivated user cannot sign in, even with the right password', async () => {
    const user = await newPrincipal();
    await testDb.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    const error = await callerFor(testDb.db, null, { ip: freshIp() })
      .auth.login({ login: user.username, password: TEST_PASSWORD })
      .catch((e: unknown) => e);
    await expectOutcome(Promise.reject(error), 'UNAUTHORIZED');
    // The generic words: "deactivated" would confirm the password (issue 13).
    expect((error as { cause: { messages: { en: string } } }).cause.messages.en).toBe(
      'Wrong username/email or password.',
    );
  });

  test('after 5 failures the account is locked, even for the right password, with a growing lock', async () => {
    const user = await newPrincipal();
    const c = clock();
    const attempt = (password: string) =>
      callerFor(testDb.db, null, { ip: freshIp(), now: c.now }).auth.login({
        login: user.username,
        password,
      });
    for (let i = 0; i < THROTTLE.accountFreeFailures; i++) {
      await expectOutcome(attempt('salah-sekali'), 'UNAUTHORIZED');
    }
    const locked = await attempt(TEST_PASSWORD).catch((e: unknown) => e);
    await expectOutcome(Promise.reject(locked), 'TOO_MANY_REQUESTS');
    expect((locked as { cause: { messages: { id: string } } }).cause.messages.id).toContain(
      'Coba lagi dalam',
    );

    c.advance(THROTTLE.baseLockMs + 1000);
    // One more failure after the lock doubles it.
    await expectOutcome(attempt('salah-sekali'), 'UNAUTHORIZED');
    c.advance(THROTTLE.baseLockMs + 1000);
    await expectOutcome(attempt(TEST_PASSWORD), 'TOO_MANY_REQUESTS');
    c.advance(THROTTLE.baseLockMs + 1000);
    await expectOutcome(attempt(TEST_PASSWORD), 'ok');
    // Success forgets the account's failures.
    await expectOutcome(attempt('salah-sekali'), 'UNAUTHORIZED');
    await expectOutcome(attempt(TEST_PASSWORD), 'ok');
  });

  test('one address trying many accounts is locked too', async () => {
    const ip = freshIp();
    const c = clock();
    for (let i = 0; i < THROTTLE.addressFreeFailures; i++) {
      await expectOutcome(
        callerFor(testDb.db, null, { ip, now: c.now }).auth.login({
          login: `tebakan${i}`,
          password: 'salah-sekali',
        }),
        'UNAUTHORIZED',
      );
    }
    const user = await newPrincipal();
    await expectOutcome(
      callerFor(testDb.db, null, { ip, now: c.now }).auth.login({
        login: user.username,
        password: TEST_PASSWORD,
      }),
      'TOO_MANY_REQUESTS',
    );
    // Another address is not affected.
    await signIn(user.username);
  });
});

describe('the throttle under concurrency (issue 13)', () => {
  /** Passwords verified and found wrong: each one is audited, a throttled attempt is not. */
  const verifiedFailures = async (userId: string) =>
    (
      await testDb.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'auth.login_failed')
        .where('user_id', '=', userId)
        .execute()
    ).length;

  test('30 parallel wrong guesses for one account verify at most 5 passwords', async () => {
    const user = await newPrincipal();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        callerFor(testDb.db, null, { ip: freshIp() })
          .auth.login({ login: user.username, password: 'salah-sekali' })
          .then(
            () => 'ok',
            (e: unknown) => (e as { code: string }).code,
          ),
      ),
    );
    const unauthorized = outcomes.filter((o) => o === 'UNAUTHORIZED').length;
    const throttled = outcomes.filter((o) => o === 'TOO_MANY_REQUESTS').length;
    expect(unauthorized + throttled).toBe(30);
    expect(unauthorized).toBeLessThanOrEqual(THROTTLE.accountFreeFailures);
    expect(await verifiedFailures(user.id)).toBe(unauthorized);
    // The right password waits out the lock like everyone else.
    await expectOutcome(
      callerFor(testDb.db, null, { ip: freshIp() }).auth.login({
        login: user.username,
        password: TEST_PASSWORD,
      }),
      'TOO_MANY_REQUESTS',
    );
  });

  test('the username and the email of one account share one lock', async () => {
    const user = await newPrincipal();
    const attempt = (login: string, password: string) =>
      callerFor(testDb.db, null, { ip: freshIp() }).auth.login({ login, password });
    for (let i = 0; i < THROTTLE.accountFreeFailures; i++) {
      const login = i % 2 === 0 ? user.username : user.email!.toUpperCase();
      await expectOutcome(attempt(login, 'salah-sekali'), 'UNAUTHORIZED');
    }
    await expectOutcome(attempt(user.email!, TEST_PASSWORD), 'TOO_MANY_REQUESTS');
    await expectOutcome(attempt(user.username, TEST_PASSWORD), 'TOO_MANY_REQUESTS');
    expect(await verifiedFailures(user.id)).toBe(THROTTLE.accountFreeFailures);
  });

  test('a deactivated account answers the same with the right password as with a wrong one', async () => {
    const user = await newPrincipal();
    await testDb.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    const answer = (password: string) =>
      callerFor(testDb.db, null, { ip: freshIp() })
        .auth.login({ login: user.username, password })
        .then(
          () => null,
          (e: unknown) => e as { code: string; cause: { messages: unknown } },
        );
    const right = await answer(TEST_PASSWORD);
    const wrong = await answer('salah-sekali');
    expect(right?.code).toBe('UNAUTHORIZED');
    expect(right?.cause.messages).toEqual(wrong?.cause.messages);
    expect(right?.cause.messages).toEqual({
      id: 'Nama pengguna/email atau kata sandi salah.',
      en: 'Wrong username/email or password.',
    });
  });

  test('successful sign-ins from one address (a school behind one NAT) never lock it', async () => {
    const ip = freshIp();
    const user = await newPrincipal();
    for (let i = 0; i < THROTTLE.addressFreeFailures + 3; i++) {
      await expectOutcome(
        callerFor(testDb.db, null, { ip }).auth.login({
          login: user.username,
          password: TEST_PASSWORD,
        }),
        'ok',
      );
    }
  });
});

describe('sessions', () => {
  test('the cookie resolves to the user; me answers; logout ends the session on the server', async () => {
    const user = await newPrincipal();
    const token = await signIn(user.username);
    const { ctx, caller } = await contextFromCookie(token);
    expect(ctx.user).toMatchObject({ id: user.id, role: 'principal', sessionId: sha256(token) });
    expect(await caller.auth.me()).toMatchObject({ id: user.id, username: user.username });

    await caller.auth.logout();
    const after = await contextFromCookie(token);
    expect(after.ctx.user).toBeNull();
    expect(after.cookies.log.some((c) => c.op === 'clear' && c.name === 'siklus_session')).toBe(
      true,
    );
    expect(await after.caller.auth.me()).toBeNull();
  });

  test('an unknown or absurd token is nobody', async () => {
    expect((await contextFromCookie('x'.repeat(43))).ctx.user).toBeNull();
    expect((await contextFromCookie('x'.repeat(5000))).ctx.user).toBeNull();
  });

  test('idle expiry: 12 hours without a request ends the session', async () => {
    const user = await newPrincipal();
    const c = clock();
    const token = await signIn(user.username, { now: c.now });
    c.advance(11 * HOUR);
    expect((await contextFromCookie(token, c.now)).ctx.user?.id).toBe(user.id);
    // That request counted as activity: another 11 hours is still fine.
    c.advance(11 * HOUR);
    expect((await contextFromCookie(token, c.now)).ctx.user?.id).toBe(user.id);
    c.advance(12 * HOUR + 1000);
    expect((await contextFromCookie(token, c.now)).ctx.user).toBeNull();
    const left = await testDb.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', sha256(token))
      .execute();
    expect(left).toHaveLength(0);
  });

  test('absolute expiry: 7 days after sign-in, however active', async () => {
    const user = await newPrincipal();
    const c = clock();
    const token = await signIn(user.username, { now: c.now });
    for (let i = 0; i < 15; i++) {
      c.advance(11 * HOUR);
      expect((await contextFromCookie(token, c.now)).ctx.user?.id).toBe(user.id);
    }
    c.advance(11 * HOUR); // 176 h > 168 h
    expect((await contextFromCookie(token, c.now)).ctx.user).toBeNull();
  });

  test('an expiry written in the row is honoured (sessions cut short by hand)', async () => {
    const user = await newPrincipal();
    const token = await signIn(user.username);
    await testDb.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', sha256(token))
      .execute();
    expect((await contextFromCookie(token)).ctx.user).toBeNull();
  });

  test('changing the password ends every other session, keeps this one', async () => {
    const user = await newPrincipal();
    const here = await signIn(user.username);
    const elsewhere = await signIn(user.username);
    const { caller } = await contextFromCookie(here);
    const result = await caller.auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: 'sandi-baru-yang-panjang',
    });
    expect(result.endedSessions).toBe(1);
    expect((await contextFromCookie(here)).ctx.user?.id).toBe(user.id);
    expect((await contextFromCookie(elsewhere)).ctx.user).toBeNull();
    await expectOutcome(
      callerFor(testDb.db, null, { ip: freshIp() }).auth.login({
        login: user.username,
        password: TEST_PASSWORD,
      }),
      'UNAUTHORIZED',
    );
    await callerFor(testDb.db, null, { ip: freshIp() }).auth.login({
      login: user.username,
      password: 'sandi-baru-yang-panjang',
    });
  });

  test('changing the password: the current one must be right, the new one 8+ characters', async () => {
    const user = await newPrincipal();
    const { caller } = await contextFromCookie(await signIn(user.username));
    const wrong = await caller.auth
      .changePassword({ currentPassword: 'bukan-ini', newPassword: 'sandi-baru-panjang' })
      .catch((e: unknown) => e);
    await expectOutcome(Promise.reject(wrong), 'BAD_REQUEST');
    expect((wrong as { cause: { field: string } }).cause.field).toBe('currentPassword');
    const short = await caller.auth
      .changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'pendek' })
      .catch((e: unknown) => e);
    expect((short as { code: string }).code).toBe('BAD_REQUEST');
    expect((short as { cause: { field: string; messages: { id: string } } }).cause).toMatchObject({
      field: 'newPassword',
    });
  });

  test('an admin deactivating a user ends their sessions at once', async () => {
    const user = await newPrincipal();
    const token = await signIn(user.username);
    await w.as('admin').users.setActive({ userId: user.id, active: false });
    expect((await contextFromCookie(token)).ctx.user).toBeNull();
    await expectOutcome(
      callerFor(testDb.db, null, { ip: freshIp() }).auth.login({
        login: user.username,
        password: TEST_PASSWORD,
      }),
      'UNAUTHORIZED',
    );
  });

  test('a deactivated user whose session somehow survived is still refused', async () => {
    const user = await newPrincipal();
    const token = await signIn(user.username);
    await testDb.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    expect((await contextFromCookie(token)).ctx.user).toBeNull();
  });

  test('an admin resetting a password or changing a role ends the sessions', async () => {
    const a = await newPrincipal();
    const tokenA = await signIn(a.username);
    await w.as('admin').users.resetPassword({ userId: a.id, newPassword: 'sandi-reset-panjang' });
    expect((await contextFromCookie(tokenA)).ctx.user).toBeNull();

    const b = await newPrincipal();
    const tokenB = await signIn(b.username);
    await w.as('admin').users.update({ userId: b.id, role: 'supervisor', schoolId: null });
    expect((await contextFromCookie(tokenB)).ctx.user).toBeNull();
  });
});

describe('a password an admin set (decision 019)', () => {
  /** Signs in with a given password and returns the cookie token. */
  async function signInWith(login: string, password: string) {
    const cookies = new FakeCookieJar();
    await callerFor(testDb.db, null, { cookies, ip: freshIp() }).auth.login({ login, password });
    return cookies.get(DEFAULT_AUTH_CONFIG.cookieName)!;
  }

  test('after a reset the user can do nothing but change it; then everything again', async () => {
    const user = await newPrincipal();
    await w.as('admin').users.resetPassword({ userId: user.id, newPassword: 'sandi-dari-admin' });
    const token = await signInWith(user.username, 'sandi-dari-admin');
    const { caller } = await contextFromCookie(token);
    expect(await caller.auth.me()).toMatchObject({ id: user.id, mustChangePassword: true });
    // Refused on the server, whatever the UI shows: reads, writes, their own account.
    for (const call of [
      caller.schools.list({}),
      caller.teachers.list({ schoolId: w.schoolA1.id }),
      caller.notifications.unreadCount(),
      caller.account.get(),
    ]) {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        cause: { details: { reason: 'PASSWORD_CHANGE_REQUIRED' } },
      });
    }
    await caller.auth.changePassword({
      currentPassword: 'sandi-dari-admin',
      newPassword: 'sandi-saya-sendiri',
    });
    const after = await contextFromCookie(token);
    expect(await after.caller.auth.me()).toMatchObject({ mustChangePassword: false });
    await expect(after.caller.schools.list({})).resolves.toBeTruthy();
    const audited = await testDb.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', user.id)
      .where('action', 'in', ['user.reset_password', 'auth.password_changed'])
      .orderBy('id')
      .execute();
    expect(audited).toMatchObject([
      { action: 'user.reset_password', after: { mustChangePassword: true } },
      { action: 'auth.password_changed', after: { wasForced: true } },
    ]);
  });

  test('a user an admin creates must change the password at the first sign-in', async () => {
    const username = `kepsek.baru${++ipCounter}`;
    await w.as('admin').users.create({
      username,
      fullName: 'Kepala Sekolah Baru',
      role: 'principal',
      schoolId: w.schoolA2.id,
      password: 'sandi-awal-2026',
    });
    const { caller } = await contextFromCookie(await signInWith(username, 'sandi-awal-2026'));
    await expectOutcome(caller.studies.list({ schoolId: w.schoolA2.id }), 'FORBIDDEN');
    // The same password again is refused: the admin knows it.
    await expectOutcome(
      caller.auth.changePassword({
        currentPassword: 'sandi-awal-2026',
        newPassword: 'sandi-awal-2026',
      }),
      'BAD_REQUEST',
    );
  });

  test('an admin resetting their own password is not forced (they chose it)', async () => {
    const admin = await makeUser(testDb.db, {
      role: 'admin',
      district_id: w.districtA.id,
      password_hash: await testPasswordHash(),
    });
    const { caller } = await contextFromCookie(await signIn(admin.username));
    await caller.users.resetPassword({ userId: admin.id, newPassword: 'sandi-admin-baru' });
    expect(await caller.auth.me()).toMatchObject({ mustChangePassword: false });
  });
});

describe('forgot password', () => {
  test('the answer is the same for a known and an unknown login; the known one tells its admins', async () => {
    const user = await newPrincipal();
    const anon = () => callerFor(testDb.db, null, { ip: freshIp() });
    const known = await anon().auth.passwordHelp({ login: user.username });
    const unknown = await anon().auth.passwordHelp({ login: 'tidak.ada.orangnya' });
    expect(unknown).toEqual(known);
    const districtA = known.districts.find((d) =>
      d.admins.some((a) => a.fullName === w.users.admin.full_name),
    );
    expect(districtA).toBeTruthy();
    const adminBell = await w.as('admin').notifications.list({});
    expect(adminBell.filter((n) => n.params.username === user.username)).toMatchObject([
      { kind: 'password_help', actorName: user.full_name },
    ]);
    // Asking again within the hour does not notify twice; the other district hears nothing.
    await anon().auth.passwordHelp({ login: user.email! });
    const again = await w.as('admin').notifications.list({});
    expect(again.filter((n) => n.params.username === user.username)).toHaveLength(1);
    const other = await w.as('adminOther').notifications.list({});
    expect(other.some((n) => n.params.username === user.username)).toBe(false);
  });
});
