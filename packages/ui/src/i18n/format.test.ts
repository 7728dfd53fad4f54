import { describe, expect, it } from 'vitest';
import {
  compareDecimalStrings,
  formatDate,
  formatDecimal,
  formatInteger,
  formatLongDate,
  formatPercent,
  formatScore,
} from './format';

describe('formatScore (whole numbers read as whole numbers)', () => {
  it.each([
    ['35.00', 'id', '35'],
    ['40.00', 'en', '40'],
    ['35.50', 'id', '35,50'],
    ['1250.00', 'id', '1.250'],
    ['-2.00', 'en', '-2'],
    ['7', 'id', '7'],
    [null, 'id', '–'],
  ] as const)('%s in %s is %s', (value, lang, expected) => {
    expect(formatScore(value, lang)).toBe(expected);
  });
});

describe('formatDecimal', () => {
  it.each([
    ['53.48', 'id', '53,48'],
    ['53.48', 'en', '53.48'],
    ['100.00', 'id', '100,00'],
    ['0.50', 'id', '0,50'],
    ['-3.25', 'id', '-3,25'],
    ['1234.5', 'id', '1.234,5'],
    ['1234.5', 'en', '1,234.5'],
    ['1234567.89', 'id', '1.234.567,89'],
    ['65.075', 'id', '65,075'],
    ['70', 'id', '70'],
  ] as const)('%s in %s is %s', (value, lang, expected) => {
    expect(formatDecimal(value, lang)).toBe(expected);
  });

  it('keeps every digit it was given (no float round trip)', () => {
    expect(formatDecimal('0.10000000000000000555', 'en')).toBe('0.10000000000000000555');
    expect(formatDecimal('53.475', 'id')).toBe('53,475');
  });

  it('shows a dash for no value and leaves non-numbers untouched', () => {
    expect(formatDecimal(null, 'id')).toBe('–');
    expect(formatDecimal('', 'en')).toBe('–');
    expect(formatDecimal(undefined, 'id', { empty: 'n/a' })).toBe('n/a');
    expect(formatDecimal('abc', 'id')).toBe('abc');
  });

  it('formats percentages and integers', () => {
    expect(formatPercent('33.33', 'id')).toBe('33,33%');
    expect(formatInteger(1500, 'id')).toBe('1.500');
    expect(formatInteger(1500, 'en')).toBe('1,500');
  });
});

describe('compareDecimalStrings', () => {
  it.each([
    ['9.50', '53.48', -1],
    ['53.48', '53.48', 0],
    ['53.5', '53.48', 1],
    ['100.00', '99.99', 1],
    ['-1.00', '0.50', -1],
    ['-2.00', '-1.00', -1],
    ['0.00', '-0.00', 0],
    [null, '0.00', -1],
    [null, null, 0],
  ] as const)('%s vs %s', (a, b, expected) => {
    expect(compareDecimalStrings(a, b)).toBe(expected);
  });
});

describe('formatDate', () => {
  it('formats a calendar date without shifting it by the time zone', () => {
    expect(formatDate('2026-01-15', 'en')).toBe('15 Jan 2026');
    expect(formatDate('2026-01-15', 'id')).toMatch(/^15 Jan 2026$/);
    expect(formatDate(null, 'id')).toBe('–');
  });
});

describe('formatLongDate (the domain’s, as the DOCX writes it)', () => {
  it('writes a calendar day long in both languages; an instant as the district’s day', () => {
    expect(formatLongDate('2024-01-03', 'id')).toBe('3 Januari 2024');
    expect(formatLongDate('2024-01-03', 'en')).toBe('3 January 2024');
    expect(formatLongDate('2024-01-02T15:30:00Z', 'id', 'Asia/Jayapura')).toBe('3 Januari 2024');
    expect(formatLongDate('2024-01-02T15:30:00Z', 'id', 'Asia/Jakarta')).toBe('2 Januari 2024');
    expect(formatLongDate(null, 'id')).toBe('–');
    expect(formatLongDate('kemarin', 'en')).toBe('kemarin');
  });
});
