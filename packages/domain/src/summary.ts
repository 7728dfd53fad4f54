import { classify, type TBandSet } from './bands';
import { assertPercentage, D, round2, type TDecimal } from './decimal';

export type TBandShare = {
  label: string;
  count: number;
  /** Percent of n with two places ("33.33"); null when n = 0. */
  share: string | null;
};

export type TCycleSummary = {
  n: number;
  mean: string | null;
  median: string | null;
  min: string | null;
  max: string | null;
  /** Sample standard deviation (n - 1); null when n < 2. */
  sd: string | null;
  /** The band of the rounded mean; null when n = 0. */
  meanBand: string | null;
  /** Every band of the set in order, zero counts included. */
  bands: TBandShare[];
};

/**
 * The figures of one cycle's table: n, mean, median, min, max, sample sd, and how many
 * teachers fall in each band. Arithmetic is exact; each figure is rounded once at the end.
 * Each teacher is classified by their own rounded figure, the mean by the rounded mean.
 */
export function summarizeCycle(percentages: readonly string[], bandSet: TBandSet): TCycleSummary {
  const values = percentages.map((p, i) => assertPercentage(p, `percentages.${i}`));
  const n = values.length;
  const counts = bandSet.bands.map(() => 0);
  for (const v of values) {
    const { index } = classify(bandSet, v);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  const bands = bandSet.bands.map((band, i) => {
    const count = counts[i] ?? 0;
    return {
      label: band.label,
      count,
      share: n === 0 ? null : round2(new D(count).times(100).dividedBy(n)),
    };
  });
  if (n === 0) {
    return { n, mean: null, median: null, min: null, max: null, sd: null, meanBand: null, bands };
  }

  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const exact = values.reduce((s, v) => s.plus(v), new D(0)).dividedBy(n);
  const mean = round2(exact);
  return {
    n,
    mean,
    median: round2(medianOfSorted(sorted)),
    min: round2(sorted[0]!),
    max: round2(sorted[n - 1]!),
    sd: n < 2 ? null : round2(sampleSd(values, exact)),
    meanBand: classify(bandSet, mean).label,
    bands,
  };
}

function medianOfSorted(sorted: readonly TDecimal[]): TDecimal {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid]!;
  return sorted.length % 2 === 1 ? upper : sorted[mid - 1]!.plus(upper).dividedBy(2);
}

/** sqrt(sum((x - mean)^2) / (n - 1)), from the exact mean, not the rounded one. */
function sampleSd(values: readonly TDecimal[], exactMean: TDecimal): TDecimal {
  const squares = values.reduce((s, v) => s.plus(v.minus(exactMean).pow(2)), new D(0));
  return squares.dividedBy(values.length - 1).sqrt();
}
