import { describe, expect, test } from 'vitest';
import { cycleOrdinalOf } from './cycle';
import { isAppError } from './errors';
import { sharedScaleMax } from './rubric';
import {
  describeScale,
  formatOnScale,
  percentageOnScale,
  scaleToPercentage,
  type TScoreScale,
  ZScoreScale,
} from './score-scale';
import { SAMPLE_RUBRIC } from './test-fixtures';

const mean5: TScoreScale = { kind: 'mean', max: 5 };
const mean4: TScoreScale = { kind: 'mean', max: 4 };
const total40: TScoreScale = { kind: 'total', max: 40 };

describe('scaleToPercentage: value / maximum x 100, half-up at two', () => {
  test.each([
    ['3,8', mean5, '76.00'],
    ['3.80', mean5, '76.00'],
    ['5', mean5, '100.00'],
    ['1', mean5, '20.00'],
    // A 1-4 mean: 1,00 is 25%, not 0% (papers divide by the maximum).
    ['1', mean4, '25.00'],
    ['4', mean4, '100.00'],
    ['2,9', mean4, '72.50'],
    // 3,335 / 4 = 0,83375 -> 83,375 -> 83,38: half-up, exact.
    ['3,335', mean4, '83.38'],
    // 2/3 of 5: 3.3333... / 5 = 66.666...% -> 66.67
    ['3.33333333333333', mean5, '66.67'],
    ['34', total40, '85.00'],
    ['0', total40, '0.00'],
    ['40', total40, '100.00'],
    // 27,5 / 44 = 62,5 exactly; 29 / 44 = 65,909... -> 65,91
    ['29', { kind: 'total', max: 44 }, '65.91'],
    ['53,475', { kind: 'percent' }, '53.48'],
  ] satisfies [string, TScoreScale, string][])('%s on %j -> %s', (text, scale, percent) => {
    expect(scaleToPercentage(text, scale)).toBe(percent);
  });

  test.each([
    ['0,9', mean5, '1-5'],
    ['5,01', mean5, '1-5'],
    ['4,5', mean4, '1-4'],
    ['41', total40, '0-40'],
    ['100,01', { kind: 'percent' }, '0-100'],
  ] satisfies [string, TScoreScale, string][])(
    '%s is off %j: BAD_REQUEST naming the range',
    (text, scale, range) => {
      try {
        scaleToPercentage(text, scale, 'percentage');
        expect.unreachable();
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('BAD_REQUEST');
        if (!isAppError(error)) throw error;
        expect(error.messages.id).toContain(`(${range})`);
        expect(error.messages.en).toContain(`(${range})`);
        expect(error.field).toBe('percentage');
      }
    },
  );

  test.each(['', 'tiga', '3,8%', '-1', '1e1', '3,,8'])('%j is not a number', (text) => {
    expect(() => scaleToPercentage(text, mean5)).toThrow(/is not a number/);
  });
});

describe('percentageOnScale: the same rule backwards', () => {
  test.each([
    ['76.00', 5, '3.80'],
    ['72.50', 4, '2.90'],
    ['66.67', 5, '3.33'],
    // 62,5% of 4 = 2,5; 63,13% of 4 = 2,5252 -> 2,53
    ['63.13', 4, '2.53'],
    ['100.00', 4, '4.00'],
  ])('%s%% of %i -> %s', (percentage, max, value) => {
    expect(percentageOnScale(percentage, max)).toBe(value);
  });
});

test('scales read in words, both languages', () => {
  expect(describeScale(mean4)).toEqual({ id: 'rata-rata skala 1-4', en: 'mean on a 1-4 scale' });
  expect(describeScale(total40).id).toBe('skor total dari 40');
  expect(formatOnScale('3.80', mean5)).toEqual({ id: '3,80 dari 5', en: '3.80 of 5' });
});

test('ZScoreScale takes 1-4 and 1-5 means and whole totals only', () => {
  expect(ZScoreScale.safeParse({ kind: 'mean', max: 3 }).success).toBe(false);
  expect(ZScoreScale.safeParse({ kind: 'total', max: 0 }).success).toBe(false);
  expect(ZScoreScale.safeParse({ kind: 'total', max: 40.5 }).success).toBe(false);
  expect(ZScoreScale.safeParse({ kind: 'total', max: 40 }).success).toBe(true);
});

describe('cycleOrdinalOf: the cycle a recap column names', () => {
  test.each([
    ['Kondisi Awal', 0],
    ['KONDISI AWAL', 0],
    ['Pra Siklus', 0],
    ['Pra-Siklus', 0],
    ['Prasiklus', 0],
    ['Siklus I', 1],
    ['Siklus 1', 1],
    ['SIKLUS II', 2],
    ['Siklus III', 3],
    ['siklus iv', 4],
    ['Cycle 2', 2],
  ])('%j -> %i', (text, ordinal) => {
    expect(cycleOrdinalOf(text)).toBe(ordinal);
  });
  test.each(['Siklus', 'Siklus IIII', 'Siklus 0', 'Siklus 21', 'Nama Guru', 'Persentase'])(
    '%j names no cycle',
    (text) => {
      expect(cycleOrdinalOf(text)).toBeNull();
    },
  );
});

describe('sharedScaleMax: the scale a rubric mean is reported on', () => {
  test('every indicator on 1-4 -> 4; a percentage-only rubric -> null', () => {
    expect(sharedScaleMax(SAMPLE_RUBRIC)).toBe(4);
    expect(sharedScaleMax({ mode: 'summary' })).toBeNull();
    const mixed = structuredClone(SAMPLE_RUBRIC);
    if (mixed.mode !== 'indicators') throw new Error('fixture');
    mixed.aspects[0]!.indicators[0]!.scale = {
      min: 1,
      max: 5,
      levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })),
    };
    expect(sharedScaleMax(mixed)).toBeNull();
  });
});
