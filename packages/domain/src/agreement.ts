import { classify, type TBandSet } from './bands';
import { D, round2, type TDecimal, toDecimal } from './decimal';
import type { TBilingual } from './errors';
import { listIndicators, type TRubricDefinition } from './rubric';
import { scoreObservation, type TIndicatorScore } from './scoring';

/**
 * Agreement between two observers who scored the same lesson on the same sheet
 * (co-observation). Everything here is exact decimal arithmetic; the only irrational
 * steps (a square root and a t quantile, for the interval of the mean difference) are
 * documented where they happen.
 */

// ---------------------------------------------------------------------------------------
// Weighted kappa

/**
 * Disagreement weights: quadratic (Fleiss-Cohen, the default), linear (Cicchetti-Allison),
 * or unweighted (Cohen's plain kappa). Weights act on the distance between the two scores,
 * so a 1-4 scale and a 0-3 scale give the same kappa, and quadratic kappa does not depend
 * on the unit (it is invariant to rescaling the distance).
 */
export type TKappaWeights = 'quadratic' | 'linear' | 'unweighted';

export type TKappa = {
  /** How many rated items (both scores present). */
  n: number;
  /** Rounded half-up to four places ("0.6714"); null when it is undefined (see `undefinedReason`). */
  kappa: string | null;
  /**
   * `no-items`: nothing was rated by both. `no-expected-disagreement`: chance alone
   * predicts perfect agreement (both observers used one and the same score for
   * everything), so kappa is 0/0.
   */
  undefinedReason: 'no-items' | 'no-expected-disagreement' | null;
};

function disagreement(weights: TKappaWeights, a: TDecimal, b: TDecimal): TDecimal {
  const d = a.minus(b).abs();
  if (weights === 'quadratic') return d.times(d);
  if (weights === 'linear') return d;
  return d.isZero() ? new D(0) : new D(1);
}

/**
 * Cohen's weighted kappa for pairs of ordinal scores `[first, second]`:
 *
 *   kappa = 1 - N * sum_k w(x_k, y_k) / sum_{a,b} r_a * c_b * w(a, b)
 *
 * with r and c the two observers' score counts and w the disagreement weight. Numerator
 * and denominator are exact (sums of products of finite decimals); the one division is
 * carried to 64 significant digits and then rounded half-up to four places. That rounding
 * is exact: a rational p/q that is not itself a tie at the fifth place differs from one by
 * at least 1/(20000 q), far above 10^-60 for any realistic q.
 */
export function weightedKappa(
  pairs: readonly (readonly [number | string, number | string])[],
  weights: TKappaWeights = 'quadratic',
): TKappa {
  const n = pairs.length;
  if (n === 0) return { n, kappa: null, undefinedReason: 'no-items' };

  const first = new Map<string, { value: TDecimal; count: number }>();
  const second = new Map<string, { value: TDecimal; count: number }>();
  let observed = new D(0);
  for (const [x, y] of pairs) {
    const a = toDecimal(String(x));
    const b = toDecimal(String(y));
    observed = observed.plus(disagreement(weights, a, b));
    tally(first, a);
    tally(second, b);
  }
  let expected = new D(0);
  for (const r of first.values()) {
    for (const c of second.values()) {
      expected = expected.plus(disagreement(weights, r.value, c.value).times(r.count * c.count));
    }
  }
  if (expected.isZero()) return { n, kappa: null, undefinedReason: 'no-expected-disagreement' };
  const kappa = new D(1).minus(observed.times(n).dividedBy(expected));
  return { n, kappa: round4(kappa), undefinedReason: null };
}

function tally(map: Map<string, { value: TDecimal; count: number }>, value: TDecimal): void {
  const key = value.toString();
  const entry = map.get(key);
  if (entry) entry.count++;
  else map.set(key, { value, count: 1 });
}

function round4(value: TDecimal): string {
  const r = value.toDecimalPlaces(4, D.ROUND_HALF_UP);
  return r.isZero() ? '0.0000' : r.toFixed(4);
}

// ---------------------------------------------------------------------------------------
// One observation pair

export type TIndicatorAgreement = {
  key: string;
  first: TIndicatorScore | null;
  second: TIndicatorScore | null;
  /** null when either side is missing or "na": the indicator is left out of the shares. */
  exact: boolean | null;
  /** Within one scale step (exact agreement counts as adjacent too). */
  adjacent: boolean | null;
};

export type TPairAgreement = {
  indicators: TIndicatorAgreement[];
  /** Indicators scored by both observers. */
  compared: number;
  /** Percent of compared indicators, two places; null when nothing was compared. */
  exactShare: string | null;
  adjacentShare: string | null;
  firstPercentage: string;
  secondPercentage: string;
  /** first - second, in points, two places (positive: the first observer scored higher). */
  difference: string;
  firstBand: string;
  secondBand: string;
  /** Band index of the first minus that of the second (0: same band). */
  bandSteps: number;
  /** The `[first, second]` score pairs of the compared indicators, for pooled kappa. */
  ratings: [number, number][];
};

/**
 * Compares two observers' sheets of one lesson. The percentage and band of each sheet
 * come from `scoreObservation` and `classify`, so they are the figures the sheet shows.
 * In a summary rubric (a percentage typed directly) there are no indicators to compare.
 */
export function compareObservationPair(
  definition: TRubricDefinition,
  bandSet: TBandSet,
  first:
    | { kind: 'indicators'; scores: Record<string, TIndicatorScore> }
    | { kind: 'summary'; percentage: string },
  second:
    | { kind: 'indicators'; scores: Record<string, TIndicatorScore> }
    | { kind: 'summary'; percentage: string },
): TPairAgreement {
  const a = scoreObservation(definition, first);
  const b = scoreObservation(definition, second);
  const indicators: TIndicatorAgreement[] = [];
  const ratings: [number, number][] = [];
  let exact = 0;
  let adjacent = 0;
  if (first.kind === 'indicators' && second.kind === 'indicators') {
    for (const indicator of listIndicators(definition)) {
      const x = first.scores[indicator.key] ?? null;
      const y = second.scores[indicator.key] ?? null;
      if (typeof x !== 'number' || typeof y !== 'number') {
        indicators.push({ key: indicator.key, first: x, second: y, exact: null, adjacent: null });
        continue;
      }
      // A step is one level of the scale: levels may skip values (1, 2, 4), so the
      // distance is counted in levels, not in points.
      const levels = indicator.scale.levels.map((l) => l.value).sort((p, q) => p - q);
      const steps = Math.abs(levels.indexOf(x) - levels.indexOf(y));
      const isExact = x === y;
      const isAdjacent =
        levels.includes(x) && levels.includes(y) ? steps <= 1 : Math.abs(x - y) <= 1;
      if (isExact) exact++;
      if (isAdjacent) adjacent++;
      ratings.push([x, y]);
      indicators.push({
        key: indicator.key,
        first: x,
        second: y,
        exact: isExact,
        adjacent: isAdjacent,
      });
    }
  }
  const compared = ratings.length;
  const share = (count: number) =>
    compared === 0 ? null : round2(new D(count).times(100).dividedBy(compared));
  const firstBand = classify(bandSet, a.percentage);
  const secondBand = classify(bandSet, b.percentage);
  return {
    indicators,
    compared,
    exactShare: share(exact),
    adjacentShare: share(adjacent),
    firstPercentage: a.percentage,
    secondPercentage: b.percentage,
    difference: round2(toDecimal(a.percentage).minus(b.percentage)),
    firstBand: firstBand.label,
    secondBand: secondBand.label,
    bandSteps: firstBand.index - secondBand.index,
    ratings,
  };
}

// ---------------------------------------------------------------------------------------
// The mean difference and its 95% interval (Student's t, n - 1 degrees of freedom)

/**
 * Two-sided 95% critical values t(0.975, df) for df = 1..30, to nine decimals (any
 * statistics table; e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2). Beyond 30 the
 * Cornish-Fisher expansion below is accurate to better than 1e-7.
 */
const T975: readonly string[] = [
  '12.706204736',
  '4.302652730',
  '3.182446305',
  '2.776445105',
  '2.570581836',
  '2.446911851',
  '2.364624252',
  '2.306004135',
  '2.262157163',
  '2.228138852',
  '2.200985160',
  '2.178812830',
  '2.160368656',
  '2.144786688',
  '2.131449546',
  '2.119905299',
  '2.109815578',
  '2.100922040',
  '2.093024054',
  '2.085963447',
  '2.079613845',
  '2.073873068',
  '2.068657610',
  '2.063898562',
  '2.059538553',
  '2.055529439',
  '2.051830516',
  '2.048407142',
  '2.045229642',
  '2.042272456',
];

/** z(0.975) to 16 digits. */
const Z975 = new D('1.959963984540054');

/**
 * t(0.975, df): the table for df <= 30, else the Cornish-Fisher expansion of the t
 * quantile about the normal one (Abramowitz & Stegun 26.7.5) to the fourth term,
 * rounded to nine decimals like the table.
 */
export function tCritical975(df: number): string {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`df must be a positive integer: ${df}`);
  if (df <= T975.length) return T975[df - 1]!;
  const z = Z975;
  const v = new D(df);
  const g1 = z.pow(3).plus(z).dividedBy(4);
  const g2 = z.pow(5).times(5).plus(z.pow(3).times(16)).plus(z.times(3)).dividedBy(96);
  const g3 = z
    .pow(7)
    .times(3)
    .plus(z.pow(5).times(19))
    .plus(z.pow(3).times(17))
    .minus(z.times(15))
    .dividedBy(384);
  const g4 = z
    .pow(9)
    .times(79)
    .plus(z.pow(7).times(776))
    .plus(z.pow(5).times(1482))
    .minus(z.pow(3).times(1920))
    .minus(z.times(945))
    .dividedBy(92160);
  const t = z
    .plus(g1.dividedBy(v))
    .plus(g2.dividedBy(v.pow(2)))
    .plus(g3.dividedBy(v.pow(3)))
    .plus(g4.dividedBy(v.pow(4)));
  return t.toDecimalPlaces(9, D.ROUND_HALF_UP).toFixed(9);
}

export type TMeanDifference = {
  n: number;
  /** Exact mean of the differences, rounded half-up to two places. */
  mean: string | null;
  /** Sample sd (n - 1), two places; null when n < 2. */
  sd: string | null;
  /** The 95% interval mean ± t(0.975, n-1) · sd / sqrt(n), two places; null when n < 2. */
  low: string | null;
  high: string | null;
};

/**
 * The mean of paired differences (first - second, in points) with a 95% confidence
 * interval from Student's t with n - 1 degrees of freedom.
 *
 * Rounding: the mean and the sum of squares are exact. sqrt is irrational; decimal.js
 * carries it to 64 significant digits (correctly rounded), and t carries nine decimals
 * (the table's precision), so the half-width is within about 1e-9 · sd/sqrt(n) of the true
 * one. Each bound is rounded half-up to two places once at the end; it could differ from
 * the true bound's rounding only if the true bound lay within that 1e-9 of a tie.
 */
export function meanDifference(differences: readonly string[]): TMeanDifference {
  const values = differences.map((d, i) => toDecimal(d, `differences.${i}`));
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, low: null, high: null };
  const exact = values.reduce((s, v) => s.plus(v), new D(0)).dividedBy(n);
  if (n < 2) return { n, mean: round2(exact), sd: null, low: null, high: null };
  const squares = values.reduce((s, v) => s.plus(v.minus(exact).pow(2)), new D(0));
  const sd = squares.dividedBy(n - 1).sqrt();
  const half = new D(tCritical975(n - 1)).times(sd).dividedBy(new D(n).sqrt());
  return {
    n,
    mean: round2(exact),
    sd: round2(sd),
    low: round2(exact.minus(half)),
    high: round2(exact.plus(half)),
  };
}

// ---------------------------------------------------------------------------------------
// One observer across their pairs

/** Below this many co-observed lessons no verdict is given: the figures are shown only. */
export const MIN_CALIBRATION_PAIRS = 5;
/** A mean difference of this many points or more, with an interval that excludes 0, is worth a look. */
export const CALIBRATION_BIAS_POINTS = '5.00';
/** Quadratic kappa below this (Landis & Koch's "moderate") is worth a look. */
export const CALIBRATION_MIN_KAPPA = '0.4000';

export type TCalibrationVerdict = 'too-few-pairs' | 'consistent' | 'check';

export type TObserverCalibration = {
  pairs: number;
  kappa: TKappa;
  /** Pooled over every compared indicator of every pair. */
  exactShare: string | null;
  adjacentShare: string | null;
  /** Observed (first) minus independent (second) observer, in percentage points. */
  bias: TMeanDifference;
  verdict: TCalibrationVerdict;
  /** Why, in words with the figures; never an accusation. */
  message: TBilingual;
};

/**
 * How well one observer's scores agree with independent co-observers, over every pair.
 * `first` in each pair is the observer being calibrated (the principal); `second` is the
 * independent one. With fewer than `minPairs` pairs the figures are reported and no
 * verdict is drawn.
 */
export function calibrateObserver(
  pairs: readonly Pick<TPairAgreement, 'difference' | 'ratings' | 'indicators'>[],
  options: { minPairs?: number } = {},
): TObserverCalibration {
  const minPairs = options.minPairs ?? MIN_CALIBRATION_PAIRS;
  const ratings = pairs.flatMap((p) => p.ratings);
  const kappa = weightedKappa(ratings, 'quadratic');
  const compared = pairs.flatMap((p) => p.indicators).filter((i) => i.exact !== null);
  const exact = compared.filter((i) => i.exact).length;
  const adjacent = compared.filter((i) => i.adjacent).length;
  const share = (count: number) =>
    compared.length === 0 ? null : round2(new D(count).times(100).dividedBy(compared.length));
  const bias = meanDifference(pairs.map((p) => p.difference));
  const n = pairs.length;
  const figures = {
    pairs: n,
    kappa,
    exactShare: share(exact),
    adjacentShare: share(adjacent),
    bias,
  };

  if (n < minPairs) {
    return {
      ...figures,
      verdict: 'too-few-pairs',
      message: {
        id: `Baru ${n} pasangan observasi; perlu minimal ${minPairs} sebelum dapat disimpulkan`,
        en: `Only ${n} observation pairs; at least ${minPairs} are needed before drawing a conclusion`,
      },
    };
  }
  const biased =
    bias.low !== null &&
    bias.high !== null &&
    (toDecimal(bias.low).greaterThan(0) || toDecimal(bias.high).lessThan(0)) &&
    toDecimal(bias.mean ?? '0')
      .abs()
      .greaterThanOrEqualTo(CALIBRATION_BIAS_POINTS);
  const lowKappa = kappa.kappa !== null && toDecimal(kappa.kappa).lessThan(CALIBRATION_MIN_KAPPA);
  const verdict: TCalibrationVerdict = biased || lowKappa ? 'check' : 'consistent';
  return { ...figures, verdict, message: calibrationMessage(bias, kappa, n, verdict) };
}

function id2(value: string): string {
  return value.replace('-', '−').replace('.', ',');
}

function calibrationMessage(
  bias: TMeanDifference,
  kappa: TKappa,
  n: number,
  verdict: TCalibrationVerdict,
): TBilingual {
  const mean = toDecimal(bias.mean ?? '0');
  const abs = round2(mean.abs());
  const higher = mean.greaterThan(0);
  const ci = `${bias.low}–${bias.high}`;
  const ciId = `${id2(bias.low ?? '')}–${id2(bias.high ?? '')}`;
  const k = kappa.kappa ?? '–';
  const direction = mean.isZero()
    ? {
        id: 'menilai rata-rata sama dengan pengamat kedua',
        en: 'scores the same as the second observer on average',
      }
    : {
        id: `menilai rata-rata ${abs.replace('.', ',')} poin lebih ${higher ? 'tinggi' : 'rendah'}`,
        en: `scores ${abs} points ${higher ? 'higher' : 'lower'} on average`,
      };
  const head = {
    id: `Kepala sekolah ${direction.id}, 95% CI ${ciId}, dari ${n} pasangan; kappa ${k.replace('.', ',')}`,
    en: `The principal ${direction.en}, 95% CI ${ci}, from ${n} pairs; kappa ${k}`,
  };
  if (verdict === 'check') {
    return { id: `${head.id}. Perlu dicek bersama.`, en: `${head.en}. Worth checking together.` };
  }
  return { id: `${head.id}. Penilaian selaras.`, en: `${head.en}. Scores agree.` };
}
