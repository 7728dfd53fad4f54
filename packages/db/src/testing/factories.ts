import {
  classify,
  PTS_DEFAULT_BANDS,
  type TBandSet,
  type TRubricDefinition,
  type TSuccessCriteria,
} from '@siklus/domain';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { jsonb } from '../json';
import { ensureSubdistricts } from '../repositories/subdistricts';
import type {
  CyclesTable,
  DB,
  ObservationsTable,
  SchoolsTable,
  StudiesTable,
  TeachersTable,
  UsersTable,
} from '../schema';

/*
 * Factories for tests: each inserts one row with sensible defaults, creating the parents
 * it needs when they are not given, and returns the inserted row. Overrides use column
 * names. Counters keep NPSNs and names unique within a database.
 */

type Db = Kysely<DB> | Transaction<DB>;

let counter = 0;
const next = () => ++counter;
// A random start keeps NPSNs apart when two test files share one Postgres database.
const npsnBase = 10_000_000 + Math.floor(Math.random() * 80_000_000);

export function uniqueNpsn(): string {
  return String(npsnBase + next());
}

export const DEFAULT_CRITERIA: TSuccessCriteria = {
  criteria: [
    { kind: 'mean', op: '>=', value: '71.00' },
    { kind: 'bandShare', op: '>=', percent: '80.00', band: 'Baik' },
  ],
};

export async function makeDistrict(db: Db, overrides: { name?: string; province?: string } = {}) {
  return db
    .insertInto('districts')
    .values({
      name: overrides.name ?? `Kabupaten Uji ${next()}`,
      province: overrides.province ?? 'Jawa Barat',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function hasSubdistrictList(db: Db): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`
    select to_regclass('subdistricts') is not null as present`.execute(db);
  return rows[0]?.present ?? false;
}

export async function makeSchool(db: Db, overrides: Partial<Insertable<SchoolsTable>> = {}) {
  const districtId = overrides.district_id ?? (await makeDistrict(db)).id;
  const n = next();
  // A school names a kecamatan of its district's list (a foreign key): make sure it is there
  // (unless a migration test stepped the schema back to before the list existed).
  if (await hasSubdistrictList(db)) {
    await ensureSubdistricts(db, districtId, [overrides.subdistrict ?? 'Cibinong']);
  }
  return db
    .insertInto('schools')
    .values({
      npsn: uniqueNpsn(),
      name: `SD Negeri Uji ${n}`,
      subdistrict: 'Cibinong',
      ...overrides,
      district_id: districtId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeUser(db: Db, overrides: Partial<Insertable<UsersTable>> = {}) {
  const role = overrides.role ?? 'supervisor';
  let districtId = overrides.district_id;
  let schoolId = overrides.school_id;
  if (role === 'principal' && schoolId === undefined) {
    const school = await makeSchool(db, districtId ? { district_id: districtId } : {});
    schoolId = school.id;
    districtId = school.district_id;
  }
  districtId ??= (await makeDistrict(db)).id;
  const n = next();
  return db
    .insertInto('users')
    .values({
      username: `pengguna${n}`,
      full_name: `Pengguna Uji ${n}`,
      // Not a real hash: tests that sign in set their own.
      password_hash: 'not-a-hash',
      ...overrides,
      role,
      district_id: districtId,
      school_id: schoolId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeTeacher(db: Db, overrides: Partial<Insertable<TeachersTable>> = {}) {
  const school = overrides.school_id
    ? { id: overrides.school_id, district_id: overrides.district_id }
    : await makeSchool(db, overrides.district_id ? { district_id: overrides.district_id } : {});
  const districtId =
    school.district_id ??
    (
      await db
        .selectFrom('schools')
        .select('district_id')
        .where('id', '=', school.id)
        .executeTakeFirstOrThrow()
    ).district_id;
  const n = next();
  return db
    .insertInto('teachers')
    .values({
      name: `Guru Uji ${n}, S.Pd`,
      class_name: `Guru Kelas ${((n - 1) % 6) + 1}`,
      sort_order: n,
      ...overrides,
      district_id: districtId,
      school_id: school.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

type VersionOverrides = {
  district_id?: string;
  status?: 'draft' | 'published';
  version?: number;
  name?: string;
  created_by?: string | null;
};

async function versionParent(
  db: Db,
  table: 'rubrics' | 'band_sets' | 'criteria_sets',
  districtId: string,
  name: string | undefined,
) {
  return db
    .insertInto(table)
    .values({ district_id: districtId, name: name ?? `${table} ${next()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
}

function versionFields(o: VersionOverrides) {
  const status = o.status ?? 'published';
  return {
    version: o.version ?? 1,
    status,
    published_at: status === 'published' ? new Date() : null,
    created_by: o.created_by ?? null,
  };
}

export async function makeRubricVersion(
  db: Db,
  overrides: VersionOverrides & { definition?: TRubricDefinition } = {},
) {
  const districtId = overrides.district_id ?? (await makeDistrict(db)).id;
  const parent = await versionParent(db, 'rubrics', districtId, overrides.name);
  return db
    .insertInto('rubric_versions')
    .values({
      district_id: districtId,
      rubric_id: parent.id,
      definition: jsonb(overrides.definition ?? { mode: 'summary' }),
      ...versionFields(overrides),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeBandSetVersion(
  db: Db,
  overrides: VersionOverrides & { bands?: TBandSet } = {},
) {
  const districtId = overrides.district_id ?? (await makeDistrict(db)).id;
  const parent = await versionParent(db, 'band_sets', districtId, overrides.name);
  return db
    .insertInto('band_set_versions')
    .values({
      district_id: districtId,
      band_set_id: parent.id,
      bands: jsonb(overrides.bands ?? PTS_DEFAULT_BANDS),
      ...versionFields(overrides),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeCriteriaVersion(
  db: Db,
  overrides: VersionOverrides & { criteria?: TSuccessCriteria } = {},
) {
  const districtId = overrides.district_id ?? (await makeDistrict(db)).id;
  const parent = await versionParent(db, 'criteria_sets', districtId, overrides.name);
  return db
    .insertInto('criteria_set_versions')
    .values({
      district_id: districtId,
      criteria_set_id: parent.id,
      criteria: jsonb(overrides.criteria ?? DEFAULT_CRITERIA),
      ...versionFields(overrides),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeStudy(db: Db, overrides: Partial<Insertable<StudiesTable>> = {}) {
  let districtId = overrides.district_id;
  let schoolId = overrides.school_id;
  if (!schoolId) {
    const school = await makeSchool(db, districtId ? { district_id: districtId } : {});
    schoolId = school.id;
    districtId = school.district_id;
  }
  districtId ??= (
    await db
      .selectFrom('schools')
      .select('district_id')
      .where('id', '=', schoolId)
      .executeTakeFirstOrThrow()
  ).district_id;
  const scope = { district_id: districtId };
  return db
    .insertInto('studies')
    .values({
      title: `Penelitian Uji ${next()}`,
      focus: 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif',
      school_year: '2024/2025',
      semester: 'ganjil',
      ...overrides,
      rubric_version_id: overrides.rubric_version_id ?? (await makeRubricVersion(db, scope)).id,
      band_set_version_id:
        overrides.band_set_version_id ?? (await makeBandSetVersion(db, scope)).id,
      criteria_set_version_id:
        overrides.criteria_set_version_id ?? (await makeCriteriaVersion(db, scope)).id,
      district_id: districtId,
      school_id: schoolId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeCycle(db: Db, overrides: Partial<Insertable<CyclesTable>> = {}) {
  const study = overrides.study_id
    ? await db
        .selectFrom('studies')
        .select(['id', 'district_id'])
        .where('id', '=', overrides.study_id)
        .executeTakeFirstOrThrow()
    : await makeStudy(db, overrides.district_id ? { district_id: overrides.district_id } : {});
  const status = overrides.status ?? 'draft';
  return db
    .insertInto('cycles')
    .values({
      ordinal: 0,
      ...overrides,
      status,
      approved_at: overrides.approved_at ?? (status === 'approved' ? new Date() : null),
      review_comment:
        overrides.review_comment ?? (status === 'returned' ? 'Lengkapi catatan refleksi.' : null),
      district_id: study.district_id,
      study_id: study.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The band set a cycle's study was fixed with. */
export async function bandSetOfCycle(db: Db, cycleId: string): Promise<TBandSet> {
  const row = await db
    .selectFrom('cycles')
    .innerJoin('studies', 'studies.id', 'cycles.study_id')
    .innerJoin('band_set_versions', 'band_set_versions.id', 'studies.band_set_version_id')
    .select('band_set_versions.bands')
    .where('cycles.id', '=', cycleId)
    .executeTakeFirstOrThrow();
  return row.bands;
}

/**
 * An observation. Give `percentage` (two places); the band is classified by the domain
 * package with the study's band set unless given.
 */
export async function makeObservation(
  db: Db,
  overrides: Partial<Insertable<ObservationsTable>> & { cycle_id: string },
) {
  const cycle = await db
    .selectFrom('cycles')
    .innerJoin('studies', 'studies.id', 'cycles.study_id')
    .select(['cycles.district_id', 'studies.school_id'])
    .where('cycles.id', '=', overrides.cycle_id)
    .executeTakeFirstOrThrow();
  const teacherId =
    overrides.teacher_id ??
    (await makeTeacher(db, { district_id: cycle.district_id, school_id: cycle.school_id })).id;
  const percentage = overrides.percentage ?? '75.00';
  const band =
    overrides.band ?? classify(await bandSetOfCycle(db, overrides.cycle_id), percentage).label;
  return db
    .insertInto('observations')
    .values({
      ...overrides,
      percentage,
      band,
      teacher_id: teacherId,
      district_id: overrides.district_id ?? cycle.district_id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
