import {
  claimOutbox,
  type DB,
  expireStaleOutbox,
  markOutboxFailed,
  markOutboxSent,
  type NotificationItem,
  outboxMessage,
} from '@siklus/db';
import { digestEmail, notificationEmail, notificationTarget, type TEmail } from '@siklus/domain';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';

/*
 * The outbox's sender (docs/decisions/019). Runs in the server process, never inside a
 * request: claims due rows (FOR UPDATE SKIP LOCKED, with a lease), renders each in the
 * recipient's language as it stands now, sends it, and marks it sent; a failure is tried
 * again with exponential backoff until MAX_ATTEMPTS.
 */

/** The slice of a nodemailer transport the sender needs (tests pass a real one too). */
export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
  }): Promise<{ messageId?: string }>;
  close?(): void;
}

export function smtpTransport(url: string): MailTransport {
  // Bounded waits: a dead mail server must not hold a claimed row past its lease.
  return nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 3_600_000;
/** Longer than a send can take (the socket timeout), so no live send loses its claim. */
export const LEASE_MS = 5 * 60_000;
/** Mail not sent within this long is dropped rather than sent stale. */
const MAX_AGE_MS = 3 * 86_400_000;

/** After the n-th failed attempt: 30 s, 1 min, 2 min, ... up to an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);
}

export interface SenderOptions {
  db: Kysely<DB>;
  transport: MailTransport;
  from: string;
  /** Links in mail: `${publicUrl}/cycles/...`; none without it. */
  publicUrl: string | undefined;
  now?: () => Date;
  batch?: number;
}

function linkOf(publicUrl: string | undefined, item: NotificationItem): string | null {
  const target = notificationTarget(item);
  if (!publicUrl || !target) return null;
  return `${publicUrl}${target.app === 'admin' ? '/admin' : ''}${target.path}`;
}

/** Sends what is due; returns what happened to each claimed row. */
export async function sendDueMail(
  o: SenderOptions,
): Promise<{ sent: number; failed: number; skipped: number }> {
  const now = o.now ?? (() => new Date());
  const outcome = { sent: 0, failed: 0, skipped: 0 };
  await expireStaleOutbox(o.db, { before: new Date(now().getTime() - MAX_AGE_MS) });
  const claimed = await claimOutbox(o.db, { now: now(), limit: o.batch ?? 20, leaseMs: LEASE_MS });
  for (const row of claimed) {
    const message = await outboxMessage(o.db, row.id);
    if (!message) {
      // No address any more, deactivated, or nothing left to say: nothing to send.
      await markOutboxFailed(o.db, { id: row.id, error: 'no recipient or content', retryAt: null });
      outcome.skipped += 1;
      continue;
    }
    const mail: TEmail =
      row.kind === 'digest' && message.digestDate
        ? digestEmail(
            message.items.map((item) => ({
              facts: item,
              link: linkOf(o.publicUrl, item),
              at: new Date(item.createdAt),
            })),
            message.language,
            message.timeZone,
            message.digestDate,
          )
        : notificationEmail(
            message.items[0]!,
            message.language,
            linkOf(o.publicUrl, message.items[0]!),
          );
    try {
      const info = await o.transport.sendMail({ from: o.from, to: message.to, ...mail });
      await markOutboxSent(o.db, { id: row.id, at: now(), messageId: info.messageId ?? null });
      outcome.sent += 1;
    } catch (error) {
      const retryAt =
        row.attempts >= MAX_ATTEMPTS ? null : new Date(now().getTime() + backoffMs(row.attempts));
      await markOutboxFailed(o.db, {
        id: row.id,
        error: error instanceof Error ? error.message : String(error),
        retryAt,
      });
      outcome.failed += 1;
    }
  }
  return outcome;
}
