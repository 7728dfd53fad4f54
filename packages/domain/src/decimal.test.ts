import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimal, D, meanOf, parsePercentage, round2 } from './decimal';
import { expectAppError } from './test-utils';

describe('round2', () => {
  it.each([
    ['53.475', '53.48'],
    ['52.285', '52.29'],
    ['1.005', '1.01'],
    ['65.075', '65.08'],
    ['2.675', '2.68'],
    ['0.004', '0.00'],
    ['0.005', '0.01'],
    ['-1.005', '-1.01'],
    ['-0.004', '0.00'],
    ['100', '100.00'],
    ['7', '7.00'],
    ['42.2916666666', '42.29'],
    [' 3.14159 ', '3.14'],
  ])('%s -> %s', (input, expected) => {
    expect(round2(input)).toBe(expected);
  });

  it('takes a Decimal', () => {
    expect(round2(new D('390.45').dividedBy(6))).toBe('65.08');
  });

  it.each(['abc', '', '1e5', '0x10', 'Infinity', 'NaN', '1.2.3', '35,75'])(
    'rejects %j',
    (input) => {
      expectAppError(() => round2(input), {
        code: 'BAD_REQUEST',
        id: `“${input}” bukan angka desimal yang valid`,
        en: `“${input}” is not a valid decimal number`,
      });
    },
  );

  // The reference rounds with BigInt only: |m| / 10^(k-2), ties away from zero.
  function referenceRound2(m: bigint, k: number): string {
    const negative = m < 0n;
    const abs = negative ? -m : m;
    let cents: bigint;
    if (k <= 2) {
      cents = abs * 10n ** BigInt(2 - k);
    } else {
      const div = 10n ** BigInt(k - 2);
      cents = abs / div;
      if ((abs % div) * 2n >= div) cents += 1n;
    }
    const whole = cents / 100n;
    const frac = (cents % 100n).toString().padStart(2, '0');
    return `${negative && cents !== 0n ? '-' : ''}${whole}.${frac}`;
  }

  function scaled(m: bigint, k: number): string {
    const negative = m < 0n;
    const digits = (negative ? -m : m).toString().padStart(k + 1, '0');
    const text = k === 0 ? digits : `${digits.slice(0, -k)}.${digits.slice(-k)}`;
    return `${negative ? '-' : ''}${text}`;
  }

  it('equals an exact BigInt reference on random scaled integers', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        (m, k) => {
          expect(round2(scaled(m, k))).toBe(referenceRound2(m, k));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the reference itself agrees with the worked examples', () => {
    expect(referenceRound2(53475n, 3)).toBe('53.48');
    expect(referenceRound2(-1005n, 3)).toBe('-1.01');
    expect(scaled(-5n, 3)).toBe('-0.005');
  });
});

describe('parsePercentage', () => {
  it.each([
    ['35,75', '35.75'],
    ['35.75', '35.75'],
    ['  35.5 ', '35.50'],
    ['0', '0.00'],
    ['100', '100.00'],
    ['100,00', '100.00'],
    ['-0', '0.00'],
    ['007.1', '7.10'],
  ])('%j -> %s', (input, expected) => {
    expect(parsePercentage(input)).toBe(expected);
  });

  it.each([
    {
      input: 'abc',
      id: '“abc” bukan persentase yang valid; tulis angka seperti 35,75',
      en: '“abc” is not a valid percentage; write a number such as 35.75',
    },
    {
      input: '',
      id: '“” bukan persentase yang valid; tulis angka seperti 35,75',
      en: '“” is not a valid percentage; write a number such as 35.75',
    },
    {
      input: '1.234,5',
      id: '“1.234,5” bukan persentase yang valid; tulis angka seperti 35,75',
      en: '“1.234,5” is not a valid percentage; write a number such as 35.75',
    },
    {
      input: '35.',
      id: '“35.” bukan persentase yang valid; tulis angka seperti 35,75',
      en: '“35.” is not a valid percentage; write a number such as 35.75',
    },
    {
      input: '35,755',
      id: 'Persentase 35,755 memiliki lebih dari dua angka desimal',
      en: 'Percentage 35,755 has more than two decimal places',
    },
    {
      input: '100.01',
      id: 'Persentase 100.01 di luar rentang 0-100',
      en: 'Percentage 100.01 is outside the range 0-100',
    },
    {
      input: '-0.5',
      id: 'Persentase -0.5 di luar rentang 0-100',
      en: 'Percentage -0.5 is outside the range 0-100',
    },
  ])('rejects $input', ({ input, id, en }) => {
    expectAppError(() => parsePercentage(input, 'percentage'), {
      code: 'BAD_REQUEST',
      id,
      en,
      field: 'percentage',
    });
  });
});

describe('meanOf and compareDecimal', () => {
  it('means exactly and rounds once', () => {
    expect(meanOf(['46.75', '48.50', '50.50', '55.70', '58.80', '60.60'])).toBe('53.48');
    expect(meanOf(['0.1', '0.2'])).toBe('0.15');
  });

  it('rejects an empty list', () => {
    expectAppError(() => meanOf([]), {
      code: 'BAD_REQUEST',
      id: 'Rata-rata tidak dapat dihitung dari daftar kosong',
      en: 'A mean cannot be computed from an empty list',
    });
  });

  it.each([
    ['1.0', '1.00', 0],
    ['1.01', '1.1', -1],
    ['-2', '-3', 1],
  ] as const)('compareDecimal(%s, %s) = %i', (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
  });
});
