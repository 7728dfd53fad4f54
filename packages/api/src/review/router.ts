import { reviewQueue } from '@siklus/db';
import {
  cycleLabel,
  ZCycleApproveInput,
  ZCycleReopenInput,
  ZCycleReturnInput,
  ZReviewQueueInput,
} from '@siklus/domain';
import { transitionCycle } from '../cycles/workflow';
import { cycleScoped, router, supervisorProcedure } from '../trpc';

/**
 * The supervisor's review: a queue of submitted cycles, approve, or return with a comment.
 * An admin may reopen an approved cycle with a reason. Every move is audited in the same
 * transaction (cycles/workflow.ts).
 */
export const reviewRouter = router({
  /** `{ limit?, offset? }` (supervisor): submitted cycles of the district, oldest first. */
  queue: supervisorProcedure.input(ZReviewQueueInput).query(async ({ ctx, input }) => {
    const { total, items } = await reviewQueue(ctx.db, {
      districtId: ctx.user.districtId,
      limit: input.limit,
      offset: input.offset,
    });
    return {
      total,
      items: items.map((i) => ({
        ...i,
        label: { id: cycleLabel(i.ordinal, 'id'), en: cycleLabel(i.ordinal, 'en') },
      })),
    };
  }),

  /**
   * `{ cycleId, version, comment?, confirmLock: true }` (supervisor): submitted -> approved
   * (locked). `confirmLock` must be sent: approving is the one move a supervisor cannot
   * take back, so the UI asks first and says so.
   */
  approve: cycleScoped.supervisor.input(ZCycleApproveInput).mutation(({ ctx, input }) =>
    transitionCycle(ctx, {
      cycleId: input.cycleId,
      version: input.version,
      action: 'approve',
      actor: ctx.user,
      districtId: ctx.scope.districtId,
      schoolId: ctx.scope.schoolId,
      reason: input.comment ?? null,
      patch: (now) => ({
        approved_at: now,
        reviewed_at: now,
        reviewed_by: ctx.user.id,
        review_comment: input.comment || null,
      }),
    }),
  ),

  /** `{ cycleId, version, comment }` (supervisor): submitted -> returned; comment required. */
  return: cycleScoped.supervisor.input(ZCycleReturnInput).mutation(({ ctx, input }) =>
    transitionCycle(ctx, {
      cycleId: input.cycleId,
      version: input.version,
      action: 'return',
      actor: ctx.user,
      districtId: ctx.scope.districtId,
      schoolId: ctx.scope.schoolId,
      reason: input.comment,
      patch: (now) => ({
        reviewed_at: now,
        reviewed_by: ctx.user.id,
        review_comment: input.comment,
      }),
    }),
  ),

  /**
   * `{ cycleId, version, reason }` (admin): approved -> returned, so the principal can
   * correct it and submit again. The reason becomes the cycle's review comment, and the
   * reviewer columns name the admin: the history (cycle_events) keeps the approval apart.
   */
  reopen: cycleScoped.admin.input(ZCycleReopenInput).mutation(({ ctx, input }) =>
    transitionCycle(ctx, {
      cycleId: input.cycleId,
      version: input.version,
      action: 'reopen',
      actor: ctx.user,
      districtId: ctx.scope.districtId,
      schoolId: ctx.scope.schoolId,
      reason: input.reason,
      patch: (now) => ({
        approved_at: null,
        reviewed_at: now,
        reviewed_by: ctx.user.id,
        review_comment: input.reason,
      }),
    }),
  ),
});
