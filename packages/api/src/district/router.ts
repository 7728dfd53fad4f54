import {
  getDistrict,
  setDistrictLogo,
  setDistrictReviewWaitDays,
  setDistrictTimeZone,
  setLetterhead,
} from '@siklus/db';
import {
  ZDistrictTimeZoneInput,
  ZLetterheadInput,
  ZLetterheadLogoInput,
  ZReviewWaitDaysInput,
} from '@siklus/domain';
import { processLogo } from '../attachments/process';
import { audit } from '../audit/record';
import { decodeUpload } from '../io/read-sheet';
import { adminProcedure, authedProcedure, router } from '../trpc';
import { letterheadView } from './letterhead';

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

  /**
   * (any signed-in role): the letterhead (kop surat) every report of the district prints,
   * with the logo as a data URL; fields are null until the admin sets them.
   */
  letterhead: authedProcedure.query(({ ctx }) => letterheadView(ctx, ctx.user.districtId)),

  /**
   * `{ office, address, phone, email, website, place }` (admin): the letterhead's text
   * and the place reports are signed in. Audited with before and after.
   */
  setLetterhead: adminProcedure.input(ZLetterheadInput).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction().execute(async (tx) => {
      const { before } = await setLetterhead(tx, ctx.user.districtId, input);
      const { logoSha256: _logo, ...beforeText } = before;
      await audit(
        ctx,
        {
          action: 'district.letterhead',
          entity: 'district',
          entityId: ctx.user.districtId,
          before: beforeText,
          after: input,
        },
        tx,
      );
    });
    return letterheadView(ctx, ctx.user.districtId);
  }),

  /**
   * `{ fileName, contentBase64 }` (admin): the letterhead's logo. Read by its bytes (JPEG,
   * PNG or WebP, at most 512 KB), re-encoded as a PNG of at most 600 px without metadata,
   * kept in the evidence files' store; the previous logo's bytes go with the next orphan
   * sweep. Audited with the keys before and after.
   */
  setLogo: adminProcedure.input(ZLetterheadLogoInput).mutation(async ({ ctx, input }) => {
    const png = await processLogo(decodeUpload(input.contentBase64));
    const stored = await ctx.files.put(png);
    await ctx.db.transaction().execute(async (tx) => {
      const { before } = await setDistrictLogo(tx, ctx.user.districtId, stored.key);
      await audit(
        ctx,
        {
          action: 'district.logo',
          entity: 'district',
          entityId: ctx.user.districtId,
          before: { logoSha256: before },
          after: { logoSha256: stored.key, fileName: input.fileName },
        },
        tx,
      );
    });
    return letterheadView(ctx, ctx.user.districtId);
  }),

  /** (admin): reports print the letterhead without a logo. Audited. */
  removeLogo: adminProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (tx) => {
      const { before } = await setDistrictLogo(tx, ctx.user.districtId, null);
      await audit(
        ctx,
        {
          action: 'district.logo_remove',
          entity: 'district',
          entityId: ctx.user.districtId,
          before: { logoSha256: before },
          after: { logoSha256: null },
        },
        tx,
      );
    });
    return letterheadView(ctx, ctx.user.districtId);
  }),
});
