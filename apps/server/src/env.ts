import { fileStoreEnvShape } from '@siklus/db';
import { z } from 'zod';

/**
 * The server's configuration, validated once at start. Nothing else reads process.env:
 * everything below receives the parsed Env.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Postgres; unset means the embedded PGlite database in SIKLUS_DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    SIKLUS_DATA_DIR: z.string().min(1).optional(),
    /** Postgres: a statement running longer is cancelled and the request answers 503. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    /** Postgres: how long to wait for a new connection before answering 503. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    /** Secure cookie with the __Host- prefix. Defaults to on in production. */
    COOKIE_SECURE: bool.optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Behind a reverse proxy: trust X-Forwarded-* (true, a hop count, or a list of addresses). */
    TRUST_PROXY: z.string().optional(),
    /** Extra origins allowed to send mutations (comma-separated), e.g. a separate admin host. */
    ALLOWED_ORIGINS: z.string().optional(),
    SESSION_IDLE_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().max(90).default(7),
    /** Mail for notifications (smtp://user:pass@host:port or smtps://); unset: e-mail off. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    /** The sender of notification mail. */
    MAIL_FROM: z.string().min(3).default('Siklus <siklus@localhost>'),
    /** Where users reach Siklus (https://siklus.example.go.id): links in e-mails. */
    PUBLIC_URL: z.url().optional(),
    /** How often the notification jobs run (waiting cycles, digests, the outbox). */
    NOTIFY_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    /** Evidence files: SIKLUS_FILES_DIR, or an S3-compatible bucket (S3_*); decision 020. */
    ...fileStoreEnvShape,
  })
  .transform((e) => ({
    ...e,
    COOKIE_SECURE: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    ALLOWED_ORIGINS: (e.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    TRUST_PROXY: parseTrustProxy(e.TRUST_PROXY),
    PUBLIC_URL: e.PUBLIC_URL?.replace(/\/$/, ''),
  }));

function parseTrustProxy(v: string | undefined): boolean | number | string[] {
  if (v === undefined || v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim());
}

export type Env = z.output<typeof ZEnv>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = ZEnv.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Parses process.env, or prints what is wrong and exits 1. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  try {
    return parseEnv(source);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
