import { makeDigests, notifyWaitingCycles } from '@siklus/db';
import { createTestDb, makeUser, type TestDb } from '@siklus/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { callerFor } from '../testing/callers';
import { expectOutcome } from '../testing/matrix';
import { makeWorld, type World } from '../testing/world';

/*
 * Who is told of what (decision 019): a submission the district's supervisors, a decision
 * the school's principal, a long wait the supervisors once; each person reads and marks
 * only their own; e-mail is queued in the event's transaction, once.
 */

let testDb: TestDb;
let w: World;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

async function submittedCycle() {
  const made = await makeStudyWithCycle(testDb.db, {
    districtId: w.districtA.id,
    schoolId: w.schoolA1.id,
  });
  const principal = w.as('principalOwn');
  const saved = await principal.cycles.upsertObservation({
    cycleId: made.cycle.id,
    version: 1,
    teacherId: made.teachers[0]!.id,
    kind: 'indicators',
    scores: { A1: 3, A2: 4, B1: 2, B2: 3 },
  });
  const submitted = await principal.cycles.submit({
    cycleId: made.cycle.id,
    version: saved.version,
  });
  return { ...made, version: submitted.version };
}

const about = async (actor: Parameters<World['as']>[0], cycleId: string) =>
  (await w.as(actor).notifications.list({ limit: 100 })).filter((n) => n.cycleId === cycleId);

describe('who gets what', () => {
  test('a submission tells the district supervisors, nobody else', async () => {
    const { cycle } = await submittedCycle();
    const mine = await about('supervisor', cycle.id);
    expect(mine).toMatchObject([
      {
        kind: 'cycle_submitted',
        cycleOrdinal: cycle.ordinal,
        schoolName: w.schoolA1.name,
        actorName: w.users.principalOwn.full_name,
        readAt: null,
      },
    ]);
    for (const actor of ['principalOwn', 'principalOther', 'supervisorOther', 'admin'] as const) {
      expect(await about(actor, cycle.id), actor).toEqual([]);
    }
  });

  test('returned, approved and reopened tell the school principal, with the comment', async () => {
    const { cycle, version } = await submittedCycle();
    const returned = await w.as('supervisor').review.return({
      cycleId: cycle.id,
      version,
      comment: 'Lengkapi catatan refleksi.',
    });
    const resubmitted = await w
      .as('principalOwn')
      .cycles.submit({ cycleId: cycle.id, version: returned.version });
    const approved = await w.as('supervisor').review.approve({
      cycleId: cycle.id,
      version: resubmitted.version,
      confirmLock: true,
    });
    await w.as('admin').review.reopen({
      cycleId: cycle.id,
      version: approved.version,
      reason: 'Skor guru 2 salah ketik.',
    });
    const principal = await about('principalOwn', cycle.id);
    expect(principal.map((n) => [n.kind, n.comment]).reverse()).toEqual([
      ['cycle_returned', 'Lengkapi catatan refleksi.'],
      ['cycle_approved', null],
      ['cycle_reopened', 'Skor guru 2 salah ketik.'],
    ]);
    expect(await about('principalOther', cycle.id)).toEqual([]);
    // The supervisor heard of both submissions, not of their own decisions.
    expect((await about('supervisor', cycle.id)).map((n) => n.kind)).toEqual([
      'cycle_submitted',
      'cycle_submitted',
    ]);
  });

  test('a move that fails writes no notification (same transaction)', async () => {
    const { cycle, version } = await submittedCycle();
    await expectOutcome(
      w.as('supervisor').review.return({ cycleId: cycle.id, version: version - 1, comment: 'x' }),
      'CONFLICT',
    );
    expect(await about('principalOwn', cycle.id)).toEqual([]);
  });
});

describe('read state and scope', () => {
  test('mark read, mark all read; nobody reads or marks another person’s', async () => {
    await submittedCycle();
    await submittedCycle();
    const sup = w.as('supervisor');
    const before = (await sup.notifications.unreadCount()).unread;
    expect(before).toBeGreaterThanOrEqual(2);
    const [first] = await sup.notifications.list({ unreadOnly: true });
    // Another supervisor (other district) and a principal cannot mark it.
    expect(
      (await w.as('supervisorOther').notifications.markRead({ notificationIds: [first!.id] }))
        .marked,
    ).toBe(0);
    expect(
      (await w.as('principalOwn').notifications.markRead({ notificationIds: [first!.id] })).marked,
    ).toBe(0);
    expect((await sup.notifications.unreadCount()).unread).toBe(before);
    expect((await sup.notifications.markRead({ notificationIds: [first!.id] })).marked).toBe(1);
    expect((await sup.notifications.unreadCount()).unread).toBe(before - 1);
    const unread = await sup.notifications.list({ unreadOnly: true });
    expect(unread.some((n) => n.id === first!.id)).toBe(false);
    await sup.notifications.markAllRead();
    expect((await sup.notifications.unreadCount()).unread).toBe(0);
    // Nobody else's list ever holds the supervisor's rows.
    const theirs = new Set((await sup.notifications.list({ limit: 100 })).map((n) => n.id));
    for (const actor of ['principalOwn', 'supervisorOther', 'admin', 'adminOther'] as const) {
      const other = await w.as(actor).notifications.list({ limit: 100 });
      expect(
        other.some((n) => theirs.has(n.id)),
        actor,
      ).toBe(false);
    }
  });
});

describe('a cycle waiting for review', () => {
  test('after N days (per district) the supervisors are told once per submission', async () => {
    const { cycle } = await submittedCycle();
    await testDb.db
      .updateTable('districts')
      .set({ review_wait_days: 3 })
      .where('id', '=', w.districtA.id)
      .execute();
    const submittedAt = Date.now();
    const day = 86_400_000;
    await notifyWaitingCycles(testDb.db, new Date(submittedAt + 2 * day));
    expect((await about('supervisor', cycle.id)).map((n) => n.kind)).toEqual(['cycle_submitted']);
    await notifyWaitingCycles(testDb.db, new Date(submittedAt + 4 * day));
    await notifyWaitingCycles(testDb.db, new Date(submittedAt + 5 * day));
    const waiting = (await about('supervisor', cycle.id)).filter((n) => n.kind === 'cycle_waiting');
    expect(waiting).toMatchObject([{ params: { days: 4 } }]);
    expect(await about('supervisorOther', cycle.id)).toEqual([]);
    expect(await about('principalOwn', cycle.id)).toEqual([]);
  });

  test('the admin sets N (1-365), audited', async () => {
    const admin = w.as('admin');
    expect((await admin.district.setReviewWaitDays({ days: 10 })).reviewWaitDays).toBe(10);
    await expectOutcome(admin.district.setReviewWaitDays({ days: 0 }), 'BAD_REQUEST');
    const entry = await testDb.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'district.review_wait_days')
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ days: 10 });
    await admin.district.setReviewWaitDays({ days: 7 });
  });
});

describe('e-mail queue', () => {
  async function supervisorWithMail(pref: 'immediate' | 'daily' | 'off') {
    const user = await makeUser(testDb.db, {
      role: 'supervisor',
      district_id: w.districtA.id,
      email: `pengawas.${pref}.${Date.now()}@dinas.go.id`,
      email_notifications: pref,
    });
    return user;
  }
  const outboxOf = (userId: string) =>
    testDb.db
      .selectFrom('email_outbox')
      .select(['id', 'kind', 'notification_id', 'digest_date'])
      .where('user_id', '=', userId)
      .execute();

  test('immediate: one outbox row per notification, in the same transaction; daily/off: none yet', async () => {
    const now = await supervisorWithMail('immediate');
    const daily = await supervisorWithMail('daily');
    const off = await supervisorWithMail('off');
    const { cycle } = await submittedCycle();
    const rows = await outboxOf(now.id);
    const mine = (await w.as('supervisor').notifications.list({})).length;
    expect(mine).toBeGreaterThan(0);
    expect(rows).toHaveLength(1);
    const n = await testDb.db
      .selectFrom('notifications')
      .select(['id', 'outbox_id'])
      .where('user_id', '=', now.id)
      .where('cycle_id', '=', cycle.id)
      .executeTakeFirstOrThrow();
    expect(rows[0]).toMatchObject({ kind: 'immediate', notification_id: n.id });
    expect(n.outbox_id).toBe(rows[0]!.id);
    expect(await outboxOf(daily.id)).toEqual([]);
    expect(await outboxOf(off.id)).toEqual([]);
  });

  test('daily: one digest a local day after 07:00, carrying every unread notification once', async () => {
    const daily = await supervisorWithMail('daily');
    await submittedCycle();
    await submittedCycle();
    // 06:30 WIB = 23:30 UTC the day before: too early.
    const today = new Date();
    const at = (utcHour: number, dayOffset = 0) =>
      new Date(
        Date.UTC(
          today.getUTCFullYear(),
          today.getUTCMonth(),
          today.getUTCDate() + 1 + dayOffset,
          utcHour,
          30,
        ),
      );
    expect(await makeDigests(testDb.db, at(-1))).toBe(0);
    expect(await outboxOf(daily.id)).toEqual([]);
    // 07:30 WIB: one digest for the user, holding both; again the same day: nothing more.
    await makeDigests(testDb.db, at(0));
    await makeDigests(testDb.db, at(5));
    const digests = await outboxOf(daily.id);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ kind: 'digest' });
    const carried = await testDb.db
      .selectFrom('notifications')
      .select('id')
      .where('outbox_id', '=', digests[0]!.id)
      .execute();
    expect(carried).toHaveLength(2);
    // The next day nothing new: no empty digest.
    await makeDigests(testDb.db, at(0, 1));
    expect(await outboxOf(daily.id)).toHaveLength(1);
  });
});

describe('the account page', () => {
  test('reads and changes name, e-mail, language and notifications; bad e-mail refused', async () => {
    const user = await makeUser(testDb.db, { role: 'supervisor', district_id: w.districtA.id });
    const me = callerFor(testDb.db, user);
    expect(await me.account.get()).toMatchObject({
      username: user.username,
      email: null,
      language: 'id',
      emailNotifications: 'immediate',
    });
    const updated = await me.account.update({
      fullName: 'Dra. Siti Aminah',
      email: 'Siti.Aminah@Dinas.go.id',
      language: 'en',
      emailNotifications: 'daily',
    });
    expect(updated).toMatchObject({
      fullName: 'Dra. Siti Aminah',
      email: 'siti.aminah@dinas.go.id',
      language: 'en',
      emailNotifications: 'daily',
    });
    const bad = await me.account
      .update({ fullName: 'X Y', email: 'bukan-email', language: 'id', emailNotifications: 'off' })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'email' } });
    const entry = await testDb.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'account.update')
      .where('entity_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ email: null, language: 'id' });
    expect(entry.after).toMatchObject({ email: 'siti.aminah@dinas.go.id', language: 'en' });
  });
});
