import type { DB } from '@siklus/db';
import {
  getCycleContext,
  getCycleRecord,
  listCycleEvents,
  listCycleObservations,
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
  judgeCriteria,
  rosterCoverage,
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
  const [observations, unobserved, history] = await Promise.all([
    listCycleObservations(db, cycleId),
    listUnobservedTeachers(db, cycleId, context.schoolId),
    listCycleEvents(db, { districtId: context.districtId, cycleId }),
  ]);
  const bandSet = context.bands;
  const criteria = context.criteria;
  const percentages = observations.map((o) => o.percentage);
  const activeObserved = observations.filter((o) => o.teacherActive).length;
  const roster = activeObserved + unobserved.length;
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
    printed: {
      mean: cycle.printedMean,
      /** As the paper prints it ("75,289", "68,96%"). */
      meanAsTyped: cycle.printedMeanText ?? cycle.printedMean,
      meanBand: cycle.printedMeanBand,
      bands: cycle.printedBands,
    },
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
    summary: summarizeCycle(percentages, bandSet),
    criteriaEvaluation: judgeCriteria(
      criteria,
      criteriaInputFromPercentages(
        percentages,
        bandSet,
        criteria,
        indicatorMeans(
          context.definition,
          observations.flatMap((o) => (o.scores ? [o.scores] : [])),
        ),
      ),
      bandSet,
      rosterCoverage(activeObserved, roster),
    ),
    mismatches: checkPrintedFigures(
      {
        printedMean: cycle.printedMean,
        printedMeanBand: cycle.printedMeanBand,
        printedBands: cycle.printedBands,
      },
      percentages,
      bandSet,
    ),
    updatedAt: cycle.updatedAt,
  };
}
