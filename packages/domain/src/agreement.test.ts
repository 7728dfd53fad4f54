import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrateObserver,
  compareObservationPair,
  MIN_CALIBRATION_PAIRS,
  meanDifference,
  type TKappaWeights,
  tCritical975,
  weightedKappa,
} from './agreement';
import { PTS_DEFAULT_BANDS } from './bands';
import { D } from './decimal';
import type { TRubricDefinition } from './rubric';

/** Expands a contingency table (rows: first observer, columns: second) into score pairs. */
function pairsOf(table: number[][]): [number, number][] {
  const pairs: [number, number][] = [];
  table.forEach((row, i) => {
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) pairs.push([i + 1, j + 1]);
    });
  });
  return pairs;
}

/** Labels 0..k-1 as sklearn writes them: y1 = [0]*46 + [1]*44 + ... */
function repeated(spec: [number, number][]): number[] {
  return spec.flatMap(([value, count]) => Array.from({ length: count }, () => value));
}
const zip = (a: number[], b: number[]) => a.map((x, i) => [x, b[i]!] as [number, number]);

describe('weightedKappa against published worked examples', () => {
  /**
   * Two radiologists classifying 85 xeromammograms as normal / benign / suspected / cancer:
   * Boyd et al. (1982), J Natl Cancer Inst 68:357-363, as tabulated in Altman (1991),
   * Practical Statistics for Medical Research, pp. 403-405, and used in the Stata Base
   * Reference Manual, [R] kappa, examples 1-2 (`kap rada radb`, `wgt(w)`, `wgt(w2)`).
   * Stata prints kappa 0.4728 unweighted and 0.5684 with linear weights, and an agreement
   * of 94.77% with quadratic weights. By hand, with N = 85 and disagreement weights
   * (i - j)^2: sum w·n = 40, sum w·r·c = 10346, so kappa = 1 - 85·40/10346 = 3473/5173
   * = 0.67137...; linear: 1 - 85·34/6696 = 0.56839...; unweighted 1 - 85·31/4998 = 0.47278...
   */
  const xeromammograms = pairsOf([
    [21, 12, 0, 0],
    [4, 17, 1, 0],
    [3, 9, 15, 2],
    [0, 0, 0, 1],
  ]);

  /**
   * Skin condition of 88 patients rated terrible / poor / marginal / clear by two
   * dermatologists: SAS/STAT User's Guide, The FREQ Procedure, "Agreement Study" (Table
   * "Skin Condition Data"). SAS prints simple kappa 0.3449 and (Cicchetti-Allison, i.e.
   * linear) weighted kappa 0.5082. Quadratic by hand: 1 - 88·64/16600 = 1371/2075 = 0.66072...
   */
  const skin = pairsOf([
    [10, 4, 1, 0],
    [5, 10, 12, 2],
    [2, 4, 12, 5],
    [0, 2, 6, 13],
  ]);

  /**
   * scikit-learn, sklearn/metrics/tests/test_classification.py, test_cohen_kappa: two
   * labelings of 100 items with published values 0.9315 (none), 0.9412 (linear) and
   * 0.9541 (quadratic); by hand the quadratic one is 1 - 100·4/8720 = 104/109.
   */
  const sklearnWeighted = zip(
    repeated([
      [0, 46],
      [1, 44],
      [2, 10],
    ]),
    repeated([
      [0, 50],
      [1, 40],
      [2, 10],
    ]),
  );
  const sklearnThreeClass = zip(
    repeated([
      [0, 46],
      [1, 44],
      [2, 10],
    ]),
    repeated([
      [0, 52],
      [1, 32],
      [2, 16],
    ]),
  );
  const sklearnTwoClass = zip(
    repeated([
      [0, 40],
      [1, 60],
    ]),
    repeated([
      [0, 20],
      [1, 20],
      [0, 10],
      [1, 50],
    ]),
  );

  const cases: [string, [number, number][], TKappaWeights, string][] = [
    ['xeromammograms, unweighted (Stata 0.4728)', xeromammograms, 'unweighted', '0.4728'],
    ['xeromammograms, linear (Stata 0.5684)', xeromammograms, 'linear', '0.5684'],
    ['xeromammograms, quadratic (3473/5173)', xeromammograms, 'quadratic', '0.6714'],
    ['skin condition, simple (SAS 0.3449)', skin, 'unweighted', '0.3449'],
    ['skin condition, Cicchetti-Allison (SAS 0.5082)', skin, 'linear', '0.5082'],
    ['skin condition, quadratic (1371/2075)', skin, 'quadratic', '0.6607'],
    ['sklearn weighted, none (0.9315)', sklearnWeighted, 'unweighted', '0.9315'],
    ['sklearn weighted, linear (0.9412)', sklearnWeighted, 'linear', '0.9412'],
    ['sklearn weighted, quadratic (0.9541)', sklearnWeighted, 'quadratic', '0.9541'],
    ['sklearn three classes, none (0.8013)', sklearnThreeClass, 'unweighted', '0.8013'],
    ['sklearn two classes, none (0.348)', sklearnTwoClass, 'unweighted', '0.3478'],
  ];

  it.each(cases)('%s', (_name, pairs, weights, expected) => {
    expect(weightedKappa(pairs, weights)).toEqual({
      n: pairs.length,
      kappa: expected,
      undefinedReason: null,
    });
  });

  it('is symmetric in the two observers and ignores the scale origin', () => {
    const swapped = xeromammograms.map(([a, b]) => [b, a] as [number, number]);
    const shifted = xeromammograms.map(([a, b]) => [a + 10, b + 10] as [number, number]);
    expect(weightedKappa(swapped).kappa).toBe('0.6714');
    expect(weightedKappa(shifted).kappa).toBe('0.6714');
  });
});

describe('weightedKappa edge cases', () => {
  it('is undefined with no items', () => {
    expect(weightedKappa([])).toEqual({ n: 0, kappa: null, undefinedReason: 'no-items' });
  });

  it('is undefined when both observers used one and the same score throughout', () => {
    expect(
      weightedKappa([
        [3, 3],
        [3, 3],
        [3, 3],
      ]),
    ).toEqual({ n: 3, kappa: null, undefinedReason: 'no-expected-disagreement' });
  });

  it('is 0 when one observer used one score and the other varied (no association)', () => {
    expect(
      weightedKappa([
        [3, 2],
        [3, 3],
        [3, 4],
      ]).kappa,
    ).toBe('0.0000');
  });

  it('is 1 for perfect agreement over more than one score', () => {
    expect(
      weightedKappa([
        [1, 1],
        [2, 2],
        [4, 4],
        [3, 3],
      ]).kappa,
    ).toBe('1.0000');
  });

  it('is -1 for perfectly reversed ratings on a symmetric scale (quadratic)', () => {
    expect(
      weightedKappa([
        [1, 4],
        [4, 1],
      ]).kappa,
    ).toBe('-1.0000');
  });

  it('rounds a tie at the fifth place half-up, away from zero (-13/32 = -0,40625)', () => {
    expect(
      weightedKappa([
        [3, 1],
        [3, 2],
        [3, 1],
        [2, 2],
        [2, 5],
      ]).kappa,
    ).toBe('-0.4063');
  });

  it('equals 2·s_xy / (s_x² + s_y² + (x̄ - ȳ)²) exactly (quadratic kappa, population moments)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (pairs) => {
          // Multiplied through by n, every moment is an integer, so the reference is exact
          // too (with means sum/n, a tie at the fifth place could come out a hair off it):
          // n·Sxy = nΣxy - ΣxΣy, n·Sxx = nΣx² - (Σx)², n·n(x̄ - ȳ)² = (Σx - Σy)².
          const n = pairs.length;
          const sum = (f: (p: readonly [number, number]) => number) =>
            pairs.reduce((s, p) => s.plus(f(p)), new D(0));
          const sx = sum(([x]) => x);
          const sy = sum(([, y]) => y);
          const sxy = sum(([x, y]) => x * y)
            .times(n)
            .minus(sx.times(sy));
          const sxx = sum(([x]) => x * x)
            .times(n)
            .minus(sx.pow(2));
          const syy = sum(([, y]) => y * y)
            .times(n)
            .minus(sy.pow(2));
          const den = sxx.plus(syy).plus(sx.minus(sy).pow(2));
          const result = weightedKappa(pairs);
          if (den.isZero()) {
            expect(result.kappa).toBeNull();
          } else {
            const expected = sxy.times(2).dividedBy(den).toDecimalPlaces(4, D.ROUND_HALF_UP);
            expect(result.kappa).toBe(expected.isZero() ? '0.0000' : expected.toFixed(4));
          }
        },
      ),
    );
  });
});

describe('meanDifference (95% interval from Student t, n - 1 df)', () => {
  /**
   * Student (1908), Biometrika 6:1-25, the Cushny-Peebles sleep data: extra hours of sleep,
   * drug 2 minus drug 1, ten patients. R's `t.test(extra ~ group, data = sleep, paired =
   * TRUE)` prints mean difference 1.58 (sign reversed) and 95% CI 0.7001142 to 2.4598858.
   */
  it('reproduces the sleep data interval', () => {
    const d = ['1.2', '2.4', '1.3', '1.3', '0.0', '1.0', '1.8', '0.8', '4.6', '1.4'];
    expect(meanDifference(d)).toEqual({
      n: 10,
      mean: '1.58',
      sd: '1.23',
      low: '0.70',
      high: '2.46',
    });
  });

  it('by hand: 1..5 has mean 3, sd sqrt(2.5), half-width 2.776445105·sqrt(2.5)/sqrt(5) = 1.963', () => {
    expect(meanDifference(['1', '2', '3', '4', '5'])).toEqual({
      n: 5,
      mean: '3.00',
      sd: '1.58',
      low: '1.04',
      high: '4.96',
    });
  });

  it('has no interval below two pairs, and nothing at zero', () => {
    expect(meanDifference([])).toEqual({ n: 0, mean: null, sd: null, low: null, high: null });
    expect(meanDifference(['6.25'])).toEqual({
      n: 1,
      mean: '6.25',
      sd: null,
      low: null,
      high: null,
    });
  });

  it('collapses to the mean when every difference is the same', () => {
    expect(meanDifference(['2.50', '2.50', '2.50'])).toMatchObject({ low: '2.50', high: '2.50' });
  });
});

describe('tCritical975', () => {
  it('takes the table up to 30 degrees of freedom', () => {
    expect(tCritical975(1)).toBe('12.706204736');
    expect(tCritical975(9)).toBe('2.262157163');
    expect(tCritical975(30)).toBe('2.042272456');
  });

  it('the expansion agrees with the table at df 20-30 and with published values beyond', () => {
    // Published: t(0.975; 40) = 2.021075390, 60: 2.000297822, 120: 1.979930405.
    const close = (a: string, b: string, eps: string) =>
      expect(new D(a).minus(b).abs().lessThan(eps)).toBe(true);
    close(tCritical975(40), '2.021075390', '1e-7');
    close(tCritical975(60), '2.000297822', '1e-7');
    close(tCritical975(120), '1.979930405', '1e-7');
    // The table itself is decreasing, which catches a mistyped digit in most places.
    for (let df = 2; df <= 31; df++) {
      expect(new D(tCritical975(df)).lessThan(tCritical975(df - 1))).toBe(true);
    }
  });

  it('refuses a degree of freedom that is not a positive integer', () => {
    expect(() => tCritical975(0)).toThrow(RangeError);
  });
});

const RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Perencanaan',
      indicators: ['A1', 'A2', 'A3', 'A4'].map((key) => ({
        key,
        text: key,
        scale: {
          min: 1,
          max: 4,
          levels: [1, 2, 3, 4].map((value) => ({ value, label: String(value) })),
        },
      })),
    },
  ],
};

describe('compareObservationPair', () => {
  it('counts exact and adjacent agreement, and the difference in percentage and band', () => {
    const pair = compareObservationPair(
      RUBRIC,
      PTS_DEFAULT_BANDS,
      { kind: 'indicators', scores: { A1: 4, A2: 3, A3: 3, A4: 'na' } },
      { kind: 'indicators', scores: { A1: 4, A2: 2, A3: 1, A4: 2 } },
    );
    // First: 10/12 = 83.33 (Baik); second: 9/16 = 56.25 (Cukup).
    expect(pair).toMatchObject({
      compared: 3,
      exactShare: '33.33',
      adjacentShare: '66.67',
      firstPercentage: '83.33',
      secondPercentage: '56.25',
      difference: '27.08',
      firstBand: 'Baik',
      secondBand: 'Cukup',
      bandSteps: 1,
      ratings: [
        [4, 4],
        [3, 2],
        [3, 1],
      ],
    });
    expect(pair.indicators[3]).toEqual({
      key: 'A4',
      first: 'na',
      second: 2,
      exact: null,
      adjacent: null,
    });
  });

  it('agrees completely on identical sheets', () => {
    const sheet = { kind: 'indicators' as const, scores: { A1: 2, A2: 3, A3: 4, A4: 1 } };
    expect(compareObservationPair(RUBRIC, PTS_DEFAULT_BANDS, sheet, sheet)).toMatchObject({
      compared: 4,
      exactShare: '100.00',
      adjacentShare: '100.00',
      difference: '0.00',
      bandSteps: 0,
    });
  });

  it('counts adjacency in scale levels, not points, when levels skip values', () => {
    const gapped: TRubricDefinition = {
      mode: 'indicators',
      aspects: [
        {
          key: 'A',
          title: 'A',
          indicators: [
            {
              key: 'A1',
              text: 'A1',
              scale: {
                min: 0,
                max: 4,
                levels: [0, 2, 4].map((value) => ({ value, label: String(value) })),
              },
            },
          ],
        },
      ],
    };
    const pair = compareObservationPair(
      gapped,
      PTS_DEFAULT_BANDS,
      { kind: 'indicators', scores: { A1: 2 } },
      { kind: 'indicators', scores: { A1: 4 } },
    );
    expect(pair.indicators[0]).toMatchObject({ exact: false, adjacent: true });
  });
});

describe('calibrateObserver', () => {
  const pairOf = (difference: string, ratings: [number, number][]) => ({
    difference,
    ratings,
    indicators: ratings.map(([a, b], i) => ({
      key: `K${i}`,
      first: a,
      second: b,
      exact: a === b,
      adjacent: Math.abs(a - b) <= 1,
    })),
  });

  it('draws no verdict below the minimum number of pairs', () => {
    const pairs = Array.from({ length: MIN_CALIBRATION_PAIRS - 1 }, () =>
      pairOf('20.00', [
        [4, 1],
        [4, 2],
      ]),
    );
    const result = calibrateObserver(pairs);
    expect(result.verdict).toBe('too-few-pairs');
    expect(result.pairs).toBe(4);
    expect(result.message.id).toBe(
      'Baru 4 pasangan observasi; perlu minimal 5 sebelum dapat disimpulkan',
    );
  });

  it('says "perlu dicek" for a systematic bias whose interval excludes zero', () => {
    const diffs = ['6.25', '8.00', '4.50', '7.10', '5.00', '6.40'];
    const pairs = diffs.map((d, i) =>
      pairOf(d, [
        [4, 3],
        [3, 3],
        [(i % 4) + 1, (i % 4) + 1],
        [2, 1],
      ]),
    );
    const result = calibrateObserver(pairs);
    // By hand: mean 37.25/6 = 6.2083, sd 1.2979, t(5) = 2.570581836, half-width 1.3620;
    // quadratic kappa over the 24 ratings = 1 - 24·12/1222 = 467/611 = 0.76432...
    expect(result.bias).toEqual({ n: 6, mean: '6.21', sd: '1.30', low: '4.85', high: '7.57' });
    expect(result.verdict).toBe('check');
    expect(result.message).toEqual({
      id: 'Kepala sekolah menilai rata-rata 6,21 poin lebih tinggi, 95% CI 4,85–7,57, dari 6 pasangan; kappa 0,7643. Perlu dicek bersama.',
      en: 'The principal scores 6.21 points higher on average, 95% CI 4.85–7.57, from 6 pairs; kappa 0.7643. Worth checking together.',
    });
  });

  it('calls perfect agreement consistent', () => {
    const pairs = Array.from({ length: 6 }, (_, i) =>
      pairOf('0.00', [
        [1, 1],
        [(i % 4) + 1, (i % 4) + 1],
        [4, 4],
      ]),
    );
    const result = calibrateObserver(pairs);
    expect(result).toMatchObject({
      verdict: 'consistent',
      exactShare: '100.00',
      adjacentShare: '100.00',
      kappa: { kappa: '1.0000' },
      bias: { mean: '0.00', low: '0.00', high: '0.00' },
    });
  });

  it('flags low kappa even without bias', () => {
    const pairs = Array.from({ length: 6 }, (_, i) =>
      pairOf(i % 2 === 0 ? '3.00' : '-3.00', [
        [1, 4],
        [4, 1],
        [2, 3],
        [3, 2],
      ]),
    );
    const result = calibrateObserver(pairs);
    expect(result.verdict).toBe('check');
    expect(result.kappa.kappa).toBe('-1.0000');
  });
});
