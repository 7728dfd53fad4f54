import { describe, expect, test } from 'vitest';
import { PTS_DEFAULT_BANDS } from './bands';
import {
  clausesByInstrument,
  criteriaInputFromPercentages,
  describeCriterion,
  evaluateCriteria,
  evaluateInstrumentCriteria,
  type TSuccessCriteria,
} from './criteria';

/*
 * Clauses per instrument (decision 022): each clause is judged on the figures of the
 * instrument it names (the primary, first, when it names none); with one unnamed
 * instrument it is exactly evaluateCriteria.
 */

const RPP = ['100.00', '75.00', '87.50', '75.00'];
const TEACHING = ['75.00', '75.00', '75.00', '75.00'];
const CRITERIA: TSuccessCriteria = {
  criteria: [
    { kind: 'mean', op: '>=', value: '75' },
    { kind: 'passShare', op: '>', percent: '75', kkm: '78', instrument: 'rpp' },
  ],
};
const input = (ps: string[]) => criteriaInputFromPercentages(ps, PTS_DEFAULT_BANDS, CRITERIA);
const instruments = [
  { key: 'pelaksanaan', input: input(TEACHING), bandSet: PTS_DEFAULT_BANDS },
  { key: 'rpp', input: input(RPP), bandSet: PTS_DEFAULT_BANDS },
];

describe('criteria per instrument', () => {
  test('judges each clause on its instrument: a KKM of 78 against 75.00 and 87.50', () => {
    const verdict = evaluateInstrumentCriteria(CRITERIA, instruments);
    expect(verdict.results.map((r) => [r.met, r.actual, r.shortfall, r.teachersShort])).toEqual([
      [true, '75.00', null, null],
      // 2 of 4 reach 78 on the RPP: 50.00%, and more than 75% needs all 4.
      [false, '50.00', '25.00', 2],
    ]);
    expect(verdict.met).toBe(false);
    expect(verdict.message.id).toContain('pada instrumen rpp: ');
    expect(verdict.message.en).toContain('on instrument rpp: ');
    // Judged on the primary's figures the clause would read 0 of 4 at 78, not the RPP's 2.
    const onPrimary = evaluateCriteria(CRITERIA, input(TEACHING), PTS_DEFAULT_BANDS);
    expect(onPrimary.results[1]?.actual).toBe('0.00');
  });

  test('with one unnamed instrument it is exactly evaluateCriteria', () => {
    const only = { criteria: [CRITERIA.criteria[0]!] };
    expect(
      evaluateInstrumentCriteria(only, [
        { key: null, input: input(RPP), bandSet: PTS_DEFAULT_BANDS },
      ]),
    ).toEqual(evaluateCriteria(only, input(RPP), PTS_DEFAULT_BANDS));
  });

  test('refuses a clause naming an instrument the study lacks, in both languages', () => {
    expect(() => clausesByInstrument(CRITERIA, [instruments[0]!])).toThrow(
      'Instrument “rpp” is not one of this study',
    );
    expect(describeCriterion(CRITERIA.criteria[1]!, 'id')).toBe(
      'pada instrumen rpp: lebih dari 75% guru mencapai nilai minimal 78',
    );
  });
});
