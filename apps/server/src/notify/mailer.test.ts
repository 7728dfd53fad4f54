import { createServer as createNetServer } from 'node:net';
import { enqueueNotification, makeDigests } from '@siklus/db';
import { createTestDb, makeDistrict, makeSchool, makeUser, type TestDb } from '@siklus/db/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backoffMs, sendDueMail, smtpTransport } from './mailer';

/*
 * The outbox against a real SMTP server (smtp-server, in this process, on a free port):
 * each notification's mail delivered once in the recipient's language, a refused
 * connection retried with backoff once the server is up, and the day's digest as one mail.
 */

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on `port` (0: any) collecting what it receives. */
async function startSmtp(port = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (taken, then given back). */
async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const address = s.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return address.port;
}

/** The body of a mail as text (quoted-printable soft breaks joined). */
const textOf = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

let testDb: TestDb;
let districtId: string;
let actorId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  const district = await makeDistrict(testDb.db);
  districtId = district.id;
  const school = await makeSchool(testDb.db, { district_id: districtId });
  actorId = (
    await makeUser(testDb.db, {
      role: 'principal',
      district_id: districtId,
      school_id: school.id,
      full_name: 'Bu Lisda',
    })
  ).id;
});
afterAll(async () => {
  await testDb?.destroy();
});

let n = 0;
async function recipient(opts: { language: 'id' | 'en'; pref: 'immediate' | 'daily' }) {
  return makeUser(testDb.db, {
    role: 'supervisor',
    district_id: districtId,
    email: `pengawas${++n}.${Date.now()}@dinas.go.id`,
    language: opts.language,
    email_notifications: opts.pref,
  });
}

function notify(userId: string, params: { username?: string } = {}) {
  return testDb.db.transaction().execute((trx) =>
    enqueueNotification(trx, {
      districtId,
      kind: 'password_help',
      recipients: [userId],
      actorId,
      params: { username: 'kepsek.lisda', ...params },
    }),
  );
}

const sender = (port: number, now?: () => Date) => ({
  db: testDb.db,
  transport: smtpTransport(`smtp://127.0.0.1:${port}`),
  from: 'Siklus <siklus@dinas.go.id>',
  publicUrl: 'https://siklus.example.go.id',
  now,
});

describe('the outbox', () => {
  test('each notification is delivered once, in the recipient’s language', async () => {
    const smtp = await startSmtp();
    try {
      const en = await recipient({ language: 'en', pref: 'immediate' });
      const id = await recipient({ language: 'id', pref: 'immediate' });
      await notify(en.id);
      await notify(id.id);
      const first = await sendDueMail(sender(smtp.port));
      expect(first).toMatchObject({ sent: 2, failed: 0 });
      // A second round (or a second server process) finds nothing left to send.
      expect(await sendDueMail(sender(smtp.port))).toMatchObject({ sent: 0, failed: 0 });
      const toEn = smtp.received.filter((m) => m.to.includes(en.email!));
      const toId = smtp.received.filter((m) => m.to.includes(id.email!));
      expect(toEn).toHaveLength(1);
      expect(toId).toHaveLength(1);
      expect(textOf(toEn[0]!.raw)).toContain('Bu Lisda (kepsek.lisda) asked for help signing in');
      expect(textOf(toEn[0]!.raw)).toContain('https://siklus.example.go.id/admin/users');
      expect(textOf(toId[0]!.raw)).toContain('Bu Lisda (kepsek.lisda) meminta bantuan masuk');
      const rows = await testDb.db
        .selectFrom('email_outbox')
        .select(['status', 'attempts', 'message_id'])
        .where('user_id', 'in', [en.id, id.id])
        .execute();
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.message_id)).toBe(true);
    } finally {
      await smtp.close();
    }
  });

  test('two senders at once (two server processes) never send one row twice', async () => {
    const smtp = await startSmtp();
    try {
      const users = [];
      for (let i = 0; i < 6; i++)
        users.push(await recipient({ language: 'id', pref: 'immediate' }));
      for (const u of users) await notify(u.id);
      const results = await Promise.all([
        sendDueMail({ ...sender(smtp.port), batch: 4 }),
        sendDueMail({ ...sender(smtp.port), batch: 4 }),
        sendDueMail({ ...sender(smtp.port), batch: 4 }),
      ]);
      expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(6);
      for (const u of users) {
        expect(smtp.received.filter((m) => m.to.includes(u.email!))).toHaveLength(1);
      }
    } finally {
      await smtp.close();
    }
  });

  test('a refused connection is tried again after the backoff, then delivered once', async () => {
    const port = await freePort();
    const user = await recipient({ language: 'id', pref: 'immediate' });
    await notify(user.id);
    let t = Date.now();
    const now = () => new Date(t);
    // The mail server is down.
    expect(await sendDueMail(sender(port, now))).toMatchObject({ sent: 0, failed: 1 });
    const row = await testDb.db
      .selectFrom('email_outbox')
      .select(['status', 'attempts', 'last_error', 'next_attempt_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(new Date(row.next_attempt_at).getTime()).toBe(t + backoffMs(1));
    // Up again, but the backoff has not passed: nothing is tried.
    const smtp = await startSmtp(port);
    try {
      expect(await sendDueMail(sender(port, now))).toMatchObject({ sent: 0, failed: 0 });
      t += backoffMs(1) + 1;
      expect(await sendDueMail(sender(port, now))).toMatchObject({ sent: 1, failed: 0 });
      expect(smtp.received.filter((m) => m.to.includes(user.email!))).toHaveLength(1);
      expect(await sendDueMail(sender(port, now))).toMatchObject({ sent: 0 });
    } finally {
      await smtp.close();
    }
  });

  test('backoff doubles from 30 s and stops at an hour', () => {
    expect([1, 2, 3, 4, 8, 20].map(backoffMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
    ]);
  });

  test('a daily digest batches the day’s notifications into one mail', async () => {
    const smtp = await startSmtp();
    try {
      const user = await recipient({ language: 'en', pref: 'daily' });
      await notify(user.id, { username: 'kepsek.satu' });
      await notify(user.id, { username: 'kepsek.dua' });
      // Nothing is mailed at once for a daily reader.
      expect(await sendDueMail(sender(smtp.port))).toMatchObject({ sent: 0 });
      // 08:00 WIB tomorrow: the digest.
      const d = new Date();
      const at = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1, 1));
      await makeDigests(testDb.db, at);
      await sendDueMail(sender(smtp.port, () => at));
      const mails = smtp.received.filter((m) => m.to.includes(user.email!));
      expect(mails).toHaveLength(1);
      const text = textOf(mails[0]!.raw);
      expect(text).toContain('Siklus: 2 notifications');
      expect(text).toContain('kepsek.satu');
      expect(text).toContain('kepsek.dua');
    } finally {
      await smtp.close();
    }
  });
});
