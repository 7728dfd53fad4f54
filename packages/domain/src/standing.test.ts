import { describe, expect, it } from 'vitest';
import { PTS_DEFAULT_BANDS } from './bands';
import { criteriaInputFromPercentages } from './criteria';
import {
  countsAsResult,
  cycleStanding,
  judgeCriteria,
  resultCycles,
  rosterCoverage,
} from './standing';

const criteria = { criteria: [{ kind: 'mean' as const, op: '>=' as const, value: '71' }] };

describe('which cycles count as results', () => {
  it.each([
    ['draft', false, false],
    ['returned', false, false],
    ['submitted', false, true],
    ['approved', true, true],
  ] as const)('%s: approved-only %s, with submitted %s', (status, approved, submitted) => {
    expect(countsAsResult(status, 'approved')).toBe(approved);
    expect(countsAsResult(status, 'submitted')).toBe(submitted);
  });

  it('reads the latest counted cycle with an observation, and a counted baseline', () => {
    const cycles = [
      { ordinal: 0, status: 'approved', n: 6 },
      { ordinal: 1, status: 'approved', n: 6 },
      { ordinal: 2, status: 'submitted', n: 6 },
      { ordinal: 3, status: 'draft', n: 1 },
      { ordinal: 4, status: 'approved', n: 0 },
    ] as const;
    expect(resultCycles(cycles, 'approved').latest?.ordinal).toBe(1);
    expect(resultCycles(cycles, 'submitted').latest?.ordinal).toBe(2);
    expect(resultCycles(cycles, 'approved').baseline?.ordinal).toBe(0);
    expect(resultCycles([{ ordinal: 0, status: 'draft', n: 6 }], 'submitted')).toEqual({
      baseline: null,
      latest: null,
    });
  });
});

describe('cycleStanding', () => {
  it('labels a draft of one teacher out of six as provisional', () => {
    expect(
      cycleStanding({ status: 'draft', basis: 'approved', observedActive: 1, roster: 6 }),
    ).toEqual({
      counted: false,
      provisional: true,
      coverage: { observed: 1, roster: 6, complete: false },
      label: {
        id: 'sementara: 1 dari 6 guru diobservasi, draf, belum diajukan',
        en: 'provisional: 1 of 6 teachers observed, draft, not submitted',
      },
    });
    expect(
      cycleStanding({ status: 'submitted', basis: 'submitted', observedActive: 1, roster: 6 })
        .label,
    ).toEqual({
      id: 'sementara: 1 dari 6 guru diobservasi, belum ditinjau',
      en: 'provisional: 1 of 6 teachers observed, not yet reviewed',
    });
  });
  it('labels an approved cycle only when it is incomplete', () => {
    const s = (observedActive: number) =>
      cycleStanding({ status: 'approved', basis: 'approved', observedActive, roster: 6 });
    expect(s(6).label).toBeNull();
    expect(s(5).label).toEqual({
      id: 'belum lengkap: 5 dari 6 guru diobservasi',
      en: 'incomplete: 5 of 6 teachers observed',
    });
  });
});

describe('judgeCriteria', () => {
  it('does not judge a cycle that observed part of the roster', () => {
    const input = criteriaInputFromPercentages(['90.00'], PTS_DEFAULT_BANDS);
    const partial = judgeCriteria(criteria, input, PTS_DEFAULT_BANDS, rosterCoverage(1, 6));
    expect(partial.met).toBeNull();
    expect(partial.message.id).toBe(
      'Kriteria keberhasilan belum dapat dinilai: belum lengkap: 1 dari 6 guru diobservasi',
    );
    const whole = judgeCriteria(criteria, input, PTS_DEFAULT_BANDS, rosterCoverage(1, 1));
    expect(whole.met).toBe(true);
  });
  it('never judges an empty roster complete', () => {
    expect(rosterCoverage(0, 0).complete).toBe(false);
  });
});
