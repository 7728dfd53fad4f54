import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DB, type FileStore, LocalFileStore } from '@siklus/db';
import { recordingQueries } from '@siklus/db/testing';
import type { Kysely } from 'kysely';
import {
  type AuthConfig,
  type Context,
  type CookieJar,
  type CookieOptions,
  createInnerContext,
  type Role,
  type SessionUser,
} from '../context';
import { createCaller } from '../root';

/** Records what a procedure did to the cookies, as a browser would keep them. */
export class FakeCookieJar implements CookieJar {
  readonly jar = new Map<string, { value: string; options: CookieOptions }>();
  readonly log: { op: 'set' | 'clear'; name: string; value?: string; options: CookieOptions }[] =
    [];
  set(name: string, value: string, options: CookieOptions): void {
    this.jar.set(name, { value, options });
    this.log.push({ op: 'set', name, value, options });
  }
  clear(name: string, options: CookieOptions): void {
    this.jar.delete(name);
    this.log.push({ op: 'clear', name, options });
  }
  get(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }
}

/** A user row from the factories (snake_case) or a SessionUser (camelCase). */
export type UserLike =
  | SessionUser
  | {
      id: string;
      username: string;
      full_name?: string;
      fullName?: string;
      role: Role;
      district_id?: string;
      districtId?: string;
      school_id?: string | null;
      schoolId?: string | null;
    };

export function toSessionUser(user: UserLike, sessionId: string | null = null): SessionUser {
  if ('sessionId' in user) return { ...user, sessionId: user.sessionId ?? sessionId };
  const districtId = user.districtId ?? user.district_id;
  if (districtId === undefined) throw new Error(`toSessionUser: ${user.username} has no district`);
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName ?? user.full_name ?? user.username,
    role: user.role,
    districtId,
    schoolId: user.schoolId ?? user.school_id ?? null,
    sessionId,
  };
}

export interface CallerOptions {
  cookies?: FakeCookieJar;
  ip?: string | null;
  now?: () => Date;
  auth?: AuthConfig;
  production?: boolean;
  /** Default: one store in a temporary directory, shared by this test file's callers. */
  files?: FileStore;
}

let sharedFiles: FileStore | null = null;

/** The temporary file store callers use unless given one (one per test process). */
export function testFileStore(): FileStore {
  sharedFiles ??= new LocalFileStore(mkdtempSync(join(tmpdir(), 'siklus-api-files-')));
  return sharedFiles;
}

export type Caller = ReturnType<typeof createCaller>;

/**
 * A tRPC caller acting as `user` (null: signed out) against a test database, through the
 * same middlewares as HTTP. Returns the context too, so a test can read the cookies.
 */
export function callerFor(
  db: Kysely<DB>,
  user: UserLike | null,
  opts: CallerOptions = {},
): Caller & { ctx: Context; cookies: FakeCookieJar } {
  const cookies = opts.cookies ?? new FakeCookieJar();
  const ctx = createInnerContext({
    // Recorded for the district_id check when SIKLUS_QUERY_LOG is set (test:district).
    db: recordingQueries(db),
    user: user ? toSessionUser(user) : null,
    cookies,
    ip: opts.ip === undefined ? '203.0.113.7' : opts.ip,
    userAgent: 'vitest',
    auth: opts.auth,
    now: opts.now,
    production: opts.production,
    files: opts.files ?? testFileStore(),
  });
  return Object.assign(createCaller(ctx), { ctx, cookies });
}
