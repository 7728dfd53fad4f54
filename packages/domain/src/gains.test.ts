import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from './decimal';
import { gain, gainOfMeans, teacherGains } from './gains';
import { expectAppError } from './test-utils';

describe('gain', () => {
  it.each([
    ['50', '85', '35.00', '0.70', 'high'],
    ['50', '84.75', '34.75', '0.70', 'high'], // 0.695 rounds to 0.70, classified after rounding
    ['50', '84.74', '34.74', '0.69', 'medium'],
    ['40', '58', '18.00', '0.30', 'medium'],
    ['40', '57.96', '17.96', '0.30', 'medium'], // 0.2993 -> 0.30
    ['40', '57.6', '17.60', '0.29', 'low'],
    ['60', '50', '-10.00', '-0.25', 'low'],
    ['0', '100', '100.00', '1.00', 'high'],
    ['99.99', '100', '0.01', '1.00', 'high'],
  ] as const)('%s -> %s', (pre, post, points, normalized, category) => {
    expect(gain(pre, post)).toEqual({ points, normalized, category });
  });

  it('has no normalised gain when pre = 100', () => {
    expect(gain('100', '100')).toEqual({ points: '0.00', normalized: null, category: null });
    expect(gain('100.00', '90')).toEqual({ points: '-10.00', normalized: null, category: null });
  });

  it.each([
    [
      'pre',
      '101',
      '50',
      'Persentase 101 di luar rentang 0-100',
      'Percentage 101 is outside the range 0-100',
    ],
    ['post', '50', 'x', '“x” bukan angka desimal yang valid', '“x” is not a valid decimal number'],
  ])('rejects a bad %s', (field, pre, post, id, en) => {
    expectAppError(() => gain(pre, post), { code: 'BAD_REQUEST', field, id, en });
  });

  const arbPercent = fc
    .integer({ min: 0, max: 10_000 })
    .map((c) => new D(c).dividedBy(100).toFixed(2));
  it('normalised gain is at most 1 and defined whenever pre < 100', () => {
    fc.assert(
      fc.property(arbPercent, arbPercent, (pre, post) => {
        const g = gain(pre, post);
        if (new D(pre).lessThan(100)) {
          expect(g.normalized).not.toBeNull();
          expect(new D(g.normalized!).lessThanOrEqualTo(1)).toBe(true);
          expect(g.category).not.toBeNull();
        } else {
          expect(g.normalized).toBeNull();
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('teacherGains and gainOfMeans', () => {
  it('lists teachers missing from one side instead of failing', () => {
    const result = teacherGains(
      [
        { teacherId: 'a', percentage: '40' },
        { teacherId: 'b', percentage: '50' },
      ],
      [
        { teacherId: 'c', percentage: '70' },
        { teacherId: 'a', percentage: '70' },
      ],
    );
    expect(result).toEqual({
      gains: [
        {
          teacherId: 'a',
          pre: '40.00',
          post: '70.00',
          points: '30.00',
          normalized: '0.50',
          category: 'medium',
        },
      ],
      missing: [
        { teacherId: 'c', missingFrom: 'pre' },
        { teacherId: 'b', missingFrom: 'post' },
      ],
    });
  });

  it('rejects a teacher listed twice', () => {
    expectAppError(
      () =>
        teacherGains(
          [
            { teacherId: 'a', percentage: '40' },
            { teacherId: 'a', percentage: '41' },
          ],
          [],
        ),
      {
        code: 'BAD_REQUEST',
        field: 'pre.1.teacherId',
        id: 'Guru a muncul dua kali dalam data pre',
        en: 'Teacher a appears twice in the pre data',
      },
    );
  });

  it('uses the rounded means and is null for an empty cycle', () => {
    // exact means 53.475 and 65.075; shown 53.48 and 65.08, so the gain is 11.60
    expect(
      gainOfMeans(
        ['46.75', '48.50', '50.50', '55.70', '58.80', '60.60'],
        ['53.50', '55.40', '60.55', '68.65', '75.25', '77.10'],
      )?.points,
    ).toBe('11.60');
    expect(gainOfMeans([], ['50'])).toBeNull();
  });
});
