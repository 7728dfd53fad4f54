import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

type Executor = Kysely<DB> | Transaction<DB>;

export interface TeacherSummary {
  id: string;
  schoolId: string;
  name: string;
  className: string | null;
  nip: string | null;
  nuptk: string | null;
  gender: 'L' | 'P' | null;
  active: boolean;
  sortOrder: number;
}

function teacherQuery(db: Executor) {
  return db
    .selectFrom('teachers')
    .select([
      'id',
      'school_id as schoolId',
      'name',
      'class_name as className',
      'nip',
      'nuptk',
      'gender',
      'active',
      'sort_order as sortOrder',
    ]);
}

export async function getTeacher(db: Executor, id: string): Promise<TeacherSummary | undefined> {
  return teacherQuery(db).where('id', '=', id).executeTakeFirst();
}

/** A teacher with the school they teach at, for a trajectory's heading. */
export async function getTeacherWithSchool(db: Executor, id: string) {
  return db
    .selectFrom('teachers as t')
    .innerJoin('schools as s', 's.id', 't.school_id')
    .select([
      't.id',
      't.name',
      't.class_name as className',
      't.active',
      's.id as schoolId',
      's.name as schoolName',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/** The roster in its printed order; a teacher who left stays listed when asked for. */
export async function listTeachers(
  db: Executor,
  f: { schoolId: string; includeInactive?: boolean | undefined },
): Promise<TeacherSummary[]> {
  let q = teacherQuery(db).where('school_id', '=', f.schoolId);
  if (!f.includeInactive) q = q.where('active', '=', true);
  return q.orderBy('sort_order').orderBy('name').execute();
}

export async function insertTeacher(
  db: Executor,
  t: {
    districtId: string;
    schoolId: string;
    name: string;
    className: string | null;
    nip: string | null;
    nuptk: string | null;
    gender?: 'L' | 'P' | null | undefined;
    sortOrder?: number | undefined;
  },
): Promise<TeacherSummary> {
  let sortOrder = t.sortOrder;
  if (sortOrder === undefined) {
    const row = await db
      .selectFrom('teachers')
      .select((eb) => eb.fn.max('sort_order').as('max'))
      .where('school_id', '=', t.schoolId)
      .executeTakeFirst();
    sortOrder = (row?.max ?? 0) + 1;
  }
  const { id } = await db
    .insertInto('teachers')
    .values({
      district_id: t.districtId,
      school_id: t.schoolId,
      name: t.name,
      class_name: t.className,
      nip: t.nip,
      nuptk: t.nuptk,
      gender: t.gender ?? null,
      sort_order: sortOrder,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getTeacher(db, id))!;
}

export async function updateTeacher(
  db: Executor,
  id: string,
  patch: {
    name?: string;
    className?: string | null;
    nip?: string | null;
    nuptk?: string | null;
    gender?: 'L' | 'P' | null;
    sortOrder?: number;
    active?: boolean;
  },
): Promise<TeacherSummary | undefined> {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.className !== undefined ? { class_name: patch.className } : {}),
    ...(patch.nip !== undefined ? { nip: patch.nip } : {}),
    ...(patch.nuptk !== undefined ? { nuptk: patch.nuptk } : {}),
    ...(patch.gender !== undefined ? { gender: patch.gender } : {}),
    ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
  };
  if (Object.keys(set).length > 0) {
    await db.updateTable('teachers').set(set).where('id', '=', id).execute();
  }
  return getTeacher(db, id);
}

/**
 * Which of these NIPs already belong to a teacher of the district (a roster import's
 * preview names the clash before the unique index refuses the write).
 */
export async function findTeachersByNip(
  db: Executor,
  districtId: string,
  nips: string[],
): Promise<(TeacherSummary & { schoolName: string })[]> {
  if (nips.length === 0) return [];
  return db
    .selectFrom('teachers as t')
    .innerJoin('schools as s', 's.id', 't.school_id')
    .select([
      't.id',
      't.school_id as schoolId',
      't.name',
      't.class_name as className',
      't.nip',
      't.nuptk',
      't.gender',
      't.active',
      't.sort_order as sortOrder',
      's.name as schoolName',
    ])
    .where('t.district_id', '=', districtId)
    .where('t.nip', 'in', nips)
    .execute();
}

/**
 * Adds teachers to a school's roster in one statement, after its last one, in the given
 * order (a roster import). Call inside the transaction that audits it.
 */
export async function insertTeachers(
  db: Executor,
  districtId: string,
  schoolId: string,
  teachers: {
    name: string;
    className: string | null;
    nip: string | null;
    nuptk: string | null;
    gender: 'L' | 'P' | null;
  }[],
): Promise<{ id: string; name: string }[]> {
  if (teachers.length === 0) return [];
  const last = await db
    .selectFrom('teachers')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  const start = (last?.max ?? 0) + 1;
  return db
    .insertInto('teachers')
    .values(
      teachers.map((t, i) => ({
        district_id: districtId,
        school_id: schoolId,
        name: t.name,
        class_name: t.className,
        nip: t.nip,
        nuptk: t.nuptk,
        gender: t.gender,
        sort_order: start + i,
      })),
    )
    .returning(['id', 'name'])
    .execute();
}
