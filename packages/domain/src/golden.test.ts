import { describe, expect, it } from 'vitest';
import { classify, PTS_DEFAULT_BANDS } from './bands';
import { checkPrintedFigures } from './consistency';
import { criteriaInputFromPercentages, evaluateCriteria } from './criteria';
import { cycleLabel } from './cycle';
import { LULUT_2 } from './fixtures';
import { gain, gainOfMeans, teacherGains } from './gains';
import { summarizeCycle } from './summary';

/**
 * The golden truth: a published PTS (SD Negeri Lulut 2, three cycles of six teachers),
 * kept in the repository as published (`fixtures/sdn-lulut-2.json`).
 */
const cycles = LULUT_2.cycles;

describe('SD Negeri Lulut 2 with PTS_DEFAULT_BANDS', () => {
  it('has three cycles of six teachers', () => {
    expect(cycles.map((c) => c.scores.length)).toEqual([6, 6, 6]);
  });

  it.each(cycles)('reproduces every printed teacher criterion of $label', (cycle) => {
    expect(cycle.scores.map((s) => classify(PTS_DEFAULT_BANDS, s).label)).toEqual(cycle.criteria);
  });

  it('names the cycles as the paper does', () => {
    expect(cycles.map((c) => cycleLabel(c.ordinal, 'id'))).toEqual(cycles.map((c) => c.label));
  });

  it.each([
    [0, '42.29', 'Kurang', { Kurang: 5, Cukup: 1, Baik: 0, 'Sangat Baik': 0 }],
    [1, '53.48', 'Cukup', { Kurang: 3, Cukup: 3, Baik: 0, 'Sangat Baik': 0 }],
    [2, '65.08', 'Cukup', { Kurang: 0, Cukup: 4, Baik: 2, 'Sangat Baik': 0 }],
  ] as const)('cycle %i: mean %s (%s)', (i, mean, band, counts) => {
    const summary = summarizeCycle(cycles[i]!.scores, PTS_DEFAULT_BANDS);
    expect(summary.mean).toBe(mean);
    expect(summary.meanBand).toBe(band);
    expect(Object.fromEntries(summary.bands.map((b) => [b.label, b.count]))).toEqual(counts);
  });

  it('summarises Siklus II in full', () => {
    expect(summarizeCycle(cycles[2]!.scores, PTS_DEFAULT_BANDS)).toEqual({
      n: 6,
      mean: '65.08',
      median: '64.60',
      min: '53.50',
      max: '77.10',
      sd: '10.09', // Python's statistics.stdev agrees: 10.0893...
      meanBand: 'Cukup',
      bands: [
        { label: 'Kurang', count: 0, share: '0.00' },
        { label: 'Cukup', count: 4, share: '66.67' },
        { label: 'Baik', count: 2, share: '33.33' },
        { label: 'Sangat Baik', count: 0, share: '0.00' },
      ],
    });
  });

  it('finds exactly one printed-figure mismatch: the Siklus II mean', () => {
    const mismatches = cycles.map((c) =>
      checkPrintedFigures(
        {
          printedMean: c.reportedMean,
          printedMeanBand: c.reportedMeanCriterion,
          printedBands: c.criteria,
        },
        c.scores,
        PTS_DEFAULT_BANDS,
      ),
    );
    expect(mismatches.map((m) => m.length)).toEqual([0, 0, 1]);
    expect(mismatches[2]).toEqual([
      {
        field: 'mean',
        printed: '65.05',
        computed: '65.08',
        message: {
          id: 'Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,08',
          en: 'The printed mean 65.05 differs from the computed 65.08',
        },
      },
    ]);
  });

  it('gains from the baseline to Siklus II', () => {
    expect(gainOfMeans(cycles[0]!.scores, cycles[2]!.scores)).toEqual({
      preMean: '42.29',
      postMean: '65.08',
      points: '22.79',
      relative: '53.89',
      normalized: '0.39',
      category: 'medium',
    });
    expect(gain('53.48', '65.08')).toEqual({
      points: '11.60',
      relative: '21.69',
      normalized: '0.25',
      category: 'low',
    });
  });

  it('pairs teachers across cycles', () => {
    const rows = (i: number) =>
      cycles[i]!.scores.map((percentage, t) => ({ teacherId: `guru-${t + 1}`, percentage }));
    const { gains, missing } = teacherGains(rows(0), rows(2));
    expect(missing).toEqual([]);
    expect(gains.map((g) => [g.teacherId, g.points, g.normalized])).toEqual([
      ['guru-1', '17.75', '0.28'],
      ['guru-2', '18.00', '0.29'],
      ['guru-3', '20.05', '0.34'],
      ['guru-4', '25.98', '0.45'],
      ['guru-5', '30.60', '0.55'],
      ['guru-6', '24.35', '0.52'],
    ]);
  });

  it('has not met "mean >= 71 and 80% Baik or better" by Siklus II', () => {
    const input = criteriaInputFromPercentages(cycles[2]!.scores, PTS_DEFAULT_BANDS);
    const result = evaluateCriteria(
      {
        criteria: [
          { kind: 'mean', op: '>=', value: '71' },
          { kind: 'bandShare', op: '>=', percent: '80', band: 'Baik' },
        ],
      },
      input,
      PTS_DEFAULT_BANDS,
    );
    expect(result.met).toBe(false);
    expect(result.results.map((r) => [r.required, r.actual, r.met])).toEqual([
      ['71.00', '65.08', false],
      ['80.00', '33.33', false],
    ]);
    const all = evaluateCriteria(
      [{ kind: 'bandShare', op: '>=', percent: '100', band: 'Baik' }],
      input,
      PTS_DEFAULT_BANDS,
    );
    expect(all.message).toEqual({
      id: 'Kriteria keberhasilan belum tercapai: 4 dari 6 guru di bawah Baik',
      en: 'Success criteria not met: 4 of 6 teachers below Baik',
    });
  });
});
