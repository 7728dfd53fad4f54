import type { TCycleStatus } from '@siklus/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { iso } from '../iso';
import type { AttachmentKind, AttachmentStage, DB } from '../schema';
import { logoFileKeys } from './letterhead';
import type { RowScope } from './scopes';

/*
 * Evidence files' rows (docs/decisions/020-evidence-files.md). The bytes are in the file
 * store under `sha256` / `thumb_sha256`; nothing here reads or writes them.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface AttachmentRow {
  id: string;
  cycleId: string;
  stage: AttachmentStage | null;
  teacherId: string | null;
  teacherName: string | null;
  fileName: string;
  kind: AttachmentKind;
  contentType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  uploadedBy: string | null;
  createdAt: string;
}

function attachmentColumns(db: Db) {
  return db
    .selectFrom('attachments as a')
    .leftJoin('teachers as t', 't.id', 'a.teacher_id')
    .leftJoin('users as u', 'u.id', 'a.uploaded_by')
    .select([
      'a.id',
      'a.cycle_id as cycleId',
      'a.stage',
      'a.teacher_id as teacherId',
      't.name as teacherName',
      'a.file_name as fileName',
      'a.kind',
      'a.content_type as contentType',
      'a.size_bytes as sizeBytes',
      'a.width',
      'a.height',
      'a.thumb_sha256',
      'u.full_name as uploadedBy',
      'a.created_at',
    ]);
}

type RawRow = Awaited<ReturnType<ReturnType<typeof attachmentColumns>['execute']>>[number];

function toRow({ thumb_sha256, created_at, ...r }: RawRow): AttachmentRow {
  return { ...r, hasThumbnail: thumb_sha256 !== null, createdAt: iso(created_at) };
}

/** A cycle's attachments, stages' and sheets' alike, oldest first. */
export async function listCycleAttachments(db: Db, cycleId: string): Promise<AttachmentRow[]> {
  const rows = await attachmentColumns(db)
    .where('a.cycle_id', '=', cycleId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(toRow);
}

export interface StudyAttachmentRow extends AttachmentRow {
  cycleOrdinal: number;
}

/** Every attachment of a study's cycles (the results chapter lists them). */
export async function listStudyAttachments(db: Db, studyId: string): Promise<StudyAttachmentRow[]> {
  const rows = await attachmentColumns(db)
    .innerJoin('cycles as c', 'c.id', 'a.cycle_id')
    .select('c.ordinal')
    .where('c.study_id', '=', studyId)
    .orderBy('c.ordinal')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(({ ordinal, ...r }) => ({ ...toRow(r), cycleOrdinal: ordinal }));
}

/** An attachment's district and school, for the API's scope check. */
export async function attachmentScopeOf(db: Db, id: string): Promise<RowScope | undefined> {
  return db
    .selectFrom('attachments as a')
    .innerJoin('cycles as c', 'c.id', 'a.cycle_id')
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .select(['a.district_id as districtId', 's.school_id as schoolId'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export interface AttachmentFile {
  id: string;
  cycleId: string;
  fileName: string;
  contentType: string;
  sha256: string;
  thumbSha256: string | null;
}

/** What a download needs: the name, the type and the keys of the bytes. */
export async function getAttachmentFile(db: Db, id: string): Promise<AttachmentFile | undefined> {
  return db
    .selectFrom('attachments')
    .select([
      'id',
      'cycle_id as cycleId',
      'file_name as fileName',
      'content_type as contentType',
      'sha256',
      'thumb_sha256 as thumbSha256',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface AttachmentCycleLock {
  cycleId: string;
  studyId: string;
  districtId: string;
  status: TCycleStatus;
  /** Bytes the study's attachments hold now (the quota's count). */
  studyBytes: number;
}

/**
 * Inside the transaction that adds or removes an attachment: locks the cycle against a
 * concurrent submit (which updates it) and the study against a concurrent upload to
 * any of its cycles (so two uploads cannot both pass the quota), then reads the cycle's
 * status and what the study holds.
 */
export async function lockCycleForAttachments(
  tx: Transaction<DB>,
  cycleId: string,
): Promise<AttachmentCycleLock | undefined> {
  const { rows } = await sql<{
    cycle_id: string;
    study_id: string;
    district_id: string;
    status: TCycleStatus;
  }>`
    select c.id as cycle_id, c.study_id, c.district_id, c.status
      from cycles c join studies s on s.id = c.study_id
     where c.id = ${cycleId}
       for share of c for no key update of s`.execute(tx);
  const cycle = rows[0];
  if (!cycle) return undefined;
  return {
    cycleId: cycle.cycle_id,
    studyId: cycle.study_id,
    districtId: cycle.district_id,
    status: cycle.status,
    studyBytes: await studyAttachmentBytes(tx, cycle.study_id),
  };
}

/** Bytes a study's attachments hold (the quota's count: stored files, not thumbnails). */
export async function studyAttachmentBytes(db: Db, studyId: string): Promise<number> {
  const { rows } = await sql<{ bytes: string | number }>`
    select coalesce(sum(a.size_bytes), 0)::bigint as bytes
      from attachments a join cycles c on c.id = a.cycle_id
     where c.study_id = ${studyId}`.execute(db);
  return Number(rows[0]?.bytes ?? 0);
}

/** The same as the lock reads, without locking: a cheap refusal before the real check. */
export async function cycleAttachmentState(
  db: Db,
  cycleId: string,
): Promise<Omit<AttachmentCycleLock, 'cycleId'> | undefined> {
  const cycle = await db
    .selectFrom('cycles')
    .select(['study_id', 'district_id', 'status'])
    .where('id', '=', cycleId)
    .executeTakeFirst();
  if (!cycle) return undefined;
  return {
    studyId: cycle.study_id,
    districtId: cycle.district_id,
    status: cycle.status,
    studyBytes: await studyAttachmentBytes(db, cycle.study_id),
  };
}

export interface NewAttachment {
  districtId: string;
  cycleId: string;
  stage: AttachmentStage | null;
  teacherId: string | null;
  fileName: string;
  kind: AttachmentKind;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  thumbSha256: string | null;
  width: number | null;
  height: number | null;
  uploadedBy: string | null;
}

export async function insertAttachment(db: Db, a: NewAttachment): Promise<AttachmentRow> {
  const { id } = await db
    .insertInto('attachments')
    .values({
      district_id: a.districtId,
      cycle_id: a.cycleId,
      stage: a.stage,
      teacher_id: a.teacherId,
      file_name: a.fileName,
      kind: a.kind,
      content_type: a.contentType,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
      thumb_sha256: a.thumbSha256,
      width: a.width,
      height: a.height,
      uploaded_by: a.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toRow(await attachmentColumns(db).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/** Removes the row (its bytes stay until `sweepOrphans`); returns what it held. */
export async function deleteAttachment(db: Db, id: string) {
  return db
    .deleteFrom('attachments')
    .where('id', '=', id)
    .returning([
      'cycle_id as cycleId',
      'file_name as fileName',
      'stage',
      'teacher_id as teacherId',
      'size_bytes as sizeBytes',
      'sha256',
    ])
    .executeTakeFirst();
}

/** Every file key a row names (originals and thumbnails): what a backup must carry. */
export async function referencedFileKeys(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('attachments').select(['sha256', 'thumb_sha256']).execute();
  // The districts' letterhead logos live in the same store (issue 20).
  const keys = new Set<string>(await logoFileKeys(db));
  for (const r of rows) {
    keys.add(r.sha256);
    if (r.thumb_sha256) keys.add(r.thumb_sha256);
  }
  return keys;
}
