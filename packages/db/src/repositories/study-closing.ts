import { AppError, type TFinalVerdict, type TRole } from '@siklus/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { iso } from '../iso';
import { jsonb } from '../json';
import type { DB, StudyEventAction } from '../schema';

/*
 * Closing a study ("selesai", issue 14). A closed study is read-only: `touchCycle` (every
 * write to a cycle) and `insertNextCycle` refuse while `studies.closed_at` is set, until an
 * admin reopens it. Each close and reopen is a row of `study_events`, written in the
 * move's transaction and read as the study's history.
 */

type Db = Kysely<DB> | Transaction<DB>;

export const STUDY_CLOSED_MESSAGES = {
  id: 'Penelitian ini sudah ditutup (selesai) dan hanya dapat dibaca; hanya admin yang dapat membukanya kembali.',
  en: 'This study is closed (finished) and read-only; only an admin can reopen it.',
};

export function studyClosedError(): AppError {
  return new AppError('CONFLICT', STUDY_CLOSED_MESSAGES, { field: 'studyId' });
}

/** The study's row, locked for the rest of the transaction; undefined when it is gone. */
export async function lockStudy(
  db: Db,
  studyId: string,
): Promise<{ districtId: string; closed: boolean } | undefined> {
  const row = await db
    .selectFrom('studies')
    .select(['district_id as districtId', 'closed_at as closedAt'])
    .where('id', '=', studyId)
    .forUpdate()
    .executeTakeFirst();
  return row && { districtId: row.districtId, closed: row.closedAt !== null };
}

/**
 * Marks the study closed with its verdict. Every cycle's version moves on too, so a
 * write from a screen read before the close (already past touchCycle's study check in a
 * concurrent transaction, or not yet sent) meets a stale version and is refused.
 */
export async function markStudyClosed(
  db: Db,
  s: { studyId: string; userId: string; verdict: TFinalVerdict; at: Date },
): Promise<void> {
  await db
    .updateTable('studies')
    .set({ closed_at: s.at, closed_by: s.userId, final_verdict: jsonb(s.verdict) })
    .where('id', '=', s.studyId)
    .execute();
  await db
    .updateTable('cycles')
    .set({ version: sql<number>`version + 1` })
    .where('study_id', '=', s.studyId)
    .execute();
}

export async function markStudyReopened(db: Db, studyId: string): Promise<void> {
  await db
    .updateTable('studies')
    .set({ closed_at: null, closed_by: null, final_verdict: null })
    .where('id', '=', studyId)
    .execute();
}

export interface StudyEventInput {
  districtId: string;
  studyId: string;
  action: StudyEventAction;
  actorId: string;
  actorRole: TRole;
  reason: string | null;
  verdict: TFinalVerdict | null;
  at: Date;
}

export async function insertStudyEvent(db: Db, e: StudyEventInput): Promise<void> {
  await db
    .insertInto('study_events')
    .values({
      district_id: e.districtId,
      study_id: e.studyId,
      action: e.action,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      reason: e.reason,
      verdict: e.verdict === null ? null : jsonb(e.verdict),
      created_at: e.at,
    })
    .execute();
}

export interface StudyEvent {
  id: string;
  action: StudyEventAction;
  actorName: string | null;
  actorRole: TRole | null;
  reason: string | null;
  verdict: TFinalVerdict | null;
  /** ISO instant (decision 013). */
  at: string;
}

/** A study's closes and reopens, oldest first. */
export async function listStudyEvents(
  db: Db,
  q: { districtId: string; studyId: string },
): Promise<StudyEvent[]> {
  const rows = await db
    .selectFrom('study_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.action',
      'u.full_name as actorName',
      'e.actor_role as actorRole',
      'e.reason',
      'e.verdict',
      'e.created_at as at',
    ])
    .where('e.district_id', '=', q.districtId)
    .where('e.study_id', '=', q.studyId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}
