import { randomUUID } from 'node:crypto';
import type { DB, FileStore, Me } from '@siklus/db';
import type { TRole } from '@siklus/domain';
import type { Kysely } from 'kysely';
import { resolveSession } from './auth/session';

/** The roles are the domain's (`ROLES`); re-exported under the name the API has used. */
export type Role = TRole;

/** The signed-in person as every procedure sees them. */
export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  districtId: string;
  schoolId: string | null;
  /** The session this request came with; null for callers built in tests without one. */
  sessionId: string | null;
  /** An admin set the password: only changing it is allowed (trpc.ts, decision 019). */
  mustChangePassword?: boolean;
  /** What `auth.me` answers, read with the session (absent for callers built in tests). */
  me?: Me;
}

export interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'lax' | 'strict';
  path: string;
  maxAge?: number;
}

/** What a procedure may do to the response: set or clear the session cookie, nothing else. */
export interface CookieJar {
  set(name: string, value: string, options: CookieOptions): void;
  clear(name: string, options: CookieOptions): void;
}

export interface AuthConfig {
  /** `siklus_session`, or `__Host-siklus_session` when the cookie is Secure. */
  cookieName: string;
  secure: boolean;
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  cookieName: 'siklus_session',
  secure: false,
  idleTimeoutMs: 12 * 60 * 60 * 1000,
  absoluteTimeoutMs: 7 * 24 * 60 * 60 * 1000,
};

export function authConfig(opts: {
  secure: boolean;
  idleTimeoutMs?: number;
  absoluteTimeoutMs?: number;
}): AuthConfig {
  return {
    cookieName: opts.secure ? '__Host-siklus_session' : 'siklus_session',
    secure: opts.secure,
    idleTimeoutMs: opts.idleTimeoutMs ?? DEFAULT_AUTH_CONFIG.idleTimeoutMs,
    absoluteTimeoutMs: opts.absoluteTimeoutMs ?? DEFAULT_AUTH_CONFIG.absoluteTimeoutMs,
  };
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface InnerContextOptions {
  db: Kysely<DB>;
  user?: SessionUser | null;
  requestId?: string;
  ip?: string | null;
  userAgent?: string | null;
  cookies?: CookieJar;
  auth?: AuthConfig;
  /** Production hides internals from error responses. */
  production?: boolean;
  log?: Logger;
  /** The clock, so tests can move time for expiry and throttling. */
  now?: () => Date;
  /** Where evidence files' bytes live; without one, procedures that need it fail. */
  files?: FileStore;
}

export interface Context {
  db: Kysely<DB>;
  user: SessionUser | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  cookies: CookieJar;
  auth: AuthConfig;
  production: boolean;
  log: Logger;
  now: () => Date;
  files: FileStore;
}

/** The store of a context built without one: every use says so, nothing is written. */
const noFileStore: FileStore = {
  kind: 'local',
  location: '(none)',
  put: () => Promise.reject(new Error('no file store configured')),
  get: () => Promise.reject(new Error('no file store configured')),
  has: () => Promise.reject(new Error('no file store configured')),
  delete: () => Promise.reject(new Error('no file store configured')),
  list: () => {
    throw new Error('no file store configured');
  },
};

const noopCookies: CookieJar = { set() {}, clear() {} };
const noopLog: Logger = { info() {}, warn() {}, error() {} };

/** The context without HTTP: tests and scripts build this one directly. */
export function createInnerContext(opts: InnerContextOptions): Context {
  return {
    db: opts.db,
    user: opts.user ?? null,
    requestId: opts.requestId ?? randomUUID(),
    ip: opts.ip ?? null,
    userAgent: opts.userAgent ?? null,
    cookies: opts.cookies ?? noopCookies,
    auth: opts.auth ?? DEFAULT_AUTH_CONFIG,
    production: opts.production ?? false,
    log: opts.log ?? noopLog,
    now: opts.now ?? (() => new Date()),
    files: opts.files ?? noFileStore,
  };
}

/**
 * The slice of a fastify request/reply the API needs, typed structurally so this package
 * does not depend on fastify (with @fastify/cookie registered, both fit).
 */
export interface HttpRequestLike {
  id: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string | undefined>;
  log: Logger;
}
export interface HttpReplyLike {
  setCookie(name: string, value: string, options: CookieOptions): unknown;
  clearCookie(name: string, options: CookieOptions): unknown;
}

export interface OuterContextDeps {
  db: Kysely<DB>;
  auth: AuthConfig;
  production: boolean;
  now?: () => Date;
  /** Required by the server; tests of sessions alone may leave it out. */
  files?: FileStore;
}

/** The outer context: cookie -> session -> user, for each HTTP request. */
export function makeCreateContext(deps: OuterContextDeps) {
  return async ({ req, res }: { req: HttpRequestLike; res: HttpReplyLike }): Promise<Context> => {
    const cookies: CookieJar = {
      set: (name, value, options) => {
        res.setCookie(name, value, options);
      },
      clear: (name, options) => {
        res.clearCookie(name, options);
      },
    };
    const ua = req.headers['user-agent'];
    const inner = createInnerContext({
      db: deps.db,
      requestId: req.id,
      ip: req.ip,
      userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null,
      cookies,
      auth: deps.auth,
      production: deps.production,
      log: req.log,
      now: deps.now,
      files: deps.files,
    });
    const token = req.cookies[deps.auth.cookieName];
    if (token) inner.user = await resolveSession(inner, token);
    return inner;
  };
}
