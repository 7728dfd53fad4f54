import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * A district's kecamatan list (issue 15, migration 2026-12-02T0300-subdistrict-list).
 * Names are unique per district once case is folded; `schools.subdistrict` is a foreign key
 * into the list, so a rename here reaches every school that has the kecamatan.
 */
export interface SubdistrictItem {
  id: string;
  districtId: string;
  name: string;
  active: boolean;
  /** Schools (active or not) that name it. */
  schoolCount: number;
}

function subdistrictQuery(db: Executor) {
  return db
    .selectFrom('subdistricts as k')
    .select((eb) => [
      'k.id',
      'k.district_id as districtId',
      'k.name',
      'k.active',
      eb
        .selectFrom('schools as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.district_id', '=', 'k.district_id')
        .whereRef('s.subdistrict', '=', 'k.name')
        .as('schoolCount'),
    ]);
}

const toItem = (r: Omit<SubdistrictItem, 'schoolCount'> & { schoolCount: number | null }) => ({
  ...r,
  schoolCount: Number(r.schoolCount ?? 0),
});

/** The district's kecamatan by name; without `includeInactive`, only those offered for schools. */
export async function listSubdistrictItems(
  db: Executor,
  districtId: string,
  opts: { includeInactive?: boolean } = {},
): Promise<SubdistrictItem[]> {
  let q = subdistrictQuery(db).where('k.district_id', '=', districtId);
  if (!opts.includeInactive) q = q.where('k.active', '=', true);
  const rows = await q.orderBy(sql`lower(k.name)`).orderBy('k.name').execute();
  return rows.map(toItem);
}

export async function getSubdistrict(
  db: Executor,
  id: string,
): Promise<SubdistrictItem | undefined> {
  const row = await subdistrictQuery(db).where('k.id', '=', id).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/** The district's kecamatan a typed name means, case and surrounding spaces folded. */
export async function findSubdistrictByName(
  db: Executor,
  districtId: string,
  name: string,
): Promise<SubdistrictItem | undefined> {
  const row = await subdistrictQuery(db)
    .where('k.district_id', '=', districtId)
    .where(sql`lower(k.name)`, '=', name.trim().toLowerCase())
    .executeTakeFirst();
  return row ? toItem(row) : undefined;
}

export async function insertSubdistrict(
  db: Executor,
  s: { districtId: string; name: string },
): Promise<SubdistrictItem> {
  const { id } = await db
    .insertInto('subdistricts')
    .values({ district_id: s.districtId, name: s.name.trim() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getSubdistrict(db, id))!;
}

/** Renames or (de)activates; a rename reaches the district's schools by the foreign key. */
export async function updateSubdistrict(
  db: Executor,
  id: string,
  patch: { name?: string; active?: boolean },
): Promise<SubdistrictItem | undefined> {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
  };
  if (Object.keys(set).length > 0) {
    await db.updateTable('subdistricts').set(set).where('id', '=', id).execute();
  }
  return getSubdistrict(db, id);
}

/**
 * Adds the names a district's schools are about to be written with when the list lacks
 * them (the demo seed, synthetic districts, test factories); a name already there in any
 * case is left as it is.
 */
export async function ensureSubdistricts(
  db: Executor,
  districtId: string,
  names: readonly string[],
): Promise<void> {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
  if (unique.length === 0) return;
  await db
    .insertInto('subdistricts')
    .values(unique.map((name) => ({ district_id: districtId, name })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
