import { insertStudyEvent, lockStudy, markStudyClosed, markStudyReopened } from '@siklus/db';
import { AppError, finalVerdict, type TFinalVerdict } from '@siklus/domain';
import { audit } from '../audit/record';
import type { Context } from '../context';
import { notFound } from '../errors';
import { schoolDetail } from '../reports/school-detail';

/*
 * Closing a study ("selesai") and reopening it (issue 14). Each runs in one transaction
 * with the study's row locked: the state, the history row (study_events) and the audit
 * row are written together or not at all. The caller has checked the role and scope.
 */

type Actor = { id: string; role: 'admin' | 'supervisor' | 'principal' };

export async function closeStudy(
  ctx: Context & { user: Actor },
  args: { studyId: string; districtId: string; schoolId: string | null },
): Promise<{ closedAt: string; verdict: TFinalVerdict }> {
  return ctx.db.transaction().execute(async (tx) => {
    const study = await lockStudy(tx, args.studyId);
    if (!study) throw notFound();
    if (study.closed) {
      throw new AppError(
        'CONFLICT',
        { id: 'Penelitian ini sudah ditutup.', en: 'This study is already closed.' },
        { field: 'studyId' },
      );
    }
    // The verdict is read exactly as the study's results show it: approved cycles, the
    // criteria judged only on a complete roster.
    const detail = await schoolDetail(tx, {
      districtId: args.districtId,
      studyId: args.studyId,
      basis: 'approved',
    });
    const verdict = finalVerdict(
      detail.cycles.map((c) => ({
        ordinal: c.ordinal,
        status: c.status,
        n: c.summary.n,
        mean: c.summary.mean,
        criteria: c.criteria,
      })),
    );
    const now = ctx.now();
    await markStudyClosed(tx, { studyId: args.studyId, userId: ctx.user.id, verdict, at: now });
    await insertStudyEvent(tx, {
      districtId: args.districtId,
      studyId: args.studyId,
      action: 'close',
      actorId: ctx.user.id,
      actorRole: ctx.user.role,
      reason: null,
      verdict,
      at: now,
    });
    await audit(
      ctx,
      {
        action: 'study.close',
        entity: 'study',
        entityId: args.studyId,
        schoolId: args.schoolId,
        before: { closed: false },
        after: { closed: true, verdictOrdinal: verdict.ordinal, verdictMet: verdict.met },
      },
      tx,
    );
    return { closedAt: now.toISOString(), verdict };
  });
}

export async function reopenStudy(
  ctx: Context & { user: Actor },
  args: { studyId: string; districtId: string; schoolId: string | null; reason: string },
): Promise<{ reopenedAt: string }> {
  return ctx.db.transaction().execute(async (tx) => {
    const study = await lockStudy(tx, args.studyId);
    if (!study) throw notFound();
    if (!study.closed) {
      throw new AppError(
        'CONFLICT',
        { id: 'Penelitian ini belum ditutup.', en: 'This study is not closed.' },
        { field: 'studyId' },
      );
    }
    const now = ctx.now();
    await markStudyReopened(tx, args.studyId);
    await insertStudyEvent(tx, {
      districtId: args.districtId,
      studyId: args.studyId,
      action: 'reopen',
      actorId: ctx.user.id,
      actorRole: ctx.user.role,
      reason: args.reason,
      verdict: null,
      at: now,
    });
    await audit(
      ctx,
      {
        action: 'study.reopen',
        entity: 'study',
        entityId: args.studyId,
        schoolId: args.schoolId,
        before: { closed: true },
        after: { closed: false },
        reason: args.reason,
      },
      tx,
    );
    return { reopenedAt: now.toISOString() };
  });
}
