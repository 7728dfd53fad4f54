import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from './decimal';
import { GAIN_OF_MEANS_NOTE, gain, gainFigures, gainOfMeans, teacherGains } from './gains';
import { expectAppError } from './test-utils';

describe('gain', () => {
  it.each([
    ['50', '85', '35.00', '70.00', '0.70', 'high'],
    ['50', '84.75', '34.75', '69.50', '0.70', 'high'], // 0.695 rounds to 0.70, classified after rounding
    ['50', '84.74', '34.74', '69.48', '0.69', 'medium'],
    ['40', '58', '18.00', '45.00', '0.30', 'medium'],
    ['40', '57.96', '17.96', '44.90', '0.30', 'medium'], // 0.2993 -> 0.30
    ['40', '57.6', '17.60', '44.00', '0.29', 'low'],
    ['60', '50', '-10.00', '-16.67', '-0.25', 'low'],
    ['0', '100', '100.00', null, '1.00', 'high'], // relative from 0: undefined
    ['99.99', '100', '0.01', '0.01', '1.00', 'high'],
  ] as const)('%s -> %s', (pre, post, points, relative, normalized, category) => {
    expect(gain(pre, post)).toEqual({ points, relative, normalized, category });
  });

  it('has no normalised gain when pre = 100', () => {
    expect(gain('100', '100')).toEqual({
      points: '0.00',
      relative: '0.00',
      normalized: null,
      category: null,
    });
    expect(gain('100.00', '90')).toEqual({
      points: '-10.00',
      relative: '-10.00',
      normalized: null,
      category: null,
    });
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
          relative: '75.00',
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

describe('gainFigures: the three conventions, labelled', () => {
  it("puts the study's chosen convention first and labels each (Lulut 2, Siklus I -> II)", () => {
    const g = gain('53.48', '65.08');
    expect(gainFigures(g).map((f) => [f.label.id, f.text.id])).toEqual([
      ['poin', '+11,60 poin'],
      ['peningkatan relatif', '+21,69%'],
      ['N-gain (Hake)', '0,25 (Rendah)'],
    ]);
    expect(gainFigures(g, 'relative').map((f) => [f.convention, f.value, f.text.en])).toEqual([
      ['relative', '21.69', '+21.69%'],
      ['points', '11.60', '+11.60 points'],
      ['normalized', '0.25', '0.25 (Low)'],
    ]);
    expect(gainFigures(gain('60', '50'), 'normalized')[0]?.text.id).toBe('-0,25 (Rendah)');
  });

  it('says a relative gain from 0 is undefined, and an n-gain from 100', () => {
    const fromZero = gainFigures(gain('0', '40'), 'relative');
    expect(fromZero[0]).toEqual({
      convention: 'relative',
      label: { id: 'peningkatan relatif', en: 'relative increase' },
      value: null,
      text: { id: 'tidak terdefinisi: nilai awal 0', en: 'undefined: the starting value is 0' },
    });
    expect(fromZero[1]?.text.id).toBe('+40,00 poin');
    const fromFull = gainFigures(gain('100', '90'));
    expect(fromFull[2]?.value).toBeNull();
    expect(fromFull[2]?.text.en).toBe('undefined: the starting value is 100');
    expect(fromFull[1]?.text.id).toBe('-10,00%');
  });

  it('the rata-rata row is the gain of the means and says so', () => {
    expect(GAIN_OF_MEANS_NOTE.id).toMatch(/bukan rata-rata peningkatan tiap guru/);
    // The gain of the means differs from the mean of the teachers' gains in relative terms.
    const pre = ['20', '80'];
    const post = ['40', '88'];
    expect(gainOfMeans(pre, post)?.relative).toBe('28.00');
    const perTeacher = teacherGains(
      pre.map((p, i) => ({ teacherId: String(i), percentage: p })),
      post.map((p, i) => ({ teacherId: String(i), percentage: p })),
    ).gains.map((x) => x.relative);
    expect(perTeacher).toEqual(['100.00', '10.00']);
  });
});
