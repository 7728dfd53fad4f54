import type { TEmailNotifications, TLang, TRole } from '@siklus/domain';
import type { Kysely, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import { iso } from '../iso';
import type { DB } from '../schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** What the API may show of a user: never the password hash. */
export interface UserSummary {
  id: string;
  username: string;
  email: string | null;
  fullName: string;
  /** The 18-digit NIP printed in a report's signature block, or null. */
  nip: string | null;
  role: TRole;
  districtId: string;
  schoolId: string | null;
  schoolName: string | null;
  active: boolean;
  /** ISO date-time: the API sends JSON without a transformer. */
  createdAt: string;
}

function userSummaryQuery(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('schools', 'schools.id', 'users.school_id')
    .select([
      'users.id',
      'users.username',
      'users.email',
      'users.full_name as fullName',
      'users.nip',
      'users.role',
      'users.district_id as districtId',
      'users.school_id as schoolId',
      'schools.name as schoolName',
      'users.active',
      'users.created_at as createdAt',
    ]);
}

function toSummary(
  row: Omit<UserSummary, 'createdAt'> & { createdAt: Date | string },
): UserSummary {
  return { ...row, createdAt: iso(row.createdAt) };
}

/** For sign-in only: the one query that reads the password hash. */
export async function findUserForLogin(db: Executor, login: string) {
  const l = login.trim().toLowerCase();
  const row = await db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'full_name as fullName',
      'role',
      'district_id as districtId',
      'school_id as schoolId',
      'active',
      'password_hash as passwordHash',
    ])
    .where((eb) => eb.or([eb('username', '=', l), eb(sql`lower(email)`, '=', l)]))
    .executeTakeFirst();
  return row;
}

/** What `auth.me` answers: the signed-in user with the names a screen shows. */
const ME_COLUMNS = [
  'users.id',
  'users.username',
  'users.full_name as fullName',
  'users.role',
  'users.district_id as districtId',
  'districts.name as districtName',
  'districts.time_zone as timeZone',
  'users.school_id as schoolId',
  'schools.name as schoolName',
  'users.language',
  'users.must_change_password as mustChangePassword',
] as const;

/**
 * users -> districts -> schools with the columns `auth.me` answers with; the session
 * lookup (sessions.ts) reads it in the same query as the session itself.
 */
export function meQuery(db: Executor) {
  return db
    .selectFrom('users')
    .innerJoin('districts', 'districts.id', 'users.district_id')
    .leftJoin('schools', (j) =>
      j
        .onRef('schools.id', '=', 'users.school_id')
        .onRef('schools.district_id', '=', 'users.district_id'),
    )
    .select(ME_COLUMNS);
}

export type Me = NonNullable<Awaited<ReturnType<ReturnType<typeof meQuery>['executeTakeFirst']>>>;

export async function getMe(db: Executor, userId: string): Promise<Me | undefined> {
  return meQuery(db)
    .where('users.id', '=', userId)
    .where('users.active', '=', true)
    .executeTakeFirst();
}

export async function getPasswordHash(db: Executor, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

/**
 * Sets a password. `mustChange`: an admin set it, so the user must choose their own at the
 * next sign-in (decision 019); a user changing their own clears the flag.
 */
export async function setPasswordHash(
  db: Executor,
  userId: string,
  passwordHash: string,
  at: Date = new Date(),
  mustChange = false,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: at, must_change_password: mustChange })
    .where('id', '=', userId)
    .execute();
}

export async function getUserSummary(db: Executor, id: string): Promise<UserSummary | undefined> {
  const row = await userSummaryQuery(db).where('users.id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

export async function listUsers(
  db: Executor,
  f: {
    districtId: string;
    role?: TRole | undefined;
    schoolId?: string | undefined;
    active?: boolean | undefined;
    search?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: UserSummary[]; total: number }> {
  let q = userSummaryQuery(db).where('users.district_id', '=', f.districtId);
  if (f.role) q = q.where('users.role', '=', f.role);
  if (f.schoolId) q = q.where('users.school_id', '=', f.schoolId);
  if (f.active !== undefined) q = q.where('users.active', '=', f.active);
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('users.username', 'ilike', like),
        eb('users.full_name', 'ilike', like),
        eb('users.email', 'ilike', like),
      ]),
    );
  }
  const [items, total] = await Promise.all([
    q.orderBy('users.username').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(toSummary), total: Number(total.n) };
}

export async function insertUser(
  db: Executor,
  u: {
    districtId: string;
    schoolId: string | null;
    username: string;
    email: string | null;
    fullName: string;
    passwordHash: string;
    role: TRole;
    /** An admin chose the password: the user replaces it at the next sign-in. */
    mustChangePassword?: boolean;
  },
): Promise<UserSummary> {
  const { id } = await db
    .insertInto('users')
    .values({
      district_id: u.districtId,
      school_id: u.schoolId,
      username: u.username,
      email: u.email,
      full_name: u.fullName,
      password_hash: u.passwordHash,
      role: u.role,
      must_change_password: u.mustChangePassword ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getUserSummary(db, id))!;
}

export async function updateUser(
  db: Executor,
  id: string,
  patch: {
    role?: TRole;
    schoolId?: string | null;
    fullName?: string;
    email?: string | null;
    nip?: string | null;
  },
): Promise<UserSummary | undefined> {
  const set: Updateable<DB['users']> = {};
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.schoolId !== undefined) set.school_id = patch.schoolId;
  if (patch.fullName !== undefined) set.full_name = patch.fullName;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.nip !== undefined) set.nip = patch.nip;
  if (Object.keys(set).length > 0) {
    await db.updateTable('users').set(set).where('id', '=', id).execute();
  }
  return getUserSummary(db, id);
}

export async function setUserActive(db: Executor, id: string, active: boolean): Promise<void> {
  await db.updateTable('users').set({ active }).where('id', '=', id).execute();
}

/** The account page's read: what the user may see and change of their own account. */
export async function getAccount(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'full_name as fullName',
      'nip',
      'email',
      'language',
      'email_notifications as emailNotifications',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function updateAccount(
  db: Executor,
  userId: string,
  patch: {
    fullName: string;
    email: string | null;
    language: TLang;
    emailNotifications: TEmailNotifications;
    /** Left as it is when undefined. */
    nip?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      full_name: patch.fullName,
      email: patch.email,
      language: patch.language,
      email_notifications: patch.emailNotifications,
      ...(patch.nip === undefined ? {} : { nip: patch.nip }),
    })
    .where('id', '=', userId)
    .execute();
}

/** The district's active admins, as the "forgot password" answer names them. */
export async function districtAdminContacts(db: Executor) {
  const rows = await db
    .selectFrom('users')
    .innerJoin('districts', 'districts.id', 'users.district_id')
    .select([
      'districts.id as districtId',
      'districts.name as districtName',
      'users.full_name as fullName',
      'users.email',
    ])
    .where('users.role', '=', 'admin')
    .where('users.active', '=', true)
    .orderBy('districts.name')
    .orderBy('users.full_name')
    .execute();
  const byDistrict = new Map<
    string,
    { districtName: string; admins: { fullName: string; email: string | null }[] }
  >();
  for (const r of rows) {
    const d = byDistrict.get(r.districtId) ?? { districtName: r.districtName, admins: [] };
    d.admins.push({ fullName: r.fullName, email: r.email });
    byDistrict.set(r.districtId, d);
  }
  return [...byDistrict.values()];
}

/** Ids of a district's active admins. */
export async function districtAdminIds(db: Executor, districtId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('district_id', '=', districtId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}
