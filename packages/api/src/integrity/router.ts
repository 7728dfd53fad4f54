import {
  getIntegritySettings,
  insertIntegrityDismissal,
  upsertIntegritySettings,
} from '@siklus/db';
import {
  AppError,
  INTEGRITY_DEFAULTS,
  parsePercentage,
  ZIntegrityDismissInput,
  ZIntegrityDistrictInput,
  ZIntegritySchoolInput,
  ZIntegritySettingsInput,
} from '@siklus/domain';
import { audit } from '../audit/record';
import { notFound } from '../errors';
import { adminProcedure, districtProcedure, router, schoolScoped } from '../trpc';
import { districtSignals } from './signals';

/*
 * Integrity signals (issue 18): computed on read from the district's data, listed
 * district-wide for supervisors and admins and per school (a principal sees only their own
 * school's). A supervisor dismisses one with a reason, stored and audited.
 */

const count = (signals: { kind: string; dismissal: unknown }[]) => {
  const open = signals.filter((s) => !s.dismissal);
  return { open: open.length, dismissed: signals.length - open.length };
};

export const integrityRouter = router({
  /** Every signal of the district (open ones; dismissed ones too when asked). */
  district: districtProcedure.input(ZIntegrityDistrictInput).query(async ({ ctx, input }) => {
    const { signals, jumpPoints } = await districtSignals(ctx.db, ctx.user.districtId);
    return {
      jumpPoints,
      counts: count(signals),
      signals: input?.includeDismissed ? signals : signals.filter((s) => !s.dismissal),
    };
  }),

  /** One school's signals, dismissed ones included (with their reasons). */
  school: schoolScoped.any.input(ZIntegritySchoolInput).query(async ({ ctx, input }) => {
    const { signals, jumpPoints } = await districtSignals(ctx.db, ctx.scope.districtId);
    const here = signals.filter((s) => s.schoolId === input.schoolId);
    return { jumpPoints, counts: count(here), signals: here };
  }),

  /** Sets a signal aside with a reason (supervisor), audited in the same transaction. */
  dismiss: schoolScoped.supervisor
    .input(ZIntegrityDismissInput)
    .mutation(async ({ ctx, input }) => {
      const { signals } = await districtSignals(ctx.db, ctx.scope.districtId);
      const signal = signals.find(
        (s) => s.key === input.signalKey && s.schoolId === input.schoolId,
      );
      if (!signal) {
        throw notFound({ id: 'Temuan tidak ditemukan', en: 'The signal was not found' });
      }
      return ctx.db.transaction().execute(async (tx) => {
        const row = await insertIntegrityDismissal(tx, {
          districtId: ctx.scope.districtId,
          schoolId: input.schoolId,
          signalKey: input.signalKey,
          reason: input.reason,
          userId: ctx.user.id,
        });
        if (!row) {
          throw new AppError('CONFLICT', {
            id: 'Temuan ini sudah ditandai selesai',
            en: 'This signal was already dismissed',
          });
        }
        await audit(
          ctx,
          {
            action: 'integrity.dismiss',
            entity: 'integritySignal',
            entityId: input.signalKey,
            schoolId: input.schoolId,
            before: { kind: signal.kind, message: signal.message, figures: signal.figures },
            reason: input.reason,
          },
          tx,
        );
        return { signalKey: input.signalKey };
      });
    }),

  /** The district's jump threshold (admin): points in one cycle, and whether it is the default. */
  settings: adminProcedure.query(async ({ ctx }) => {
    const settings = await getIntegritySettings(ctx.db, ctx.user.districtId);
    return {
      jumpPoints: settings?.jumpPoints ?? INTEGRITY_DEFAULTS.jumpPoints,
      isDefault: settings === null,
      defaultJumpPoints: INTEGRITY_DEFAULTS.jumpPoints,
    };
  }),

  /** The district's jump threshold (admin), audited with the value it replaces. */
  updateSettings: adminProcedure.input(ZIntegritySettingsInput).mutation(async ({ ctx, input }) => {
    const jumpPoints = parsePercentage(input.jumpPoints, 'jumpPoints');
    if (jumpPoints === '0.00') {
      throw new AppError(
        'BAD_REQUEST',
        { id: 'Ambang harus lebih dari 0', en: 'The threshold must be more than 0' },
        { field: 'jumpPoints' },
      );
    }
    return ctx.db.transaction().execute(async (tx) => {
      const before = await getIntegritySettings(tx, ctx.user.districtId);
      await upsertIntegritySettings(tx, {
        districtId: ctx.user.districtId,
        jumpPoints,
        userId: ctx.user.id,
      });
      await audit(
        ctx,
        {
          action: 'integrity.settings',
          entity: 'district',
          entityId: ctx.user.districtId,
          before: { jumpPoints: before?.jumpPoints ?? INTEGRITY_DEFAULTS.jumpPoints },
          after: { jumpPoints },
        },
        tx,
      );
      return { jumpPoints };
    });
  }),
});
