import type { DB } from '@siklus/db';
import { schoolCycleMatrix } from '@siklus/db';
import {
  checkPrintedFigures,
  criteriaInputFromPercentages,
  describeCriteria,
  evaluateCriteria,
  gainOfMeans,
  summarizeCycle,
  teacherGains,
} from '@siklus/domain';
import type { Kysely } from 'kysely';

/**
 * A study as its school's report shows it, for `reports.schoolDetail` and the exports
 * built on it (io): the teacher x cycle matrix with bands, per-cycle summaries and
 * criteria, gains between consecutive cycles and baseline -> latest, stage notes, and
 * printed-figure mismatches. The matrix is four queries whatever the number of cycles;
 * every figure is the domain's. The caller has checked the study's scope.
 */
export async function schoolDetail(
  db: Kysely<DB>,
  { districtId, studyId }: { districtId: string; studyId: string },
) {
  const matrix = await schoolCycleMatrix(db, { districtId, studyId });
  const { bandSet, criteria } = matrix;

  const cycles = matrix.cycles.map((c, i) => {
    // Observed teachers in roster order: the order a printed table lists them.
    const percentages = matrix.teachers.flatMap((t) => {
      const cell = t.cells[i];
      return cell ? [cell.percentage] : [];
    });
    return {
      ...c,
      summary: summarizeCycle(percentages, bandSet),
      criteria: evaluateCriteria(
        criteria,
        criteriaInputFromPercentages(percentages, bandSet),
        bandSet,
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
  const observed = cycles.filter((c) => c.summary.n > 0);
  const baseline = observed.find((c) => c.ordinal === 0);
  const latest = observed.at(-1);
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
