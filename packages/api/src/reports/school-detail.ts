import type { DB } from '@siklus/db';
import { cycleSheetScores, schoolCycleMatrix } from '@siklus/db';
import {
  checkPrintedFigures,
  criteriaInputFromPercentages,
  cycleStanding,
  describeCriteria,
  gainOfMeans,
  indicatorMeans,
  judgeCriteria,
  needsIndicatorMeans,
  resultCycles,
  summarizeCycle,
  type TFigureBasis,
  teacherGains,
} from '@siklus/domain';
import type { Kysely } from 'kysely';

/**
 * A study as its school's report shows it, for `reports.schoolDetail` and the exports
 * built on it (io): the teacher x cycle matrix with bands, per-cycle summaries, standing
 * (provisional, roster coverage) and criteria (judged only on a complete roster), gains
 * between consecutive cycles, baseline -> latest result (counted cycles only: approved, or
 * with submitted ones under `basis: 'submitted'`, issue 14), stage notes, and
 * printed-figure mismatches. The matrix is four queries whatever the number of cycles;
 * every figure is the domain's. The caller has checked the study's scope.
 */
export async function schoolDetail(
  db: Kysely<DB>,
  {
    districtId,
    studyId,
    basis = 'approved',
  }: { districtId: string; studyId: string; basis?: TFigureBasis },
) {
  const matrix = await schoolCycleMatrix(db, { districtId, studyId });
  const { bandSet, criteria } = matrix;
  // Indicator scores are read only when a clause of the criteria needs their means.
  const sheets = needsIndicatorMeans(criteria)
    ? await cycleSheetScores(db, { districtId, cycleIds: matrix.cycles.map((c) => c.id) })
    : null;

  const cycles = matrix.cycles.map((c, i) => {
    // Observed teachers in roster order: the order a printed table lists them.
    const percentages = matrix.teachers.flatMap((t) => {
      const cell = t.cells[i];
      return cell ? [cell.percentage] : [];
    });
    const standing = cycleStanding({
      status: c.status,
      basis,
      observedActive: c.observedActive,
      roster: matrix.roster,
    });
    return {
      ...c,
      standing,
      summary: summarizeCycle(percentages, bandSet),
      criteria: judgeCriteria(
        criteria,
        criteriaInputFromPercentages(
          percentages,
          bandSet,
          criteria,
          sheets ? indicatorMeans(matrix.rubric, sheets.get(c.id) ?? []) : undefined,
        ),
        bandSet,
        standing.coverage,
      ),
      mismatches: checkPrintedFigures(
        {
          printedMean: c.printedMean,
          printedMeanBand: c.printedMeanBand,
          printedBands: c.printedBands,
        },
        percentages,
        bandSet,
      ),
      percentages,
    };
  });

  const cyclePercentages = (i: number) =>
    matrix.teachers.flatMap((t) => {
      const cell = t.cells[i];
      return cell ? [{ teacherId: t.id, percentage: cell.percentage }] : [];
    });
  const gains = cycles.slice(1).map((post, k) => {
    const pre = cycles[k]!;
    return {
      from: { ordinal: pre.ordinal, label: pre.label },
      to: { ordinal: post.ordinal, label: post.label },
      means: gainOfMeans(pre.percentages, post.percentages),
      teachers: teacherGains(cyclePercentages(k), cyclePercentages(k + 1)),
    };
  });
  // The study's result: the same counted cycles the district comparison reads.
  const { baseline, latest } = resultCycles(cycles, basis);
  const overall =
    baseline && latest && latest.ordinal > 0
      ? {
          from: { ordinal: baseline.ordinal, label: baseline.label },
          to: { ordinal: latest.ordinal, label: latest.label },
          means: gainOfMeans(baseline.percentages, latest.percentages),
          teachers: teacherGains(
            cyclePercentages(cycles.indexOf(baseline)),
            cyclePercentages(cycles.indexOf(latest)),
          ),
        }
      : null;

  return {
    study: matrix.study,
    basis,
    /** The cycle the study's verdict reads (null until one counts). */
    resultOrdinal: latest?.ordinal ?? null,
    roster: matrix.roster,
    bandSet: { bands: bandSet.bands },
    criteria: {
      criteria: criteria.criteria,
      description: { id: describeCriteria(criteria, 'id'), en: describeCriteria(criteria, 'en') },
    },
    cycles: cycles.map(({ percentages: _p, ...c }) => c),
    teachers: matrix.teachers,
    gains,
    overall,
    mismatchCount: cycles.reduce((n, c) => n + c.mismatches.length, 0),
  };
}

export type SchoolDetail = Awaited<ReturnType<typeof schoolDetail>>;
