import { createTestDb, type TestDb } from '@siklus/db/testing';
import { isAppError } from '@siklus/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectOutcome } from '../testing/matrix';
import { makeWorld, TEST_PASSWORD, type World } from '../testing/world';

/*
 * The sign-in rules of issue 8 not covered elsewhere: no account exists until someone
 * makes one, every password a person sets has 8+ characters, a successful sign-in is in
 * the audit log (failures are in auth.test.ts), and so is a FORBIDDEN refusal (NOT_FOUND in
 * role-matrix.test.ts).
 */

let testDb: TestDb;
let w: World;
let usersBeforeAnyoneMadeOne = -1;
beforeAll(async () => {
  testDb = await createTestDb();
  const { n } = await testDb.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  usersBeforeAnyoneMadeOne = Number(n);
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

test('a migrated database has no accounts at all (no default logins outside the demo seed)', () => {
  expect(usersBeforeAnyoneMadeOne).toBe(0);
});

describe('passwords of at least 8 characters wherever one is set', () => {
  const short = 'pendek7';

  async function refusedAtField(call: Promise<unknown>, field: string) {
    const err = await call.then(
      () => null,
      (e: unknown) => e,
    );
    const cause = (err as { cause?: unknown } | null)?.cause;
    expect(isAppError(cause)).toBe(true);
    expect(cause).toMatchObject({ code: 'BAD_REQUEST', field });
  }

  test('an admin creating a user', async () => {
    await refusedAtField(
      w.as('admin').users.create({
        username: 'kata.sandi.pendek',
        fullName: 'Sandi Pendek',
        role: 'supervisor',
        password: short,
      }),
      'password',
    );
    const n = await testDb.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'kata.sandi.pendek')
      .execute();
    expect(n).toHaveLength(0);
  });

  test('an admin resetting a password, and a person changing theirs', async () => {
    await refusedAtField(
      w.as('admin').users.resetPassword({ userId: w.users.supervisor.id, newPassword: short }),
      'newPassword',
    );
    await refusedAtField(
      w
        .as('supervisor')
        .auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: short }),
      'newPassword',
    );
    // Eight is enough.
    await expectOutcome(
      w.as('admin').users.resetPassword({ userId: w.users.supervisor.id, newPassword: 'delapan8' }),
      'ok',
    );
    await w.resetPassword(w.users.supervisor.id);
  });
});

test('a successful sign-in is audited with who, from where', async () => {
  const user = w.users.principalOwn;
  await w
    .as('anon', { ip: '203.0.113.77' })
    .auth.login({ login: user.username, password: TEST_PASSWORD });
  const row = await testDb.db
    .selectFrom('audit_log')
    .select(['action', 'user_id', 'ip', 'entity_id'])
    .where('action', '=', 'auth.login')
    .where('user_id', '=', user.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  expect(row).toMatchObject({ action: 'auth.login', ip: '203.0.113.77', entity_id: user.id });
});

test('a FORBIDDEN refusal (a principal reaching into another school) is audited', async () => {
  await expectOutcome(w.as('principalOwn').teachers.list({ schoolId: w.schoolA2.id }), 'FORBIDDEN');
  const row = await testDb.db
    .selectFrom('audit_log')
    .select(['action', 'entity', 'entity_id', 'after'])
    .where('action', '=', 'access.refused')
    .where('user_id', '=', w.users.principalOwn.id)
    .where('entity_id', '=', w.schoolA2.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  expect(row).toMatchObject({ entity: 'schoolId' });
  expect(JSON.stringify(row?.after)).toContain('teachers.list');
});
