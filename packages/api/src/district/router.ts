import { getDistrict, setDistrictReviewWaitDays, setDistrictTimeZone } from '@siklus/db';
import { ZDistrictTimeZoneInput, ZReviewWaitDaysInput } from '@siklus/domain';
import { audit } from '../audit/record';
import { adminProcedure, authedProcedure, router } from '../trpc';

/** The signed-in user's district and its settings. */
export const districtRouter = router({
  /** (any signed-in role): the district's name, province and time zone. */
  get: authedProcedure.query(({ ctx }) => getDistrict(ctx.db, ctx.user.districtId)),

  /**
   * `{ timeZone }` (admin): WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT
   * (Asia/Jayapura). Every time of the district is shown in it, and date filters mean its
   * calendar days. Audited with the zone before and after.
   */
  setTimeZone: adminProcedure.input(ZDistrictTimeZoneInput).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (tx) => {
      const { before } = await setDistrictTimeZone(tx, ctx.user.districtId, input.timeZone);
      await audit(
        ctx,
        {
          action: 'district.time_zone',
          entity: 'district',
          entityId: ctx.user.districtId,
          before: { timeZone: before },
          after: { timeZone: input.timeZone },
        },
        tx,
      );
      return getDistrict(tx, ctx.user.districtId);
    }),
  ),

  /**
   * `{ days }` (admin, 1-365): a submitted cycle waiting longer than this for review
   * notifies the district's supervisors (once per submission). Audited.
   */
  setReviewWaitDays: adminProcedure.input(ZReviewWaitDaysInput).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (tx) => {
      const { before } = await setDistrictReviewWaitDays(tx, ctx.user.districtId, input.days);
      await audit(
        ctx,
        {
          action: 'district.review_wait_days',
          entity: 'district',
          entityId: ctx.user.districtId,
          before: { days: before },
          after: { days: input.days },
        },
        tx,
      );
      return getDistrict(tx, ctx.user.districtId);
    }),
  ),
});
