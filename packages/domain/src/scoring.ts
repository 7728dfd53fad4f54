import { z } from 'zod';
import { D, parsePercentage, round2, type TDecimal } from './decimal';
import { AppError, badRequest } from './errors';
import { listIndicators, type TListedIndicator, type TRubricDefinition } from './rubric';
import { bi, parseOrThrow } from './zod-error';

export const ZIndicatorScore = z.union([z.number(), z.literal('na')], {
  error: bi('Skor harus berupa angka atau "na"', 'A score must be a number or "na"'),
});
export type TIndicatorScore = z.infer<typeof ZIndicatorScore>;

export const ZObservationInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('indicators'),
    scores: z.record(z.string(), ZIndicatorScore),
  }),
  z.object({
    kind: z.literal('summary'),
    percentage: z.string({
      error: bi('Persentase wajib diisi sebagai teks', 'The percentage is required as text'),
    }),
  }),
]);
export type TObservationInput = z.infer<typeof ZObservationInput>;

export type TObservationScore = {
  /** Two places, "53.48". */
  percentage: string;
  /** Weighted points earned and possible (two places); null for a summary rubric. */
  earned: string | null;
  possible: string | null;
};

/**
 * Scores one observation sheet: weighted points earned / weighted points possible x 100,
 * rounded half-up to two places once. Points possible are the scale maximum (the usual
 * "skor perolehan / skor maksimal x 100"). "na" leaves an indicator out of both sums.
 */
export function scoreObservation(
  def: TRubricDefinition,
  input: TObservationInput,
): TObservationScore {
  const parsed = parseOrThrow(ZObservationInput, input);

  if (def.mode === 'summary') {
    if (parsed.kind !== 'summary') {
      throw badRequest(
        'Instrumen ini memakai persentase langsung; isi persentase, bukan skor per indikator',
        'This rubric takes a percentage directly; enter a percentage, not indicator scores',
        'kind',
      );
    }
    return {
      percentage: parsePercentage(parsed.percentage, 'percentage'),
      earned: null,
      possible: null,
    };
  }

  if (parsed.kind !== 'indicators') {
    throw badRequest(
      'Instrumen ini dinilai per indikator; isi skor setiap indikator, bukan persentase',
      'This rubric is scored per indicator; enter a score for each indicator, not a percentage',
      'kind',
    );
  }

  const indicators = listIndicators(def);
  const known = new Set(indicators.map((i) => i.key));
  for (const key of Object.keys(parsed.scores)) {
    if (!known.has(key)) {
      throw badRequest(
        `Indikator ${key} tidak ada dalam instrumen`,
        `Indicator ${key} is not in the rubric`,
        `scores.${key}`,
      );
    }
  }

  let earned: TDecimal = new D(0);
  let possible: TDecimal = new D(0);
  let scored = 0;
  for (const indicator of indicators) {
    const { key, scale } = indicator;
    const field = `scores.${key}`;
    const score = Object.hasOwn(parsed.scores, key) ? parsed.scores[key] : undefined;
    if (score === undefined) {
      throw badRequest(
        `Skor indikator ${key} belum diisi (isi skor atau tandai "na")`,
        `Indicator ${key} has no score (enter a score or mark it "na")`,
        field,
      );
    }
    if (score === 'na') continue;
    if (!Number.isInteger(score)) {
      throw badRequest(
        `Skor ${score} untuk indikator ${key} harus bilangan bulat`,
        `Score ${score} for indicator ${key} must be a whole number`,
        field,
      );
    }
    if (score < scale.min || score > scale.max) {
      throw badRequest(
        `Skor ${score} di luar skala ${scale.min}-${scale.max} untuk indikator ${key}`,
        `Score ${score} is outside the scale ${scale.min}-${scale.max} for indicator ${key}`,
        field,
      );
    }
    const points = pointsOf(indicator, score);
    earned = earned.plus(points.earned);
    possible = possible.plus(points.possible);
    scored++;
  }

  if (scored === 0 || possible.isZero()) {
    throw new AppError(
      'BAD_REQUEST',
      {
        id: 'Semua indikator ditandai "na"; minimal satu indikator harus dinilai',
        en: 'Every indicator is marked "na"; at least one indicator must be scored',
      },
      { field: 'scores' },
    );
  }

  return {
    percentage: round2(earned.dividedBy(possible).times(100)),
    earned: round2(earned),
    possible: round2(possible),
  };
}

/** One indicator's weighted points: weight x score earned of weight x scale maximum. */
function pointsOf(
  indicator: TListedIndicator,
  score: number,
): { earned: TDecimal; possible: TDecimal } {
  const weight = new D(indicator.weight ?? 1);
  return { earned: weight.times(score), possible: weight.times(indicator.scale.max) };
}

export type TScoreProgress = {
  /** Indicators on the sheet. */
  total: number;
  /** Indicators given a level or marked "na". */
  answered: number;
  /** Indicators still without a valid score, with the number the sheet shows (1-based, in order). */
  missing: { key: string; number: number }[];
  /**
   * The percentage over the indicators scored so far, by the same rule and single rounding
   * as `scoreObservation` (so it equals the stored figure once the sheet is complete); null
   * while nothing is scored yet (or every answer is "na").
   */
  percentage: string | null;
  earned: string | null;
  possible: string | null;
};

/**
 * A sheet being filled in: what is answered, what is missing (by its visible number, not its
 * key), and the running ("sementara") percentage of what is scored. Never throws: a value
 * that is not a level of the indicator's scale counts as missing.
 */
export function scoreProgress(
  def: TRubricDefinition,
  scores: Readonly<Record<string, number | 'na'>>,
): TScoreProgress {
  const indicators = listIndicators(def);
  let earned: TDecimal = new D(0);
  let possible: TDecimal = new D(0);
  let answered = 0;
  const missing: TScoreProgress['missing'] = [];
  indicators.forEach((indicator, i) => {
    const score = Object.hasOwn(scores, indicator.key) ? scores[indicator.key] : undefined;
    if (score === 'na') {
      answered++;
      return;
    }
    const valid =
      typeof score === 'number' &&
      Number.isInteger(score) &&
      score >= indicator.scale.min &&
      score <= indicator.scale.max;
    if (!valid) {
      missing.push({ key: indicator.key, number: i + 1 });
      return;
    }
    answered++;
    const points = pointsOf(indicator, score);
    earned = earned.plus(points.earned);
    possible = possible.plus(points.possible);
  });
  const scored = !possible.isZero();
  return {
    total: indicators.length,
    answered,
    missing,
    percentage: scored ? round2(earned.dividedBy(possible).times(100)) : null,
    earned: scored ? round2(earned) : null,
    possible: scored ? round2(possible) : null,
  };
}
