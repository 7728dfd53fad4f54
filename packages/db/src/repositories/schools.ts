import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../schema';

type Executor = Kysely<DB> | Transaction<DB>;

export interface SchoolSummary {
  id: string;
  districtId: string;
  npsn: string;
  name: string;
  subdistrict: string;
  active: boolean;
  teacherCount: number;
}

function schoolQuery(db: Executor) {
  return db
    .selectFrom('schools')
    .select((eb) => [
      'schools.id',
      'schools.district_id as districtId',
      'schools.npsn',
      'schools.name',
      'schools.subdistrict',
      'schools.active',
      eb
        .selectFrom('teachers')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('teachers.school_id', '=', 'schools.id')
        .where('teachers.active', '=', true)
        .as('teacherCount'),
    ]);
}

type SchoolRow = Omit<SchoolSummary, 'teacherCount'> & { teacherCount: number | null };
const toSummary = (r: SchoolRow): SchoolSummary => ({
  ...r,
  teacherCount: Number(r.teacherCount ?? 0),
});

export async function getSchool(db: Executor, id: string): Promise<SchoolSummary | undefined> {
  const row = await schoolQuery(db).where('schools.id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

export async function listSchools(
  db: Executor,
  f: {
    districtId: string;
    /** A principal sees only their own school. */
    onlySchoolId?: string | undefined;
    search?: string | undefined;
    subdistrict?: string | undefined;
    active?: boolean | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: SchoolSummary[]; total: number }> {
  let q = schoolQuery(db).where('schools.district_id', '=', f.districtId);
  if (f.onlySchoolId) q = q.where('schools.id', '=', f.onlySchoolId);
  if (f.subdistrict) q = q.where('schools.subdistrict', '=', f.subdistrict);
  if (f.active !== undefined) q = q.where('schools.active', '=', f.active);
  if (f.search) {
    const s = f.search.trim();
    const like = `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('schools.npsn', 'like', `${s.replace(/[\\%_]/g, '')}%`),
        eb('schools.name', 'ilike', like),
      ]),
    );
  }
  const [items, total] = await Promise.all([
    q
      .orderBy('schools.subdistrict')
      .orderBy('schools.name')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(toSummary), total: Number(total.n) };
}

export async function getDistrictName(db: Executor, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('districts')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name;
}

/**
 * The district's kecamatan names for filters, from the list the admin keeps (deactivated
 * ones too: schools may still have them).
 */
export async function listSubdistricts(db: Executor, districtId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('subdistricts')
    .select('name')
    .where('district_id', '=', districtId)
    .orderBy(sql`lower(name)`)
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

export interface NewSchoolInput {
  districtId: string;
  npsn: string;
  name: string;
  subdistrict: string;
}

export async function insertSchool(db: Executor, s: NewSchoolInput): Promise<SchoolSummary> {
  const { id } = await db
    .insertInto('schools')
    .values({ district_id: s.districtId, npsn: s.npsn, name: s.name, subdistrict: s.subdistrict })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getSchool(db, id))!;
}

/** Many schools in one statement (the caller holds the transaction). */
export async function insertSchools(db: Executor, rows: NewSchoolInput[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const ids: string[] = [];
  // Chunks keep each statement under the parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await db
      .insertInto('schools')
      .values(
        chunk.map((s) => ({
          district_id: s.districtId,
          npsn: s.npsn,
          name: s.name,
          subdistrict: s.subdistrict,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Which of these NPSNs already exist (in any district: NPSN is national). */
export async function findExistingNpsns(db: Executor, npsns: string[]): Promise<Set<string>> {
  if (npsns.length === 0) return new Set();
  const rows = await db.selectFrom('schools').select('npsn').where('npsn', 'in', npsns).execute();
  return new Set(rows.map((r) => r.npsn));
}

export async function updateSchool(
  db: Executor,
  id: string,
  patch: { npsn?: string; name?: string; subdistrict?: string; active?: boolean },
): Promise<SchoolSummary | undefined> {
  const set = {
    ...(patch.npsn !== undefined ? { npsn: patch.npsn } : {}),
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.subdistrict !== undefined ? { subdistrict: patch.subdistrict } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
  };
  if (Object.keys(set).length > 0) {
    await db.updateTable('schools').set(set).where('id', '=', id).execute();
  }
  return getSchool(db, id);
}
