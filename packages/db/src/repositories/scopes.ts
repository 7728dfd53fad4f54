import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema';

/*
 * What the API's scope check needs of a row: its district and its school (null for a
 * district-level row). Each reads two ids, nothing else; packages/api/src/trpc.ts decides.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface RowScope {
  districtId: string;
  schoolId: string | null;
}

export async function schoolScopeOf(
  db: Db,
  id: string,
): Promise<(RowScope & { id: string }) | undefined> {
  return db
    .selectFrom('schools')
    .select(['id', 'district_id as districtId', 'id as schoolId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function teacherScopeOf(db: Db, id: string): Promise<RowScope | undefined> {
  return db
    .selectFrom('teachers')
    .select(['district_id as districtId', 'school_id as schoolId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function studyScopeOf(db: Db, id: string): Promise<RowScope | undefined> {
  return db
    .selectFrom('studies')
    .select(['district_id as districtId', 'school_id as schoolId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function cycleScopeOf(db: Db, id: string): Promise<RowScope | undefined> {
  return db
    .selectFrom('cycles')
    .innerJoin('studies', 'studies.id', 'cycles.study_id')
    .select(['cycles.district_id as districtId', 'studies.school_id as schoolId'])
    .where('cycles.id', '=', id)
    .executeTakeFirst();
}

/** A user row as a scope: admins manage users of their own district only. */
export async function userScopeOf(db: Db, id: string): Promise<RowScope | undefined> {
  return db
    .selectFrom('users')
    .select(['district_id as districtId', 'school_id as schoolId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A configuration version: a district-level row (no school). */
export async function configVersionScopeOf(
  db: Db,
  table: 'rubric_versions' | 'band_set_versions' | 'criteria_set_versions',
  id: string,
): Promise<RowScope | undefined> {
  const row = await db
    .selectFrom(table)
    .select(['district_id as districtId'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { districtId: row.districtId, schoolId: null } : undefined;
}

/** A kecamatan of the district's list: a district-level row (admins of the district). */
export async function subdistrictScopeOf(db: Db, id: string): Promise<RowScope | undefined> {
  const row = await db
    .selectFrom('subdistricts')
    .select(['district_id as districtId'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { districtId: row.districtId, schoolId: null } : undefined;
}

/** `select 1`: whether the database answers at all (the caller sets the deadline). */
export async function selectOne(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
