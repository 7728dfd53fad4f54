import {
  closeFollowUp,
  followUpScopeOf,
  getCycleContext,
  getTeacherWithSchool,
  hasObservation,
  insertFollowUp,
  nextCycleOf,
} from '@siklus/db';
import {
  AppError,
  cycleLabel,
  listIndicators,
  ZFollowUpCloseInput,
  ZFollowUpCreateInput,
  ZFollowUpCycleInput,
  ZFollowUpSchoolInput,
} from '@siklus/domain';
import { audit } from '../audit/record';
import { notFound } from '../errors';
import {
  assertInScope,
  cycleScoped,
  loadTeacherScope,
  router,
  type ScopeLoader,
  schoolScoped,
  scopedProcedures,
} from '../trpc';
import { districtToday, followUpViews } from './follow-up-view';

/*
 * Follow-up plans (RTL, issue 17). The school's principal writes a plan from a teacher's
 * sheet and closes it (done, or carried over into a new plan of the next cycle); everyone
 * in scope reads them: the principal their school's, supervisors and admins their
 * district's. Every write and its audit row share one transaction.
 */

const loadFollowUpScope: ScopeLoader<NonNullable<Awaited<ReturnType<typeof followUpScopeOf>>>> = (
  ctx,
  id,
) => followUpScopeOf(ctx.db, id);

/** `{ followUpId }`: the plan's school for principals, its district for the rest. */
const followUpScoped = scopedProcedures('followUpId', loadFollowUpScope);

const bad = (field: string, id: string, en: string) =>
  new AppError('BAD_REQUEST', { id, en }, { field });

export const followUpsRouter = router({
  /**
   * `{ cycleId }`: the plans written from this cycle's sheets, and the plans this cycle
   * checks (written in the cycle before), each with whether its indicators improved.
   */
  forCycle: cycleScoped.any.input(ZFollowUpCycleInput).query(async ({ ctx, input }) => {
    const { today } = await districtToday(ctx.db, ctx.scope.districtId, ctx.now());
    const plans = await followUpViews(ctx.db, { cycleId: input.cycleId }, today);
    return {
      today,
      written: plans.filter((p) => p.cycleId === input.cycleId),
      checking: plans.filter((p) => p.checkCycleId === input.cycleId),
    };
  }),

  /** `{ schoolId }`: every plan of the school, open ones first (the drill-down). */
  school: schoolScoped.any.input(ZFollowUpSchoolInput).query(async ({ ctx, input }) => {
    const { today } = await districtToday(ctx.db, ctx.scope.districtId, ctx.now());
    const plans = await followUpViews(ctx.db, { schoolId: input.schoolId }, today);
    const open = plans.filter((p) => p.status === 'open');
    return {
      today,
      open: open.length,
      overdue: open.filter((p) => p.dueState === 'overdue').length,
      plans: [...open, ...plans.filter((p) => p.status !== 'open')],
    };
  }),

  /**
   * `{ cycleId, teacherId, indicatorKeys, actions, support, supportTeacherId?, dueOn }`
   * (principal): a plan from the teacher's sheet in this cycle.
   */
  create: cycleScoped.principal.input(ZFollowUpCreateInput).mutation(async ({ ctx, input }) => {
    const [, context, teacher, observed] = await Promise.all([
      assertInScope(ctx, loadTeacherScope, input.teacherId, 'teacherId'),
      getCycleContext(ctx.db, input.cycleId),
      getTeacherWithSchool(ctx.db, input.teacherId),
      hasObservation(ctx.db, input.cycleId, input.teacherId),
    ]);
    if (!context || !teacher) throw notFound();
    if (teacher.schoolId !== context.schoolId) {
      throw bad(
        'teacherId',
        'Guru ini tidak mengajar di sekolah siklus ini',
        'This teacher does not teach at the school of this cycle',
      );
    }
    if (!observed) {
      throw bad(
        'teacherId',
        `${teacher.name} belum diobservasi pada ${cycleLabel(context.ordinal, 'id')}; RTL ditulis dari lembar observasinya`,
        `${teacher.name} has no observation in ${cycleLabel(context.ordinal, 'en')}; a follow-up plan is written from the sheet`,
      );
    }
    const keys = [...new Set(input.indicatorKeys)];
    if (context.definition.mode === 'indicators') {
      const known = new Set(listIndicators(context.definition).map((i) => i.key));
      const unknown = keys.find((k) => !known.has(k));
      if (unknown !== undefined) {
        throw bad(
          'indicatorKeys',
          `Indikator ${unknown} tidak ada dalam instrumen penelitian ini`,
          `Indicator ${unknown} is not in this study's rubric`,
        );
      }
      if (keys.length === 0) {
        throw bad(
          'indicatorKeys',
          'Pilih minimal satu indikator yang akan ditingkatkan',
          'Pick at least one indicator to improve',
        );
      }
    } else if (keys.length > 0) {
      throw bad(
        'indicatorKeys',
        'Instrumen ini tidak memiliki indikator (persentase langsung); kosongkan pilihan indikator',
        'This rubric has no indicators (a percentage directly); leave the indicators empty',
      );
    }
    const supportTeacherId = input.supportTeacherId ?? null;
    if (input.support === 'peer') {
      if (!supportTeacherId) {
        throw bad('supportTeacherId', 'Pilih guru sejawat pendamping', 'Choose the peer teacher');
      }
      const peer = await getTeacherWithSchool(ctx.db, supportTeacherId);
      if (!peer || peer.schoolId !== context.schoolId || !peer.active) {
        throw bad(
          'supportTeacherId',
          'Guru sejawat harus guru aktif di sekolah ini',
          'The peer teacher must be an active teacher of this school',
        );
      }
      if (peer.id === input.teacherId) {
        throw bad(
          'supportTeacherId',
          'Guru sejawat harus orang lain, bukan guru yang didampingi',
          'The peer teacher must be someone other than the teacher supported',
        );
      }
    } else if (supportTeacherId) {
      throw bad(
        'supportTeacherId',
        'Guru sejawat hanya diisi bila pendampingnya guru sejawat',
        'A peer teacher is named only when a peer teacher supports',
      );
    }
    return ctx.db.transaction().execute(async (tx) => {
      const row = await insertFollowUp(tx, {
        districtId: context.districtId,
        schoolId: context.schoolId,
        studyId: context.studyId,
        cycleId: input.cycleId,
        teacherId: input.teacherId,
        indicatorKeys: keys,
        actions: input.actions,
        support: input.support,
        supportTeacherId,
        dueOn: input.dueOn,
        carriedFromId: null,
        createdBy: ctx.user.id,
      });
      await audit(
        ctx,
        {
          action: 'followUp.create',
          entity: 'followUp',
          entityId: row.id,
          schoolId: context.schoolId,
          after: {
            cycleId: input.cycleId,
            teacherId: input.teacherId,
            indicatorKeys: keys,
            support: input.support,
            supportTeacherId,
            dueOn: input.dueOn,
          },
        },
        tx,
      );
      return { id: row.id };
    });
  }),

  /**
   * `{ followUpId, outcome: 'done', note? }` or `{ followUpId, outcome: 'carried', note?,
   * dueOn }` (principal): closes an open plan. Carried over, a new open plan with the same
   * indicators, actions and support continues it from the study's next cycle.
   */
  close: followUpScoped.principal.input(ZFollowUpCloseInput).mutation(async ({ ctx, input }) => {
    const next = input.outcome === 'carried' ? await nextCycleOf(ctx.db, ctx.scope.cycleId) : null;
    if (input.outcome === 'carried' && !next) {
      throw bad(
        'outcome',
        'Buka siklus berikutnya dahulu; RTL yang dilanjutkan berpindah ke siklus itu',
        'Open the next cycle first; a plan carried over moves to that cycle',
      );
    }
    return ctx.db.transaction().execute(async (tx) => {
      const closed = await closeFollowUp(tx, {
        id: input.followUpId,
        status: input.outcome,
        note: input.note ?? null,
        closedBy: ctx.user.id,
      });
      if (!closed) {
        throw new AppError(
          'CONFLICT',
          {
            id: 'RTL ini sudah ditutup. Muat ulang untuk melihat statusnya.',
            en: 'This follow-up plan is already closed. Reload to see its status.',
          },
          { field: 'followUpId' },
        );
      }
      const carried =
        input.outcome === 'carried' && next
          ? await insertFollowUp(tx, {
              districtId: ctx.scope.districtId,
              schoolId: ctx.scope.schoolId,
              studyId: ctx.scope.studyId,
              cycleId: next.id,
              teacherId: ctx.scope.teacherId,
              indicatorKeys: closed.indicatorKeys,
              actions: closed.actions,
              support: closed.support,
              supportTeacherId: closed.supportTeacherId,
              dueOn: input.dueOn,
              carriedFromId: input.followUpId,
              createdBy: ctx.user.id,
            })
          : null;
      await audit(
        ctx,
        {
          action: 'followUp.close',
          entity: 'followUp',
          entityId: input.followUpId,
          schoolId: ctx.scope.schoolId,
          before: { status: 'open' },
          after: {
            status: input.outcome,
            note: input.note ?? null,
            carriedToId: carried?.id ?? null,
          },
        },
        tx,
      );
      return { status: input.outcome, carriedToId: carried?.id ?? null };
    });
  }),
});
