import { describe, expect, it } from 'vitest';
import { scoreObservation, scoreProgress, type TObservationInput } from './scoring';
import { SAMPLE_RUBRIC } from './test-fixtures';
import { expectAppError } from './test-utils';

describe('scoreObservation', () => {
  it.each([
    // A2 has weight 2: earned 4+2*4+4+4 = 20 of 4+8+4+4 = 20
    [{ A1: 4, A2: 4, B1: 4, B2: 4 }, '100.00', '20.00', '20.00'],
    // 3 + 2*2 + 1 + 4 = 12 of 20
    [{ A1: 3, A2: 2, B1: 1, B2: 4 }, '60.00', '12.00', '20.00'],
    // na drops B2 from both sums: 3 + 2*3 + 2 = 11 of 16 = 68.75
    [{ A1: 3, A2: 3, B1: 2, B2: 'na' }, '68.75', '11.00', '16.00'],
    // 1 + 2*1 + 1 + 1 = 5 of 20
    [{ A1: 1, A2: 1, B1: 1, B2: 1 }, '25.00', '5.00', '20.00'],
    // 2 + 1 of 4 + 4 = 37.5 ; only unweighted indicators
    [{ A1: 2, A2: 'na', B1: 1, B2: 'na' }, '37.50', '3.00', '8.00'],
    // 2/3 rounds half-up at the end: 66.666... -> 66.67
    [{ A1: 'na', A2: 2, B1: 4, B2: 'na' }, '66.67', '8.00', '12.00'],
  ] as const)('%o -> %s', (scores, percentage, earned, possible) => {
    expect(scoreObservation(SAMPLE_RUBRIC, { kind: 'indicators', scores })).toEqual({
      percentage,
      earned,
      possible,
    });
  });

  it('takes a percentage for a summary rubric', () => {
    expect(scoreObservation({ mode: 'summary' }, { kind: 'summary', percentage: '35,75' })).toEqual(
      {
        percentage: '35.75',
        earned: null,
        possible: null,
      },
    );
  });

  const full = { A1: 3, A2: 3, B1: 3, B2: 3 };
  const cases: {
    name: string;
    def?: typeof SAMPLE_RUBRIC | { mode: 'summary' };
    input: unknown;
    field: string;
    id: string;
    en: string;
  }[] = [
    {
      name: 'a score above the scale',
      input: { kind: 'indicators', scores: { ...full, B2: 5 } },
      field: 'scores.B2',
      id: 'Skor 5 di luar skala 1-4 untuk indikator B2',
      en: 'Score 5 is outside the scale 1-4 for indicator B2',
    },
    {
      name: 'a score below the scale',
      input: { kind: 'indicators', scores: { ...full, A1: 0 } },
      field: 'scores.A1',
      id: 'Skor 0 di luar skala 1-4 untuk indikator A1',
      en: 'Score 0 is outside the scale 1-4 for indicator A1',
    },
    {
      name: 'a non-integer score',
      input: { kind: 'indicators', scores: { ...full, B1: 2.5 } },
      field: 'scores.B1',
      id: 'Skor 2.5 untuk indikator B1 harus bilangan bulat',
      en: 'Score 2.5 for indicator B1 must be a whole number',
    },
    {
      name: 'an unknown indicator',
      input: { kind: 'indicators', scores: { ...full, C9: 3 } },
      field: 'scores.C9',
      id: 'Indikator C9 tidak ada dalam instrumen',
      en: 'Indicator C9 is not in the rubric',
    },
    {
      name: 'a missing indicator',
      input: { kind: 'indicators', scores: { A1: 3, A2: 3, B1: 3 } },
      field: 'scores.B2',
      id: 'Skor indikator B2 belum diisi (isi skor atau tandai "na")',
      en: 'Indicator B2 has no score (enter a score or mark it "na")',
    },
    {
      name: 'everything na',
      input: { kind: 'indicators', scores: { A1: 'na', A2: 'na', B1: 'na', B2: 'na' } },
      field: 'scores',
      id: 'Semua indikator ditandai "na"; minimal satu indikator harus dinilai',
      en: 'Every indicator is marked "na"; at least one indicator must be scored',
    },
    {
      name: 'a score that is text',
      input: { kind: 'indicators', scores: { ...full, A1: '3' } },
      field: 'scores.A1',
      id: 'Skor harus berupa angka atau "na"',
      en: 'A score must be a number or "na"',
    },
    {
      name: 'a percentage against an indicators rubric',
      input: { kind: 'summary', percentage: '50' },
      field: 'kind',
      id: 'Instrumen ini dinilai per indikator; isi skor setiap indikator, bukan persentase',
      en: 'This rubric is scored per indicator; enter a score for each indicator, not a percentage',
    },
    {
      name: 'indicator scores against a summary rubric',
      def: { mode: 'summary' },
      input: { kind: 'indicators', scores: full },
      field: 'kind',
      id: 'Instrumen ini memakai persentase langsung; isi persentase, bukan skor per indikator',
      en: 'This rubric takes a percentage directly; enter a percentage, not indicator scores',
    },
    {
      name: 'a summary percentage above 100',
      def: { mode: 'summary' },
      input: { kind: 'summary', percentage: '101' },
      field: 'percentage',
      id: 'Persentase 101 di luar rentang 0-100',
      en: 'Percentage 101 is outside the range 0-100',
    },
    {
      name: 'a summary percentage with three decimals',
      def: { mode: 'summary' },
      input: { kind: 'summary', percentage: '35.755' },
      field: 'percentage',
      id: 'Persentase 35.755 memiliki lebih dari dua angka desimal',
      en: 'Percentage 35.755 has more than two decimal places',
    },
    {
      name: 'a summary percentage that is no number',
      def: { mode: 'summary' },
      input: { kind: 'summary', percentage: 'lima puluh' },
      field: 'percentage',
      id: '“lima puluh” bukan persentase yang valid; tulis angka seperti 35,75',
      en: '“lima puluh” is not a valid percentage; write a number such as 35.75',
    },
  ];
  it.each(cases)('rejects $name', ({ def, input, field, id, en }) => {
    expectAppError(() => scoreObservation(def ?? SAMPLE_RUBRIC, input as TObservationInput), {
      code: 'BAD_REQUEST',
      field,
      id,
      en,
    });
  });
});

describe('scoreProgress (the running figure of a sheet being filled in)', () => {
  it('names the missing indicators by their visible number, in sheet order', () => {
    const p = scoreProgress(SAMPLE_RUBRIC, { A1: 3, B1: 'na' });
    expect(p.total).toBe(4);
    expect(p.answered).toBe(2);
    expect(p.missing).toEqual([
      { key: 'A2', number: 2 },
      { key: 'B2', number: 4 },
    ]);
    // 3 of 4, na left out of both sums
    expect(p.percentage).toBe('75.00');
  });

  it('weights what is scored so far and rounds once, half-up', () => {
    // A2 (weight 2) at 1 and B2 at 4: 2 + 4 = 6 of 8 + 4 = 12 -> 50.00
    expect(scoreProgress(SAMPLE_RUBRIC, { A2: 1, B2: 4 }).percentage).toBe('50.00');
    // 2*2 + 4 = 8 of 12 -> 66.666... -> 66.67
    expect(scoreProgress(SAMPLE_RUBRIC, { A2: 2, B1: 4 })).toMatchObject({
      percentage: '66.67',
      earned: '8.00',
      possible: '12.00',
    });
  });

  it('equals scoreObservation once the sheet is complete', () => {
    const scores = { A1: 3, A2: 2, B1: 1, B2: 'na' } as const;
    const final = scoreObservation(SAMPLE_RUBRIC, { kind: 'indicators', scores });
    expect(scoreProgress(SAMPLE_RUBRIC, scores)).toEqual({
      total: 4,
      answered: 4,
      missing: [],
      ...final,
    });
  });

  it('has no figure before anything is scored, and counts an off-scale value as missing', () => {
    expect(scoreProgress(SAMPLE_RUBRIC, {})).toMatchObject({ percentage: null, answered: 0 });
    expect(scoreProgress(SAMPLE_RUBRIC, { A1: 'na' })).toMatchObject({
      percentage: null,
      answered: 1,
    });
    expect(scoreProgress(SAMPLE_RUBRIC, { A1: 9, B1: 2.5 }).missing.map((m) => m.number)).toEqual([
      1, 2, 3, 4,
    ]);
  });
});
