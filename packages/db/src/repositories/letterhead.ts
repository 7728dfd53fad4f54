import type { TLetterhead } from '@siklus/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

/** The district's letterhead (kop surat) as stored; every field null until the admin sets it. */
export interface LetterheadRow {
  office: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  place: string | null;
  /** The logo's key in the file store, or null. */
  logoSha256: string | null;
}

export async function getLetterhead(db: Db, districtId: string): Promise<LetterheadRow> {
  return db
    .selectFrom('districts')
    .select([
      'letterhead_office as office',
      'letterhead_address as address',
      'letterhead_phone as phone',
      'letterhead_email as email',
      'letterhead_website as website',
      'letterhead_place as place',
      'logo_sha256 as logoSha256',
    ])
    .where('id', '=', districtId)
    .executeTakeFirstOrThrow();
}

/** Sets the text of the letterhead; returns what it was (for the audit's before/after). */
export async function setLetterhead(
  db: Db,
  districtId: string,
  letterhead: TLetterhead,
): Promise<{ before: LetterheadRow }> {
  const before = await db
    .selectFrom('districts')
    .select('id')
    .where('id', '=', districtId)
    .forUpdate()
    .executeTakeFirstOrThrow()
    .then(() => getLetterhead(db, districtId));
  await db
    .updateTable('districts')
    .set({
      letterhead_office: letterhead.office,
      letterhead_address: letterhead.address,
      letterhead_phone: letterhead.phone,
      letterhead_email: letterhead.email,
      letterhead_website: letterhead.website,
      letterhead_place: letterhead.place,
    })
    .where('id', '=', districtId)
    .execute();
  return { before };
}

/** Points the district at a stored logo (or none); returns the previous key. */
export async function setDistrictLogo(
  db: Db,
  districtId: string,
  sha256: string | null,
): Promise<{ before: string | null }> {
  const row = await db
    .selectFrom('districts')
    .select('logo_sha256')
    .where('id', '=', districtId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('districts')
    .set({ logo_sha256: sha256 })
    .where('id', '=', districtId)
    .execute();
  return { before: row.logo_sha256 };
}

/** The file-store keys of every district's logo (kept by the orphan sweep and backups). */
export async function logoFileKeys(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('districts')
    .select('logo_sha256')
    .where('logo_sha256', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.logo_sha256 ? [r.logo_sha256] : []));
}

export interface ReportSigner {
  fullName: string;
  nip: string | null;
}

/**
 * Who signs a study's report: the school's principal (the active principal account of
 * the school, the longest-standing if there are two) and the supervisor who approved the
 * study's latest approved cycle ("Mengetahui, Pengawas Sekolah"); null where there is none.
 */
export async function reportSigners(
  db: Db,
  studyId: string,
): Promise<{ principal: ReportSigner | null; supervisor: ReportSigner | null }> {
  const [principal, supervisor] = await Promise.all([
    db
      .selectFrom('studies')
      .innerJoin('users', 'users.school_id', 'studies.school_id')
      .select(['users.full_name as fullName', 'users.nip'])
      .where('studies.id', '=', studyId)
      .where('users.role', '=', 'principal')
      .where('users.active', '=', true)
      .orderBy('users.created_at')
      .orderBy('users.id')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('cycles')
      .innerJoin('users', 'users.id', 'cycles.reviewed_by')
      .select(['users.full_name as fullName', 'users.nip'])
      .where('cycles.study_id', '=', studyId)
      .where('cycles.status', '=', 'approved')
      .where('users.role', '=', 'supervisor')
      .orderBy('cycles.ordinal', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { principal: principal ?? null, supervisor: supervisor ?? null };
}
