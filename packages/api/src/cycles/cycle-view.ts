import type { DB } from '@siklus/db';
import {
  getCycleContext,
  getCycleRecord,
  listCycleEvents,
  listCycleObservations,
  listInstrumentPrintedFigures,
  listStudyInstruments,
  listUnobservedTeachers,
} from '@siklus/db';
import {
  allowedActions,
  bandRanges,
  CYCLE_STATUS_LABELS,
  checkPrintedFigures,
  criteriaInputFromPercentages,
  cycleLabel,
  cycleStanding,
  describeCriteria,
  indicatorMeans,
  isEditable,
  judgeInstrumentCriteria,
  percentageOnScale,
  rosterCoverage,
  sharedScaleMax,
  summarizeCycle,
} from '@siklus/domain';
import type { Kysely } from 'kysely';
import { notFound } from '../errors';

const label = (ordinal: number) => ({
  id: cycleLabel(ordinal, 'id'),
  en: cycleLabel(ordinal, 'en'),
});

/**
 * Everything the cycle page shows, for `cycles.get` and the cycle table export. Figures
 * (summary, criteria, mismatches) are computed here by the domain package from the stored
 * percentages. The caller has checked the cycle's scope.
 */
export async function cycleView(db: Kysely<DB>, cycleId: string) {
  const context = await getCycleContext(db, cycleId);
  const cycle = await getCycleRecord(db, cycleId);
  if (!context || !cycle) throw notFound();
  const [sheets, history, studyInstruments, othersPrinted] = await Promise.all([
    listCycleObservations(db, cycleId),
    listCycleEvents(db, { districtId: context.districtId, cycleId }),
    listStudyInstruments(db, context.studyId),
    listInstrumentPrintedFigures(db, cycleId),
  ]);
  // Each instrument's sheets and figures (decision 022); the primary's (0) are also the
  // cycle's top-level figures, as before instruments.
  const instruments = await Promise.all(
    studyInstruments.map(async (inst) => {
      const observations = sheets.filter((o) => o.instrument === inst.instrument);
      const unobserved = await listUnobservedTeachers(db, cycleId, context.schoolId, [
        inst.instrument,
      ]);
      const bandSet = inst.bandSet.bands;
      const definition = inst.rubric.definition;
      const percentages = observations.map((o) => o.percentage);
      const activeObserved = observations.filter((o) => o.teacherActive).length;
      const summary = summarizeCycle(percentages, bandSet);
      const scaleMax = sharedScaleMax(definition);
      // The primary's printed figures are the cycle row's; another's are its own row.
      const printed =
        inst.instrument === 0 ? cycle : othersPrinted.find((p) => p.instrument === inst.instrument);
      return {
        instrument: inst.instrument,
        key: inst.key,
        rubric: { name: inst.rubric.name, version: inst.rubric.version, definition },
        bandSet: { name: inst.bandSet.name, bands: bandSet.bands, ranges: bandRanges(bandSet) },
        observations,
        unobservedTeachers: unobserved,
        summary,
        /** The mean on the sheet's shared scale ("3,80 dari 5"); null without one. */
        scaleMean:
          scaleMax === null || summary.mean === null
            ? null
            : { value: percentageOnScale(summary.mean, scaleMax), max: scaleMax },
        /** The figures a paper printed for this instrument, and where they disagree. */
        printed: {
          mean: printed?.printedMean ?? null,
          /** As the paper prints it ("75,289", "68,96%"). */
          meanAsTyped: printed ? (printed.printedMeanText ?? printed.printedMean) : null,
          meanBand: printed?.printedMeanBand ?? null,
          bands: printed?.printedBands ?? null,
        },
        mismatches: checkPrintedFigures(
          {
            printedMean: printed?.printedMean ?? null,
            printedMeanBand: printed?.printedMeanBand ?? null,
            printedBands: printed?.printedBands ?? null,
          },
          percentages,
          bandSet,
        ),
        coverage: rosterCoverage(activeObserved, activeObserved + unobserved.length),
        criteriaInput: {
          key: inst.key,
          bandSet,
          input: criteriaInputFromPercentages(
            percentages,
            bandSet,
            context.criteria,
            indicatorMeans(
              definition,
              observations.flatMap((o) => (o.scores ? [o.scores] : [])),
            ),
          ),
        },
      };
    }),
  );
  const primary = instruments[0]!;
  const bandSet = context.bands;
  const criteria = context.criteria;
  const observations = primary.observations;
  const unobserved = primary.unobservedTeachers;
  const activeObserved = observations.filter((o) => o.teacherActive).length;
  const roster = activeObserved + unobserved.length;
  // The criteria are judged once the least complete instrument observed the whole roster.
  const coverage = instruments.reduce(
    (least, i) =>
      !i.coverage.complete && (least.complete || i.coverage.observed < least.observed)
        ? i.coverage
        : least,
    primary.coverage,
  );
  return {
    id: cycle.id,
    studyId: cycle.studyId,
    schoolId: context.schoolId,
    ordinal: cycle.ordinal,
    label: label(cycle.ordinal),
    status: cycle.status,
    statusLabel: CYCLE_STATUS_LABELS[cycle.status],
    /** The study is closed ("selesai"): read-only, no workflow moves, until an admin reopens it. */
    studyClosed: context.studyClosed,
    editable: !context.studyClosed && isEditable(cycle.status),
    allowedActions: context.studyClosed ? [] : allowedActions(cycle.status),
    version: cycle.version,
    stages: {
      planning: { notes: cycle.planningNotes, date: cycle.planningDate },
      action: { notes: cycle.actionNotes, date: cycle.actionDate },
      observation: { notes: cycle.observationNotes, date: cycle.observationDate },
      reflection: { notes: cycle.reflectionNotes, date: cycle.reflectionDate },
    },
    review: {
      comment: cycle.reviewComment,
      reviewedBy: cycle.reviewedByName,
      reviewedAt: cycle.reviewedAt,
      submittedAt: cycle.submittedAt,
      approvedAt: cycle.approvedAt,
    },
    /** The primary's printed figures (each instrument's are in `instruments`). */
    printed: primary.printed,
    rubric: context.definition,
    bandSet: { bands: bandSet.bands, ranges: bandRanges(bandSet) },
    criteria: {
      criteria: criteria.criteria,
      description: { id: describeCriteria(criteria, 'id'), en: describeCriteria(criteria, 'en') },
    },
    observations,
    unobservedTeachers: unobserved,
    /** Every workflow move, oldest first: who, role, when, comment or reason. */
    history,
    /** Provisional unless approved; how much of the active roster it observed. */
    standing: cycleStanding({
      status: cycle.status,
      basis: 'approved',
      observedActive: activeObserved,
      roster,
    }),
    summary: primary.summary,
    scaleMean: primary.scaleMean,
    /** Every clause on its instrument's figures, all with AND. */
    criteriaEvaluation: judgeInstrumentCriteria(
      criteria,
      instruments.map((i) => i.criteriaInput),
      coverage,
    ),
    /** Per instrument, the primary first: its sheets, unobserved teachers and figures. */
    instruments: instruments.map(({ criteriaInput: _, coverage: __, ...i }) => i),
    mismatches: primary.mismatches,
    updatedAt: cycle.updatedAt,
  };
}
