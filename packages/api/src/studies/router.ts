import {
  getStudy,
  insertStudyWithBaseline,
  listPublishedVersions,
  listStudies,
  listStudyCycles,
  listStudyEvents,
  listStudyInstruments,
  newerPublishedBandSetVersion,
  requirePublishedVersion,
  setStudyGainFirst,
} from '@siklus/db';
import {
  AppError,
  allowedActions,
  bandRanges,
  classify,
  clausesByInstrument,
  cycleLabel,
  describeCriteria,
  PRIMARY_INSTRUMENT_KEY,
  ZStudyCloseInput,
  ZStudyCreateInput,
  ZStudyGetInput,
  ZStudyListInput,
  ZStudyReopenInput,
  ZStudySetGainFirstInput,
} from '@siklus/domain';
import { audit } from '../audit/record';
import { notFound } from '../errors';
import { authedProcedure, router, schoolScoped, studyScoped } from '../trpc';
import { closeStudy, reopenStudy } from './closing';

export const studiesRouter = router({
  /** `{ schoolId }`: the school's studies, newest first, with their latest cycle. */
  list: schoolScoped.any.input(ZStudyListInput).query(async ({ ctx, input }) => {
    const rows = await listStudies(ctx.db, input.schoolId);
    return rows.map((r) => ({
      ...r,
      latestLabel:
        r.latestOrdinal === null
          ? null
          : { id: cycleLabel(r.latestOrdinal, 'id'), en: cycleLabel(r.latestOrdinal, 'en') },
    }));
  }),

  /**
   * `{ studyId }`: the study, the versions it is fixed to, and its cycles with n and mean,
   * plus whether a next cycle may be added now.
   */
  get: studyScoped.any.input(ZStudyGetInput).query(async ({ ctx, input }) => {
    const study = await getStudy(ctx.db, input.studyId);
    if (!study) throw notFound();
    const [cycles, history, instruments] = await Promise.all([
      listStudyCycles(ctx.db, input.studyId),
      listStudyEvents(ctx.db, { districtId: study.districtId, studyId: input.studyId }),
      listStudyInstruments(ctx.db, input.studyId),
    ]);
    const bandSet = study.bandSet.bands;
    const criteria = study.criteriaSet.criteria;
    const last = cycles.at(-1);
    return {
      ...study,
      bandSet: { ...study.bandSet, ranges: bandRanges(bandSet) },
      criteriaSet: {
        ...study.criteriaSet,
        description: {
          id: describeCriteria(criteria, 'id'),
          en: describeCriteria(criteria, 'en'),
        },
      },
      cycles: cycles.map((c) => ({
        ...c,
        label: { id: cycleLabel(c.ordinal, 'id'), en: cycleLabel(c.ordinal, 'en') },
        meanBand: c.mean === null ? null : classify(bandSet, c.mean).label,
        allowedActions: study.closed ? [] : allowedActions(c.status),
      })),
      // See docs/decisions/005-cycle-workflow.md: the next cycle opens once the previous
      // one is submitted or approved; a closed study takes none.
      canAddCycle:
        !study.closed && (!last || last.status === 'submitted' || last.status === 'approved'),
      /** Closes and reopens, oldest first: who, role, when, reason, verdict. */
      history,
      /** Its instruments, the primary (number 0, the figures above) first (decision 022). */
      instruments: instruments.map((i) => ({
        instrument: i.instrument,
        key: i.key,
        rubric: { id: i.rubric.id, name: i.rubric.name, version: i.rubric.version },
        bandSet: { id: i.bandSet.id, name: i.bandSet.name, version: i.bandSet.version },
      })),
    };
  }),

  /**
   * `{ studyId, confirmClose: true }` (principal, own school): closes the study ("selesai")
   * with its final verdict, the criteria verdict on the last approved, complete cycle.
   * Refused while a cycle is not approved or no approved cycle observed the whole roster.
   */
  close: studyScoped.principal.input(ZStudyCloseInput).mutation(({ ctx, input }) =>
    closeStudy(ctx, {
      studyId: input.studyId,
      districtId: ctx.scope.districtId,
      schoolId: ctx.scope.schoolId,
    }),
  ),

  /** `{ studyId, reason }` (admin): reopens a closed study; the reason is kept in its history. */
  reopen: studyScoped.admin.input(ZStudyReopenInput).mutation(({ ctx, input }) =>
    reopenStudy(ctx, {
      studyId: input.studyId,
      districtId: ctx.scope.districtId,
      schoolId: ctx.scope.schoolId,
      reason: input.reason,
    }),
  ),

  /** The published rubric, band set and criteria versions a new study may use. */
  options: authedProcedure.query(({ ctx }) => listPublishedVersions(ctx.db, ctx.user.districtId)),

  /**
   * `{ schoolId, title, focus, schoolYear, semester?, rubricVersionId, bandSetVersionId,
   * criteriaSetVersionId, source? }` (principal, own school). Creates the study fixed to
   * these published versions and its cycle 0 (Kondisi Awal) in draft.
   */
  create: schoolScoped.principal.input(ZStudyCreateInput).mutation(async ({ ctx, input }) => {
    const districtId = ctx.scope.districtId;
    return ctx.db.transaction().execute(async (tx) => {
      // Each instrument: a published rubric version and the current version of a band set.
      const instrument = async (rubricVersionId: string, bandSetVersionId: string) => {
        await requirePublishedVersion(tx, 'rubric_versions', districtId, rubricVersionId);
        const bands = await requirePublishedVersion(
          tx,
          'band_set_versions',
          districtId,
          bandSetVersionId,
        );
        // Publishing a band set version moves its studies to it (docs/decisions/008): a new
        // study starts there too, never on a superseded version.
        const newer = await newerPublishedBandSetVersion(tx, bandSetVersionId);
        if (newer) {
          throw new AppError(
            'CONFLICT',
            {
              id: `Kategori ini sudah diganti versi ${newer.version}; muat ulang dan pilih versi terbaru.`,
              en: `This band set has been replaced by version ${newer.version}; reload and pick the latest.`,
            },
            { field: 'bandSetVersionId' },
          );
        }
        return bands.payload;
      };
      const instruments = [
        {
          key: input.instrumentKey ?? PRIMARY_INSTRUMENT_KEY,
          bandSet: await instrument(input.rubricVersionId, input.bandSetVersionId),
        },
      ];
      for (const more of input.instruments ?? []) {
        instruments.push({
          key: more.key,
          bandSet: await instrument(more.rubricVersionId, more.bandSetVersionId),
        });
      }
      const criteria = await requirePublishedVersion(
        tx,
        'criteria_set_versions',
        districtId,
        input.criteriaSetVersionId,
      );
      // Criteria that name an instrument the study lacks, or a band its instrument's set
      // lacks, could never be evaluated (decision 022).
      clausesByInstrument(criteria.payload, instruments);
      const created = await insertStudyWithBaseline(tx, {
        districtId,
        schoolId: input.schoolId,
        title: input.title,
        focus: input.focus,
        schoolYear: input.schoolYear,
        semester: input.semester ?? null,
        rubricVersionId: input.rubricVersionId,
        bandSetVersionId: input.bandSetVersionId,
        criteriaSetVersionId: input.criteriaSetVersionId,
        source: input.source ?? null,
        gainFirst: input.gainFirst,
        createdBy: ctx.user.id,
        instrumentKey: input.instrumentKey,
        moreInstruments: input.instruments ?? [],
      });
      await audit(
        ctx,
        {
          action: 'study.create',
          entity: 'study',
          entityId: created.studyId,
          schoolId: input.schoolId,
          after: {
            title: input.title,
            rubricVersionId: input.rubricVersionId,
            bandSetVersionId: input.bandSetVersionId,
            criteriaSetVersionId: input.criteriaSetVersionId,
            ...(input.instruments?.length
              ? { instrumentKey: instruments[0]!.key, instruments: input.instruments }
              : {}),
          },
        },
        tx,
      );
      return created;
    });
  }),

  /**
   * `{ studyId, gainFirst }` (principal, own school): which gain convention the study's
   * results, exports and chapter show first ('points', 'relative' or 'normalized'); the
   * other two follow, each labelled. Audited.
   */
  setGainFirst: studyScoped.principal
    .input(ZStudySetGainFirstInput)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction().execute(async (tx) => {
        const changed = await setStudyGainFirst(tx, input.studyId, input.gainFirst);
        if (!changed) throw notFound();
        await audit(
          ctx,
          {
            action: 'study.gainFirst',
            entity: 'study',
            entityId: input.studyId,
            schoolId: ctx.scope.schoolId,
            before: { gainFirst: changed.before },
            after: { gainFirst: input.gainFirst },
          },
          tx,
        );
        return { studyId: input.studyId, gainFirst: input.gainFirst };
      }),
    ),
});
