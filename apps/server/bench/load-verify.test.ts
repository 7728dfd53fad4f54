import { describe, expect, test } from 'vitest';
import { percentile, type SavedValue, type SaveRecord, verifySaves } from './load-verify';

/** The load test's check must be able to fail: a lost or stale write is reported. */

const v = (percentage: string, scores?: Record<string, number | 'na'>): SavedValue =>
  scores ? { percentage, scores } : { percentage };
const save = (key: string, value: SavedValue, outcome: SaveRecord['outcome'] = 'acked') => ({
  key,
  value,
  outcome,
});

describe('verifySaves', () => {
  const saves: SaveRecord[] = [
    save('c1:t1', v('50.00')),
    save('c1:t1', v('61.25')),
    save('c1:t2', v('70.00', { A1: 3, A2: 'na' })),
    save('c2:t1', v('80.00')),
  ];

  test('passes when every last acknowledged value is stored', () => {
    const stored = new Map([
      ['c1:t1', v('61.25')],
      ['c1:t2', v('70.00', { A1: 3, A2: 'na' })],
      ['c2:t1', v('80.00')],
    ]);
    expect(verifySaves(saves, stored)).toEqual({ checked: 3, lost: [], wrong: [] });
  });

  test('a missing row is a lost write', () => {
    const stored = new Map([
      ['c1:t1', v('61.25')],
      ['c1:t2', v('70.00', { A1: 3, A2: 'na' })],
    ]);
    expect(verifySaves(saves, stored).lost).toEqual(['c2:t1']);
  });

  test('an older value (a lost update) or other scores are wrong', () => {
    const stored = new Map([
      ['c1:t1', v('50.00')],
      ['c1:t2', v('70.00', { A1: 3, A2: 2 })],
      ['c2:t1', v('80.00')],
    ]);
    const result = verifySaves(saves, stored);
    expect(result.wrong.map((w) => w.key)).toEqual(['c1:t1', 'c1:t2']);
    expect(result.lost).toEqual([]);
  });

  test('a later unanswered save may have committed; a refused one may not', () => {
    const withTail: SaveRecord[] = [
      ...saves,
      save('c2:t1', v('90.00'), 'unanswered'),
      save('c1:t1', v('99.00'), 'refused'),
    ];
    const stored = new Map([
      ['c1:t1', v('99.00')],
      ['c1:t2', v('70.00', { A1: 3, A2: 'na' })],
      ['c2:t1', v('90.00')],
    ]);
    const result = verifySaves(withTail, stored);
    expect(result.wrong.map((w) => w.key)).toEqual(['c1:t1']);
    expect(result.lost).toEqual([]);
  });
});

test('percentile: nearest rank', () => {
  const samples = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(percentile(samples, 95)).toBe(95);
  expect(percentile(samples, 50)).toBe(50);
  expect(percentile([7], 95)).toBe(7);
  expect(percentile([], 95)).toBeNaN();
});
