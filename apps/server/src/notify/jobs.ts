import { type DB, makeDigests, notifyDueFollowUps, notifyWaitingCycles } from '@siklus/db';
import type { Kysely } from 'kysely';
import { type MailTransport, sendDueMail, smtpTransport } from './mailer';

/*
 * The notification jobs of the server process (docs/decisions/019), on one interval:
 * cycles waiting too long for review, follow-up plans (RTL) falling due, the daily digests (only with mail on) and the
 * outbox. Each step is idempotent (dedupe keys, unique digests, claimed rows), so a second
 * server process running the same jobs does no harm.
 */

export interface JobsOptions {
  db: Kysely<DB>;
  /** null: e-mail is off (no SMTP_URL); in-app notifications still happen. */
  mail: { transport: MailTransport; from: string; publicUrl: string | undefined } | null;
  log: { warn(obj: object, msg?: string): void; info(obj: object, msg?: string): void };
  now?: () => Date;
}

/** One round of every job; a failing step is logged and the others still run. */
export async function runNotificationJobs(o: JobsOptions): Promise<void> {
  const now = o.now ?? (() => new Date());
  const step = async (name: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      o.log.warn({ err: error, job: name }, 'notification job failed');
    }
  };
  await step('waiting', () => notifyWaitingCycles(o.db, now()));
  await step('follow-ups', () => notifyDueFollowUps(o.db, now()));
  const mail = o.mail;
  if (mail) {
    await step('digests', () => makeDigests(o.db, now()));
    await step('outbox', async () => {
      const r = await sendDueMail({ db: o.db, ...mail, now });
      if (r.sent + r.failed + r.skipped > 0) o.log.info(r, 'notification mail');
    });
  }
}

/** Runs the jobs now and every `intervalMs` (one round at a time); returns a stop function. */
export function startNotificationJobs(
  o: JobsOptions & { intervalMs: number },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= runNotificationJobs(o).finally(() => {
      running = null;
    });
  };
  // A first round at start: what waited while the server was down is not held back.
  tick();
  const timer = setInterval(tick, o.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    o.mail?.transport.close?.();
  };
}

/** Where mail goes, for a start-up line: the SMTP host without credentials, or "off". */
export function describeMail(env: { SMTP_URL?: string | undefined; MAIL_FROM: string }): string {
  if (!env.SMTP_URL) return 'off (no SMTP_URL): notifications are in-app only';
  const url = new URL(env.SMTP_URL);
  return `${url.protocol}//${url.host} from ${env.MAIL_FROM}`;
}

/** The jobs as the environment configures them (main.ts and demo.ts). */
export function startNotificationJobsFromEnv(
  env: {
    SMTP_URL?: string | undefined;
    MAIL_FROM: string;
    PUBLIC_URL?: string | undefined;
    NOTIFY_INTERVAL_MS: number;
  },
  db: Kysely<DB>,
  log: JobsOptions['log'],
  publicUrl = env.PUBLIC_URL,
): () => Promise<void> {
  return startNotificationJobs({
    db,
    log,
    intervalMs: env.NOTIFY_INTERVAL_MS,
    mail: env.SMTP_URL
      ? { transport: smtpTransport(env.SMTP_URL), from: env.MAIL_FROM, publicUrl }
      : null,
  });
}
