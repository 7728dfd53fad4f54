import { describe, expect, test } from 'vitest';
import {
  calendarDaysSince,
  daysBetweenDates,
  followUpDueState,
  followUpProgress,
  suggestFollowUpIndicators,
} from './follow-up';
import type { TRubricDefinition } from './rubric';

const scale = (max: number) => ({
  min: 1,
  max,
  levels: Array.from({ length: max }, (_, i) => ({ value: i + 1, label: `L${i + 1}` })),
});

const RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'A',
      indicators: [
        { key: 'A1', text: 'Satu', scale: scale(4) },
        { key: 'A2', text: 'Dua', scale: scale(4), weight: 2 },
      ],
    },
    {
      key: 'B',
      title: 'B',
      indicators: [
        { key: 'B1', text: 'Tiga', scale: scale(5) },
        { key: 'B2', text: 'Empat', scale: scale(4) },
      ],
    },
  ],
};

describe('suggestFollowUpIndicators', () => {
  test.each([
    // lowest share of the scale first, ties in rubric order, full marks never
    [{ A1: 4, A2: 2, B1: 2, B2: 3 }, 3, ['B1', 'A2', 'B2']],
    [{ A1: 1, A2: 1, B1: 1, B2: 1 }, 2, ['A1', 'A2']],
    [{ A1: 4, A2: 4, B1: 5, B2: 4 }, 3, []],
    [{ A1: 'na', A2: 3, B1: 5, B2: 2 }, 3, ['B2', 'A2']],
  ] as const)('%o -> %o', (scores, count, expected) => {
    expect(suggestFollowUpIndicators(RUBRIC, { ...scores }, count)).toEqual(expected);
  });

  test('a summary rubric or no sheet suggests nothing', () => {
    expect(suggestFollowUpIndicators({ mode: 'summary' }, { A1: 1 })).toEqual([]);
    expect(suggestFollowUpIndicators(RUBRIC, null)).toEqual([]);
  });
});

describe('followUpProgress', () => {
  test('weighted share of the named indicators, exact and half-up', () => {
    // before: A2 = 2*2 of 8, B1 = 2 of 5 -> 6/13 = 46.1538... -> 46.15
    // after:  A2 = 3*2 of 8, B1 = 3 of 5 -> 9/13 = 69.2307... -> 69.23
    const p = followUpProgress(
      RUBRIC,
      ['A2', 'B1'],
      { scores: { A1: 4, A2: 2, B1: 2, B2: 3 }, percentage: '60.00' },
      { scores: { A1: 4, A2: 3, B1: 3, B2: 3 }, percentage: '70.00' },
    );
    expect(p).toMatchObject({
      before: '46.15',
      after: '69.23',
      points: '23.08',
      verdict: 'improved',
    });
    expect(p.indicators.map((i) => [i.key, i.before, i.after, i.change])).toEqual([
      ['A2', 2, 3, 'improved'],
      ['B1', 2, 3, 'improved'],
    ]);
  });

  test('mixed, declined, and not yet scored', () => {
    const before = { scores: { A1: 2, A2: 2, B1: 2, B2: 2 }, percentage: '50.00' };
    expect(
      followUpProgress(RUBRIC, ['A1', 'B2'], before, {
        scores: { A1: 3, A2: 2, B1: 2, B2: 2 },
        percentage: '55.00',
      }).verdict,
    ).toBe('mixed');
    const down = followUpProgress(RUBRIC, ['A1'], before, {
      scores: { A1: 1, A2: 2, B1: 2, B2: 2 },
      percentage: '45.00',
    });
    expect(down).toMatchObject({ before: '50.00', after: '25.00', points: '-25.00' });
    expect(down.verdict).toBe('not-improved');
    const none = followUpProgress(RUBRIC, ['A1'], before, null);
    expect(none).toMatchObject({ before: '50.00', after: null, points: null });
    expect(none.verdict).toBe('not-yet-scored');
    expect(none.indicators[0]).toMatchObject({ before: 2, after: null, change: null });
    // 'na' on either sheet leaves the indicator out of the comparison
    expect(
      followUpProgress(RUBRIC, ['A1'], before, {
        scores: { A1: 'na', A2: 2, B1: 2, B2: 2 },
        percentage: '50.00',
      }).verdict,
    ).toBe('not-yet-scored');
  });

  test('a summary rubric compares the percentages', () => {
    expect(
      followUpProgress(
        { mode: 'summary' },
        [],
        { scores: null, percentage: '53.48' },
        { scores: null, percentage: '60.01' },
      ),
    ).toMatchObject({ points: '6.53', verdict: 'improved' });
  });
});

describe('calendar days', () => {
  test('whole calendar days between dates', () => {
    expect(daysBetweenDates('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetweenDates('2026-03-02', '2026-02-27')).toBe(-3);
  });

  test("days since count the district's calendar days", () => {
    // 23:30 WIB on 1 Dec read at 00:10 WIB on 2 Dec is one day; in WIT both are 2 Dec
    const submitted = '2026-12-01T16:30:00.000Z';
    const now = new Date('2026-12-01T17:10:00.000Z');
    expect(calendarDaysSince(submitted, now, 'Asia/Jakarta')).toBe(1);
    expect(calendarDaysSince(submitted, now, 'Asia/Jayapura')).toBe(0);
  });

  test.each([
    ['open', '2026-03-11', '2026-03-12', 'overdue'],
    ['open', '2026-03-12', '2026-03-12', 'due-soon'],
    ['open', '2026-03-19', '2026-03-12', 'due-soon'],
    ['open', '2026-03-20', '2026-03-12', null],
    ['done', '2026-03-01', '2026-03-12', null],
  ] as const)('%s plan due %s on %s: %s', (status, dueOn, today, state) => {
    expect(followUpDueState({ status, dueOn }, today)).toBe(state);
  });
});
