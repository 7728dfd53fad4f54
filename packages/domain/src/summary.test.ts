import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PKG_BANDS, PTS_DEFAULT_BANDS } from './bands';
import { D } from './decimal';
import { summarizeCycle } from './summary';
import { expectAppError } from './test-utils';

describe('summarizeCycle', () => {
  it('gives null figures and every band at zero when n = 0', () => {
    expect(summarizeCycle([], PTS_DEFAULT_BANDS)).toEqual({
      n: 0,
      mean: null,
      median: null,
      min: null,
      max: null,
      sd: null,
      meanBand: null,
      bands: [
        { label: 'Kurang', count: 0, share: null },
        { label: 'Cukup', count: 0, share: null },
        { label: 'Baik', count: 0, share: null },
        { label: 'Sangat Baik', count: 0, share: null },
      ],
    });
  });

  it('has no sd for one teacher', () => {
    const s = summarizeCycle(['70.995'], PTS_DEFAULT_BANDS);
    expect([s.n, s.mean, s.median, s.min, s.max, s.sd, s.meanBand]).toEqual([
      1,
      '71.00',
      '71.00',
      '71.00',
      '71.00',
      null,
      'Baik',
    ]);
    expect(s.bands.map((b) => b.share)).toEqual(['0.00', '0.00', '100.00', '0.00']);
  });

  it('takes the middle pair for an even n, and works with any band set', () => {
    const s = summarizeCycle(['90', '10', '60', '70'], PKG_BANDS);
    expect([s.median, s.mean, s.sd, s.meanBand]).toEqual(['65.00', '57.50', '34.03', 'Sedang']);
    expect(s.bands.map((b) => `${b.label}:${b.count}:${b.share}`)).toEqual([
      'Kurang:1:25.00', // 10
      'Sedang:1:25.00', // 60 (51.00 - 60.99)
      'Cukup:1:25.00', // 70
      'Baik:1:25.00', // 90 (76.00 - 90.99)
      'Amat Baik:0:0.00',
    ]);
  });

  it.each([
    ['abc', '“abc” bukan angka desimal yang valid', '“abc” is not a valid decimal number'],
    ['101', 'Persentase 101 di luar rentang 0-100', 'Percentage 101 is outside the range 0-100'],
  ])('rejects %s with its position', (bad, id, en) => {
    expectAppError(() => summarizeCycle(['50', bad], PTS_DEFAULT_BANDS), {
      code: 'BAD_REQUEST',
      field: 'percentages.1',
      id,
      en,
    });
  });

  const arbPercents = fc.array(
    fc.integer({ min: 0, max: 10_000 }).map((c) => new D(c).dividedBy(100).toFixed(2)),
    { minLength: 1, maxLength: 40 },
  );

  it('keeps the mean and median between min and max, sd >= 0, counts adding to n', () => {
    fc.assert(
      fc.property(arbPercents, (values) => {
        const s = summarizeCycle(values, PTS_DEFAULT_BANDS);
        const min = new D(s.min!);
        const max = new D(s.max!);
        for (const figure of [s.mean!, s.median!]) {
          expect(new D(figure).greaterThanOrEqualTo(min)).toBe(true);
          expect(new D(figure).lessThanOrEqualTo(max)).toBe(true);
        }
        if (values.length < 2) expect(s.sd).toBeNull();
        else expect(new D(s.sd!).greaterThanOrEqualTo(0)).toBe(true);
        expect(s.bands.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
      }),
      { numRuns: 300 },
    );
  });
});
