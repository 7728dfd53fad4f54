import {
  countObservations,
  deleteObservation,
  earlierOpenCycles,
  getCycleRecord,
  insertNextCycle,
  laterCycle,
  listUnobservedTeachers,
  printedFiguresPatch,
  saveInstrumentPrintedFigures,
  saveObservation,
  touchCycle,
} from '@siklus/db';
import {
  AppError,
  assertObservationWithinStages,
  assertStageDatesInOrder,
  CYCLE_STATUS_LABELS,
  classify,
  cycleLabel,
  parsePrintedFigure,
  printedBandCountMessage,
  scoreObservation,
  summaryObservation,
  type TObservationInput,
  ZCycleCreateInput,
  ZCycleGetInput,
  ZCyclePrintedFiguresInput,
  ZCycleSubmitInput,
  ZCycleUpdateNotesInput,
  ZCycleWithdrawInput,
  ZObservationDeleteInput,
  ZObservationUpsertInput,
} from '@siklus/domain';
import { audit, auditEntry } from '../audit/record';
import {
  assertInScope,
  cycleContextScoped,
  cycleScoped,
  loadTeacherScope,
  router,
  studyScoped,
} from '../trpc';
import { cycleView } from './cycle-view';
import { assertInstrumentsComplete, studyInstrument } from './instruments';
import { transitionCycle } from './workflow';

const label = (ordinal: number) => ({
  id: cycleLabel(ordinal, 'id'),
  en: cycleLabel(ordinal, 'en'),
});

export const cyclesRouter = router({
  /**
   * `{ cycleId }`: everything the cycle page shows. Figures (summary, criteria, mismatches)
   * are computed here by the domain package from the stored percentages.
   */
  get: cycleScoped.any
    .input(ZCycleGetInput)
    .query(({ ctx, input }) => cycleView(ctx.db, input.cycleId)),

  /**
   * `{ studyId }` (principal, own school): opens the next cycle in draft. Allowed once the
   * last cycle is submitted or approved (docs/decisions/005-cycle-workflow.md).
   */
  create: studyScoped.principal.input(ZCycleCreateInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const result = await insertNextCycle(tx, input.studyId);
      if ('blockedBy' in result) {
        const { ordinal, status } = result.blockedBy;
        const s = CYCLE_STATUS_LABELS[status];
        throw new AppError(
          'CONFLICT',
          {
            id: `${cycleLabel(ordinal, 'id')} masih berstatus ${s.id}; ajukan dahulu sebelum membuka siklus berikutnya.`,
            en: `${cycleLabel(ordinal, 'en')} is still ${s.en.toLowerCase()}; submit it before opening the next cycle.`,
          },
          { field: 'studyId' },
        );
      }
      if (result.ordinal > 20) {
        throw new AppError('BAD_REQUEST', {
          id: 'Paling banyak 20 siklus per penelitian.',
          en: 'A study has at most 20 cycles.',
        });
      }
      await audit(
        ctx,
        {
          action: 'cycle.create',
          entity: 'cycle',
          entityId: result.id,
          schoolId: ctx.scope.schoolId,
          after: { studyId: input.studyId, ordinal: result.ordinal },
        },
        tx,
      );
      return { id: result.id, ordinal: result.ordinal, label: label(result.ordinal), version: 1 };
    });
  }),

  /**
   * `{ cycleId, version, planningNotes?, planningDate?, actionNotes?, actionDate?,
   * observationNotes?, observationDate?, reflectionNotes?, reflectionDate? }` (principal).
   * Left out = unchanged, null = cleared. Returns the new version.
   */
  updateNotes: cycleScoped.principal
    .input(ZCycleUpdateNotesInput)
    .mutation(async ({ ctx, input }) => {
      const { cycleId, version, ...f } = input;
      const patch = {
        planning_notes: f.planningNotes,
        planning_date: f.planningDate,
        action_notes: f.actionNotes,
        action_date: f.actionDate,
        observation_notes: f.observationNotes,
        observation_date: f.observationDate,
        reflection_notes: f.reflectionNotes,
        reflection_date: f.reflectionDate,
      };
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return ctx.db.transaction().execute(async (tx) => {
        const result = await touchCycle(tx, {
          districtId: ctx.user.districtId,
          cycleId,
          version,
          patch: defined,
        });
        // Checked on the dates as they stand after this write (the row is locked by the
        // touch above): a date left out keeps the stored one.
        const stored = await getCycleRecord(tx, cycleId);
        if (stored) {
          assertStageDatesInOrder({
            planning: stored.planningDate,
            action: stored.actionDate,
            observation: stored.observationDate,
            reflection: stored.reflectionDate,
          });
        }
        return { version: result.version };
      });
    }),

  /**
   * `{ cycleId, version, teacherId, kind: 'indicators', scores: { A1: 3, B2: 'na', ... } }`
   * or `{ ..., kind: 'summary', percentage: '53,48' }` (or `percentage: '3,8', scale: { kind:
   * 'mean', max: 5 }`: converted to 76.00), with optional `observedOn`, `notes`
   * (principal). The percentage and band are computed by the domain package and stored
   * with the indicator scores in one transaction. Returns the new version and the figures.
   */
  upsertObservation: cycleContextScoped.principal
    .input(ZObservationUpsertInput)
    .mutation(async ({ ctx, input }) => {
      await assertInScope(ctx, loadTeacherScope, input.teacherId, 'teacherId');
      const context = ctx.scope;
      const instrument = input.instrument ?? 0;
      // The primary's rubric and bands come with the scope; another instrument's are read.
      const { definition, bands } =
        instrument === 0 ? context : await studyInstrument(ctx.db, context.studyId, instrument);
      // A figure on another scale (a 1-4/1-5 mean, a total out of N) becomes its percentage.
      const observation: TObservationInput =
        input.kind === 'indicators'
          ? { kind: 'indicators', scores: input.scores }
          : summaryObservation(input.percentage, input.scale);
      const score = scoreObservation(definition, observation);
      const band = classify(bands, score.percentage).label;
      // One statement bumps the version, writes the sheet, its scores and the audit row.
      // A dated sheet is checked against the stage dates that statement read with the row
      // locked, inside a transaction, so a refusal rolls the save back.
      const save = (db: typeof ctx.db) =>
        saveObservation(db, {
          version: input.version,
          changeId: input.changeId,
          observation: {
            districtId: context.districtId,
            cycleId: input.cycleId,
            teacherId: input.teacherId,
            observerId: ctx.user.id,
            observedOn: input.observedOn ?? null,
            notes: input.notes ?? null,
            percentage: score.percentage,
            band,
            scores: input.kind === 'indicators' ? input.scores : {},
            instrument,
          },
          audit: auditEntry(ctx, {
            action: 'observation.save',
            entity: 'observation',
            schoolId: ctx.scope.schoolId,
            // No "before": the previous save's entry holds it (every save is logged), and
            // reading it here would cost each save a statement (decision 006's budget).
            after: {
              cycleId: input.cycleId,
              teacherId: input.teacherId,
              ...(instrument === 0 ? {} : { instrument }),
              percentage: score.percentage,
              band,
              // The figure as typed on its scale, when it was not a percentage.
              ...(input.kind === 'summary' && input.scale && input.scale.kind !== 'percent'
                ? { typed: input.percentage, scale: input.scale }
                : {}),
            },
          }),
        });
      const observedOn = input.observedOn;
      const saved = observedOn
        ? await ctx.db.transaction().execute(async (tx) => {
            const result = await save(tx);
            assertObservationWithinStages(observedOn, {
              planning: result.planningDate,
              reflection: result.reflectionDate,
            });
            return result;
          })
        : await save(ctx.db);
      return {
        version: saved.version,
        observation: {
          id: saved.id,
          teacherId: input.teacherId,
          instrument,
          percentage: score.percentage,
          band,
          earned: score.earned,
          possible: score.possible,
        },
      };
    }),

  /** `{ cycleId, version, teacherId }` (principal): removes a teacher's observation. */
  deleteObservation: cycleScoped.principal
    .input(ZObservationDeleteInput)
    .mutation(async ({ ctx, input }) => {
      await assertInScope(ctx, loadTeacherScope, input.teacherId, 'teacherId');
      return ctx.db.transaction().execute(async (tx) => {
        const result = await touchCycle(tx, {
          districtId: ctx.user.districtId,
          cycleId: input.cycleId,
          version: input.version,
        });
        const instrument = input.instrument ?? 0;
        const removed = await deleteObservation(tx, input.cycleId, input.teacherId, instrument);
        if (!removed) {
          throw new AppError(
            'NOT_FOUND',
            {
              id: 'Guru ini belum diobservasi pada siklus ini.',
              en: 'This teacher has no observation in this cycle.',
            },
            { field: 'teacherId' },
          );
        }
        await audit(
          ctx,
          {
            action: 'observation.delete',
            entity: 'cycle',
            entityId: input.cycleId,
            schoolId: ctx.scope.schoolId,
            before: {
              teacherId: input.teacherId,
              ...(instrument === 0 ? {} : { instrument }),
              ...removed,
            },
            after: { cycleId: input.cycleId, teacherId: input.teacherId },
          },
          tx,
        );
        return { version: result.version };
      });
    }),

  /**
   * `{ cycleId, version, instrument?, printedMean, printedMeanBand, printedBands }`
   * (principal): figures as printed in a paper report of a historical study, one set per
   * instrument (0, the primary, when absent), kept only for the consistency check. `printedMean` is kept as printed ("65,05", "68,96%", "75,289": a trailing %, a
   * decimal comma or point, up to three decimals) and compared after half-up rounding.
   */
  setPrintedFigures: cycleContextScoped.principal
    .input(ZCyclePrintedFiguresInput)
    .mutation(async ({ ctx, input }) => {
      const instrument = input.instrument ?? 0;
      // Refuses an instrument the study lacks, as a sheet's save does.
      if (instrument !== 0) await studyInstrument(ctx.db, ctx.scope.studyId, instrument);
      const printed =
        input.printedMean === null || input.printedMean === ''
          ? null
          : parsePrintedFigure(input.printedMean, 'printedMean');
      return ctx.db.transaction().execute(async (tx) => {
        // One printed band per observed teacher of this instrument, in the table's order. A
        // write landing in between bumps the cycle's version, so touchCycle refuses this one.
        const observed = await countObservations(tx, input.cycleId, instrument);
        if (input.printedBands && input.printedBands.length !== observed) {
          throw new AppError(
            'BAD_REQUEST',
            printedBandCountMessage(input.printedBands.length, observed),
            {
              field: 'printedBands',
            },
          );
        }
        const figures = {
          printedMean: printed?.value ?? null,
          printedMeanText: printed?.typed ?? null,
          printedMeanBand: input.printedMeanBand || null,
          printedBands: input.printedBands,
        };
        // The primary's figures are the cycle row's; another instrument's are its own row,
        // written after the cycle's version moved (decision 022).
        const result = await touchCycle(tx, {
          districtId: ctx.user.districtId,
          cycleId: input.cycleId,
          version: input.version,
          patch: instrument === 0 ? printedFiguresPatch(figures) : undefined,
        });
        if (instrument !== 0) {
          await saveInstrumentPrintedFigures(tx, {
            districtId: ctx.user.districtId,
            cycleId: input.cycleId,
            instrument,
            figures,
          });
        }
        return { version: result.version };
      });
    }),

  /**
   * `{ cycleId, version }` (principal): draft/returned -> submitted. Needs at least one
   * observation; active teachers not yet observed are returned as a warning, not refused
   * (a teacher may be on leave; the reviewer sees n and can return the cycle).
   */
  submit: cycleScoped.principal.input(ZCycleSubmitInput).mutation(async ({ ctx, input }) => {
    const result = await transitionCycle(ctx, {
      cycleId: input.cycleId,
      version: input.version,
      action: 'submit',
      actor: ctx.user,
      districtId: ctx.scope.districtId,
      schoolId: ctx.scope.schoolId,
      guard: async (tx) => {
        // A school's cycles are reviewed in order: an earlier one still owed a correction
        // or still awaiting its review would be overtaken by this one.
        const [blocking] = await earlierOpenCycles(tx, input.cycleId);
        if (blocking) {
          const s = CYCLE_STATUS_LABELS[blocking.status];
          throw new AppError(
            'CONFLICT',
            blocking.status === 'returned'
              ? {
                  id: `${cycleLabel(blocking.ordinal, 'id')} dikembalikan dan belum diajukan ulang; perbaiki dan ajukan dahulu.`,
                  en: `${cycleLabel(blocking.ordinal, 'en')} was returned and not resubmitted; correct and submit it first.`,
                }
              : {
                  id: `${cycleLabel(blocking.ordinal, 'id')} masih menunggu tinjauan pengawas; ajukan siklus ini setelah ditinjau.`,
                  en: `${cycleLabel(blocking.ordinal, 'en')} is still awaiting review; submit this cycle once it is reviewed.`,
                },
            { field: 'status', details: { ordinal: blocking.ordinal, status: s.en } },
          );
        }
        if ((await countObservations(tx, input.cycleId)) === 0) {
          throw new AppError(
            'BAD_REQUEST',
            {
              id: 'Isi minimal satu observasi guru sebelum mengajukan siklus.',
              en: 'Enter at least one teacher observation before submitting the cycle.',
            },
            { field: 'observations' },
          );
        }
        await assertInstrumentsComplete(tx, input.cycleId);
      },
      patch: (now) => ({ submitted_at: now }),
    });
    const unobserved = await listUnobservedTeachers(ctx.db, input.cycleId, ctx.scope.schoolId!);
    return {
      version: result.version,
      status: result.status,
      warnings:
        unobserved.length === 0
          ? []
          : [
              {
                code: 'UNOBSERVED_TEACHERS' as const,
                message: {
                  id: `${unobserved.length} guru aktif belum diobservasi pada siklus ini.`,
                  en: `${unobserved.length} active teacher(s) have no observation in this cycle.`,
                },
                teachers: unobserved,
              },
            ],
    };
  }),

  /**
   * `{ cycleId, version, reason? }` (principal): submitted -> draft, before a supervisor
   * has reviewed it (a later decision moves the status on, and the version check refuses
   * a stale screen). Refused once the next cycle has been opened on top of it.
   */
  withdraw: cycleScoped.principal.input(ZCycleWithdrawInput).mutation(({ ctx, input }) =>
    transitionCycle(ctx, {
      cycleId: input.cycleId,
      version: input.version,
      action: 'withdraw',
      actor: ctx.user,
      districtId: ctx.scope.districtId,
      schoolId: ctx.scope.schoolId,
      reason: input.reason || null,
      guard: async (tx) => {
        const later = await laterCycle(tx, input.cycleId);
        if (later) {
          throw new AppError(
            'CONFLICT',
            {
              id: `${cycleLabel(later.ordinal, 'id')} sudah dibuka; pengajuan ini tidak dapat ditarik kembali.`,
              en: `${cycleLabel(later.ordinal, 'en')} is already open; this submission cannot be withdrawn.`,
            },
            { field: 'status' },
          );
        }
      },
      patch: () => ({ submitted_at: null }),
    }),
  ),
});
