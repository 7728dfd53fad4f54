import { describe, expect, it } from 'vitest';
import { PKG_BANDS, PTS_DEFAULT_BANDS } from './bands';
import {
  assertCriteriaFitBands,
  criteriaInputFromPercentages,
  describeCriteria,
  evaluateCriteria,
  type TCriteriaInput,
  type TSuccessCriteria,
  ZSuccessCriteria,
} from './criteria';
import { expectAppError } from './test-utils';
import { parseOrThrow } from './zod-error';

const USUAL: TSuccessCriteria = {
  criteria: [
    { kind: 'meanAtLeast', value: '71' },
    { kind: 'shareAtLeastBand', percent: '80', band: 'Baik' },
  ],
};
const counts = (k: number, c: number, b: number, sb: number) => [
  { label: 'Kurang', count: k },
  { label: 'Cukup', count: c },
  { label: 'Baik', count: b },
  { label: 'Sangat Baik', count: sb },
];

describe('describeCriteria', () => {
  it.each([
    [
      USUAL,
      'Rata-rata minimal 71,00 dan minimal 80% guru berkategori Baik atau lebih',
      'Mean at least 71.00 and at least 80% of teachers Baik or better',
    ],
    [
      {
        criteria: [
          { kind: 'allAtLeastBand', band: 'Cukup' },
          { kind: 'shareAtLeastBand', percent: '66.5', band: 'Baik' },
          { kind: 'meanAtLeast', value: '75.5' },
        ],
      } as TSuccessCriteria,
      'Semua guru berkategori Cukup atau lebih, minimal 66,5% guru berkategori Baik atau lebih dan rata-rata minimal 75,50',
      'All teachers Cukup or better, at least 66.5% of teachers Baik or better and mean at least 75.50',
    ],
  ])('reads criteria back (%#)', (criteria, id, en) => {
    expect(describeCriteria(criteria, 'id')).toBe(id);
    expect(describeCriteria(criteria.criteria, 'en')).toBe(en);
  });
});

describe('evaluateCriteria', () => {
  it('explains what is missing', () => {
    const input: TCriteriaInput = { n: 6, mean: '65.075', bandCounts: counts(0, 4, 2, 0) };
    expect(evaluateCriteria(USUAL, input, PTS_DEFAULT_BANDS)).toEqual({
      met: false,
      results: [
        {
          criterion: USUAL.criteria[0],
          met: false,
          required: '71.00',
          actual: '65.08',
          message: {
            id: 'Rata-rata 65,08 di bawah minimal 71,00',
            en: 'Mean 65.08 is below the minimum 71.00',
          },
        },
        {
          criterion: USUAL.criteria[1],
          met: false,
          required: '80.00',
          actual: '33.33',
          message: {
            id: '4 dari 6 guru di bawah Baik; hanya 33,33% berkategori Baik atau lebih, minimal 80%',
            en: '4 of 6 teachers below Baik; only 33.33% are Baik or better, at least 80% required',
          },
        },
      ],
      message: {
        id: 'Kriteria keberhasilan belum tercapai: rata-rata 65,08 di bawah minimal 71,00; 4 dari 6 guru di bawah Baik; hanya 33,33% berkategori Baik atau lebih, minimal 80%',
        en: 'Success criteria not met: mean 65.08 is below the minimum 71.00; 4 of 6 teachers below Baik; only 33.33% are Baik or better, at least 80% required',
      },
    });
  });

  it('says why it is met', () => {
    const result = evaluateCriteria(
      { criteria: [...USUAL.criteria, { kind: 'allAtLeastBand', band: 'Cukup' }] },
      { n: 6, mean: '78.5', bandCounts: counts(0, 1, 3, 2) },
      PTS_DEFAULT_BANDS,
    );
    expect(result.met).toBe(true);
    expect(result.results.map((r) => [r.required, r.actual, r.met])).toEqual([
      ['71.00', '78.50', true],
      ['80.00', '83.33', true],
      ['100.00', '100.00', true],
    ]);
    expect(result.message).toEqual({
      id: 'Kriteria keberhasilan tercapai: rata-rata 78,50 mencapai minimal 71,00; 5 dari 6 guru (83,33%) berkategori Baik atau lebih, minimal 80%; semua 6 guru berkategori Cukup atau lebih',
      en: 'Success criteria met: mean 78.50 reaches the minimum 71.00; 5 of 6 teachers (83.33%) are Baik or better, at least 80% required; all 6 teachers are Cukup or better',
    });
  });

  it.each([
    // compared as shown: 70.995 shows as 71.00
    ['70.995', true],
    ['70.994', false],
    ['71', true],
  ])('mean %s meets "mean >= 71": %s', (mean, met) => {
    const r = evaluateCriteria(
      [{ kind: 'meanAtLeast', value: '71' }],
      { n: 1, mean, bandCounts: counts(0, 0, 1, 0) },
      PTS_DEFAULT_BANDS,
    );
    expect(r.met).toBe(met);
  });

  it('is not met when no teacher was observed', () => {
    const result = evaluateCriteria(
      { criteria: [...USUAL.criteria, { kind: 'allAtLeastBand', band: 'Cukup' }] },
      { n: 0, mean: null, bandCounts: [] },
      PTS_DEFAULT_BANDS,
    );
    expect(result.met).toBe(false);
    expect(result.results.map((r) => [r.met, r.actual])).toEqual([
      [false, null],
      [false, null],
      [false, null],
    ]);
    expect(result.message.en).toBe(
      'Success criteria not met: no mean yet (at least 71.00 required); no teacher observed yet (Baik or better); no teacher observed yet (Cukup or better)',
    );
    expect(result.message.id).toBe(
      'Kriteria keberhasilan belum tercapai: rata-rata belum ada (minimal 71,00); belum ada guru yang diobservasi (Baik atau lebih); belum ada guru yang diobservasi (Cukup atau lebih)',
    );
  });

  it('builds its input from percentages', () => {
    const input = criteriaInputFromPercentages(['50.50', '71', '86'], PTS_DEFAULT_BANDS);
    expect(input).toEqual({ n: 3, mean: '69.17', bandCounts: counts(1, 0, 1, 1) });
    expect(criteriaInputFromPercentages([], PTS_DEFAULT_BANDS)).toEqual({
      n: 0,
      mean: null,
      bandCounts: counts(0, 0, 0, 0),
    });
  });

  const bad: { name: string; input: TCriteriaInput; field: string; id: string; en: string }[] = [
    {
      name: 'an unknown band in the counts',
      input: { n: 1, mean: '50', bandCounts: [{ label: 'Istimewa', count: 1 }] },
      field: 'bandCounts.0.label',
      id: 'Kategori “Istimewa” tidak ada dalam himpunan kategori',
      en: 'Band “Istimewa” is not in the band set',
    },
    {
      name: 'counts that do not add up to n',
      input: { n: 6, mean: '50', bandCounts: counts(1, 1, 1, 1) },
      field: 'bandCounts',
      id: 'Jumlah per kategori (4) tidak sama dengan jumlah guru (6)',
      en: 'The band counts add up to 4, not the teacher count 6',
    },
    {
      name: 'a negative count',
      input: { n: 0, mean: null, bandCounts: [{ label: 'Baik', count: -1 }] },
      field: 'bandCounts.0.count',
      id: 'Jumlah -1 untuk kategori “Baik” harus bilangan bulat tidak negatif',
      en: 'Count -1 for band “Baik” must be a non-negative integer',
    },
    {
      name: 'a fractional n',
      input: { n: 1.5, mean: null, bandCounts: [] },
      field: 'n',
      id: 'Jumlah guru 1.5 harus bilangan bulat tidak negatif',
      en: 'Teacher count 1.5 must be a non-negative integer',
    },
    {
      name: 'a missing mean',
      input: { n: 1, mean: null, bandCounts: counts(1, 0, 0, 0) },
      field: 'mean',
      id: 'Rata-rata wajib diisi bila ada guru',
      en: 'A mean is required when n > 0',
    },
  ];
  it.each(bad)('rejects $name', ({ input, field, id, en }) => {
    expectAppError(() => evaluateCriteria(USUAL, input, PTS_DEFAULT_BANDS), {
      code: 'BAD_REQUEST',
      field,
      id,
      en,
    });
  });
});

describe('assertCriteriaFitBands', () => {
  it('accepts criteria whose bands exist', () => {
    expect(() => assertCriteriaFitBands(USUAL, PTS_DEFAULT_BANDS)).not.toThrow();
  });

  it('rejects a band the set does not have (also from evaluateCriteria)', () => {
    const expected = {
      code: 'BAD_REQUEST' as const,
      field: 'criteria.1.band',
      id: 'Kategori “Sangat Baik” tidak ada dalam himpunan kategori (Kurang, Sedang, Cukup, Baik, Amat Baik)',
      en: 'Band “Sangat Baik” is not in the band set (Kurang, Sedang, Cukup, Baik, Amat Baik)',
    };
    const criteria = [
      { kind: 'meanAtLeast', value: '71' },
      { kind: 'allAtLeastBand', band: 'Sangat Baik' },
    ] as const;
    expectAppError(() => assertCriteriaFitBands([...criteria], PKG_BANDS), expected);
    expectAppError(
      () => evaluateCriteria([...criteria], { n: 0, mean: null, bandCounts: [] }, PKG_BANDS),
      expected,
    );
  });
});

describe('ZSuccessCriteria rejects', () => {
  it.each([
    {
      name: 'no criteria',
      value: { criteria: [] },
      field: 'criteria',
      id: 'Perlu minimal satu kriteria keberhasilan',
      en: 'At least one success criterion is required',
    },
    ...['101', '-1', '71.005', 'tujuh puluh'].map((value) => ({
      name: `the mean threshold ${value}`,
      value: { criteria: [{ kind: 'meanAtLeast', value }] },
      field: 'criteria.0.value',
      id: 'Ambang harus angka 0 sampai 100 dengan paling banyak dua desimal',
      en: 'A threshold must be a number from 0 to 100 with at most two decimals',
    })),
    {
      name: 'a share without a band',
      value: { criteria: [{ kind: 'shareAtLeastBand', percent: '80', band: '' }] },
      field: 'criteria.0.band',
      id: 'Kategori wajib dipilih',
      en: 'A band is required',
    },
  ])('$name', ({ value, field, id, en }) => {
    expectAppError(() => parseOrThrow(ZSuccessCriteria, value), {
      code: 'BAD_REQUEST',
      field,
      id,
      en,
    });
  });

  it('accepts the usual criteria', () => {
    expect(ZSuccessCriteria.parse(USUAL)).toEqual(USUAL);
  });
});
