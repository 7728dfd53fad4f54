import { getDistrict, listAuditEntries } from '@siklus/db';
import {
  cycleLabel,
  describeAuditEntry,
  endOfLocalDay,
  startOfLocalDay,
  type TTimeZone,
  ZAuditListInput,
} from '@siklus/domain';
import { adminProcedure, router } from '../trpc';

/**
 * A bare date is a calendar day of the district's zone: "from 2 Dec" in WIB starts at
 * 2 Dec 00:00 WIB (1 Dec 17:00 UTC), the day the list shows for those entries. A
 * date-time carries its own offset and is taken as written.
 */
function startOf(when: string, zone: TTimeZone): Date {
  return when.length === 10 ? startOfLocalDay(when, zone) : new Date(when);
}

export const auditRouter = router({
  /** `{ userId?, schoolId?, action?, from?, to?, limit, offset }`, newest first (admin). */
  list: adminProcedure.input(ZAuditListInput).query(async ({ ctx, input }) => {
    const { timeZone } = await getDistrict(ctx.db, ctx.user.districtId);
    const page = await listAuditEntries(ctx.db, {
      districtId: ctx.user.districtId,
      userId: input.userId,
      schoolId: input.schoolId,
      action: input.action,
      from: input.from ? startOf(input.from, timeZone) : undefined,
      // A bare date as the end means "through that day", in the district's calendar.
      to: input.to
        ? input.to.length === 10
          ? endOfLocalDay(input.to, timeZone)
          : startOf(input.to, timeZone)
        : undefined,
      limit: input.limit,
      offset: input.offset,
    });
    return {
      total: page.total,
      // Each entry as a sentence in both languages, naming the actor and what it touched.
      items: page.items.map(({ target, ...item }) => {
        const targetName = (lang: 'id' | 'en') =>
          target === null
            ? null
            : target.kind === 'name'
              ? target.name
              : `${cycleLabel(target.ordinal, lang)}, ${target.schoolName}`;
        const words = (lang: 'id' | 'en') =>
          describeAuditEntry({
            action: item.action,
            actorName: item.actorName ?? item.username,
            targetName: targetName(lang),
          })[lang];
        return {
          ...item,
          targetName: targetName('id'),
          summary: { id: words('id'), en: words('en') },
        };
      }),
      timeZone,
      limit: input.limit,
      offset: input.offset,
    };
  }),
});
