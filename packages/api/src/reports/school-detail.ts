import type { DB } from '@siklus/db';
import { cycleSheetScores, listStudyInstruments, schoolCycleMatrix } from '@siklus/db';
import {
  checkPrintedFigures,
  criteriaInputFromPercentages,
  cycleStanding,
  describeCriteria,
  gainOfMeans,
  indicatorMeans,
  judgeCriteria,
  judgeInstrumentCriteria,
  needsIndicatorMeans,
  percentageOnScale,
  resultCycles,
  sharedScaleMax,
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
  args: { districtId: string; studyId: string; basis?: TFigureBasis },
) {
  // The primary first: it checks the study is the district's.
  const primary = await instrumentDetail(db, { ...args, instrument: 0 });
  const instruments = await listStudyInstruments(db, args.studyId);
  const others = await Promise.all(
    instruments.slice(1).map((i) => instrumentDetail(db, { ...args, instrument: i.instrument })),
  );
  const all = [primary, ...others];
  const criteria = { criteria: primary.criteria.criteria };
  const cycles = primary.cycles.map(({ criteriaInput: _, ...c }, k) => {
    if (all.length === 1) return c;
    // Each clause on its instrument's figures, judged once every instrument is complete.
    const coverages = all.map((d) => d.cycles[k]!.standing.coverage);
    const coverage = coverages.find((v) => !v.complete) ?? c.standing.coverage;
    return {
      ...c,
      criteria: judgeInstrumentCriteria(
        criteria,
        all.map((d, j) => ({
          key: instruments[j]!.key,
          input: d.cycles[k]!.criteriaInput,
          bandSet: d.bandSetFull,
        })),
        coverage,
      ),
    };
  });
  const { bandSetFull: _b, ...rest } = primary;
  return {
    ...rest,
    cycles,
    /**
     * Per instrument, the primary first (decision 022): its teacher x cycle table, each
     * cycle's summary and mean (and on the sheet's scale), its printed figures with their
     * check, and its gains. The top-level
     * figures are the primary's; the criteria verdict above covers every instrument.
     */
    instruments: all.map((d, j) => ({
      instrument: instruments[j]!.instrument,
      key: instruments[j]!.key,
      rubric: { name: instruments[j]!.rubric.name, version: instruments[j]!.rubric.version },
      bandSet: d.bandSet,
      cycles: d.cycles.map((c) => ({
        id: c.id,
        ordinal: c.ordinal,
        label: c.label,
        n: c.n,
        mean: c.mean,
        meanBand: c.meanBand,
        summary: c.summary,
        scaleMean: c.scaleMean,
        printedMean: c.printedMean,
        printedMeanBand: c.printedMeanBand,
        printedBands: c.printedBands,
        /** Where this instrument's printed figures disagree with its computed ones. */
        mismatches: c.mismatches,
      })),
      teachers: d.teachers,
      gains: d.gains,
      overall: d.overall,
      mismatchCount: d.mismatchCount,
    })),
  };
}

/** One instrument's figures of the study (the body of schoolDetail before instruments). */
async function instrumentDetail(
  db: Kysely<DB>,
  {
    districtId,
    studyId,
    basis = 'approved',
    instrument,
  }: { districtId: string; studyId: string; basis?: TFigureBasis; instrument: number },
) {
  const matrix = await schoolCycleMatrix(db, { districtId, studyId, instrument });
  const { bandSet, criteria } = matrix;
  const scaleMax = sharedScaleMax(matrix.rubric);
  // Indicator scores are read only when a clause of the criteria needs their means.
  const sheets = needsIndicatorMeans(criteria)
    ? await cycleSheetScores(db, {
        districtId,
        cycleIds: matrix.cycles.map((c) => c.id),
        instrument,
      })
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
    const criteriaInput = criteriaInputFromPercentages(
      percentages,
      bandSet,
      criteria,
      sheets ? indicatorMeans(matrix.rubric, sheets.get(c.id) ?? []) : undefined,
    );
    return {
      ...c,
      standing,
      summary: summarizeCycle(percentages, bandSet),
      /** The mean on the sheet's shared scale ("3,80 dari 5"); null without one. */
      scaleMean:
        scaleMax === null || c.mean === null
          ? null
          : { value: percentageOnScale(c.mean, scaleMax), max: scaleMax },
      criteria: judgeCriteria(criteria, criteriaInput, bandSet, standing.coverage),
      criteriaInput,
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
    bandSetFull: bandSet,
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
