import { describe, expect, it } from 'vitest';
import { PTS_DEFAULT_BANDS } from './bands';
import { criteriaInputFromPercentages } from './criteria';
import type { TCycleStatus } from './cycle';
import { isAppError } from './errors';
import { finalVerdict, judgeCriteria, rosterCoverage, type TClosingCycle } from './standing';

const criteria = { criteria: [{ kind: 'mean' as const, op: '>=' as const, value: '71' }] };

function cycle(
  ordinal: number,
  status: TCycleStatus,
  percentages: string[],
  roster = 3,
): TClosingCycle {
  return {
    ordinal,
    status,
    n: percentages.length,
    mean: null,
    criteria: judgeCriteria(
      criteria,
      criteriaInputFromPercentages(percentages, PTS_DEFAULT_BANDS),
      PTS_DEFAULT_BANDS,
      rosterCoverage(percentages.length, roster),
    ),
  };
}

function refusal(cycles: TClosingCycle[]) {
  try {
    finalVerdict(cycles);
  } catch (e) {
    if (isAppError(e)) return e;
  }
  throw new Error('expected a refusal');
}

describe('finalVerdict (closing a study)', () => {
  it('reads the last approved cycle past the baseline that observed the whole roster', () => {
    const v = finalVerdict([
      cycle(0, 'approved', ['60', '62', '64']),
      cycle(1, 'approved', ['72', '74', '76']),
      // Approved but one teacher short: no verdict can be read from it.
      cycle(2, 'approved', ['90', '90']),
    ]);
    expect(v.ordinal).toBe(1);
    expect(v.met).toBe(true);
    expect(v.message.id).toMatch(/^Siklus I: /);
    expect(v.message.en).toMatch(/^Cycle I: /);
  });

  it('records a verdict of not met as well', () => {
    const v = finalVerdict([
      cycle(0, 'approved', ['60', '62', '64']),
      cycle(1, 'approved', ['65', '66', '67']),
    ]);
    expect(v).toMatchObject({ ordinal: 1, met: false, n: 3 });
  });

  it.each(['draft', 'submitted', 'returned'] as const)(
    'refuses while a cycle is %s, naming it',
    (status) => {
      const e = refusal([
        cycle(0, 'approved', ['60', '62', '64']),
        cycle(1, status, ['72', '74', '76']),
      ]);
      expect(e.code).toBe('CONFLICT');
      expect(e.field).toBe('studyId');
      expect(e.messages.id).toContain('Siklus I');
    },
  );

  it('refuses without an approved, complete cycle past the baseline', () => {
    expect(refusal([cycle(0, 'approved', ['60', '62', '64'])]).messages.id).toContain(
      'semua guru aktif diobservasi',
    );
    expect(
      refusal([cycle(0, 'approved', ['60', '62', '64']), cycle(1, 'approved', ['90'])]).code,
    ).toBe('CONFLICT');
  });
});
