import { listAuditEntries } from '@siklus/db';
import { ZAuditListInput } from '@siklus/domain';
import { adminProcedure, router } from '../trpc';

function startOf(when: string): Date {
  return new Date(when.length === 10 ? `${when}T00:00:00Z` : when);
}

export const auditRouter = router({
  /** `{ userId?, schoolId?, action?, from?, to?, limit, offset }`, newest first (admin). */
  list: adminProcedure.input(ZAuditListInput).query(async ({ ctx, input }) => {
    const page = await listAuditEntries(ctx.db, {
      districtId: ctx.user.districtId,
      userId: input.userId,
      schoolId: input.schoolId,
      action: input.action,
      from: input.from ? startOf(input.from) : undefined,
      // A bare date as the end means "through that day".
      to: input.to
        ? input.to.length === 10
          ? new Date(startOf(input.to).getTime() + 86_400_000)
          : startOf(input.to)
        : undefined,
      limit: input.limit,
      offset: input.offset,
    });
    return { ...page, limit: input.limit, offset: input.offset };
  }),
});
