import { describe, expect, it } from 'vitest';
import { PKG_BANDS, PTS_DEFAULT_BANDS } from './bands';
import {
  assertCriteriaFitBands,
  criteriaInputFromPercentages,
  describeCriteria,
  describeCriterion,
  evaluateCriteria,
  indicatorMeans,
  type TCriteriaInput,
  type TSuccessCriteria,
  ZSuccessCriteria,
} from './criteria';
import type { TRubricDefinition } from './rubric';
import { expectAppError } from './test-utils';
import { parseOrThrow } from './zod-error';

const USUAL: TSuccessCriteria = {
  criteria: [
    { kind: 'mean', op: '>=', value: '71' },
    { kind: 'bandShare', op: '>=', percent: '80', band: 'Baik' },
  ],
};
const SCALE_1_4 = {
  min: 1,
  max: 4,
  levels: [1, 2, 3, 4].map((value) => ({ value, label: `Skor ${value}` })),
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
          { kind: 'bandShare', op: '>=', percent: '100', band: 'Cukup' },
          { kind: 'bandShare', op: '>=', percent: '66.5', band: 'Baik' },
          { kind: 'mean', op: '>=', value: '75.5' },
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
          shortfall: '5.92',
          teachersShort: null,
          message: {
            id: 'Rata-rata 65,08 di bawah minimal 71,00 (kurang 5,92 poin)',
            en: 'Mean 65.08 is below the minimum 71.00 (5.92 points short)',
          },
        },
        {
          criterion: USUAL.criteria[1],
          met: false,
          required: '80.00',
          actual: '33.33',
          shortfall: '46.67',
          teachersShort: 3,
          message: {
            id: '4 dari 6 guru di bawah Baik; hanya 33,33% berkategori Baik atau lebih, minimal 80% (kurang 46,67 poin, perlu 3 guru lagi)',
            en: '4 of 6 teachers below Baik; only 33.33% are Baik or better, at least 80% required (46.67 points short, 3 more teachers needed)',
          },
        },
      ],
      message: {
        id: 'Kriteria keberhasilan belum tercapai: rata-rata 65,08 di bawah minimal 71,00 (kurang 5,92 poin); 4 dari 6 guru di bawah Baik; hanya 33,33% berkategori Baik atau lebih, minimal 80% (kurang 46,67 poin, perlu 3 guru lagi)',
        en: 'Success criteria not met: mean 65.08 is below the minimum 71.00 (5.92 points short); 4 of 6 teachers below Baik; only 33.33% are Baik or better, at least 80% required (46.67 points short, 3 more teachers needed)',
      },
    });
  });

  it('says why it is met', () => {
    const result = evaluateCriteria(
      {
        criteria: [
          ...USUAL.criteria,
          { kind: 'bandShare', op: '>=', percent: '100', band: 'Cukup' },
        ],
      },
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
      [{ kind: 'mean', op: '>=', value: '71' }],
      { n: 1, mean, bandCounts: counts(0, 0, 1, 0) },
      PTS_DEFAULT_BANDS,
    );
    expect(r.met).toBe(met);
  });

  it('is not met when no teacher was observed', () => {
    const result = evaluateCriteria(
      {
        criteria: [
          ...USUAL.criteria,
          { kind: 'bandShare', op: '>=', percent: '100', band: 'Cukup' },
        ],
      },
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
      { kind: 'mean', op: '>=', value: '71' },
      { kind: 'bandShare', op: '>=', percent: '100', band: 'Sangat Baik' },
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
      en: 'The success criteria need at least one criterion',
    },
    ...['101', '-1', '71.005', 'tujuh puluh'].map((value) => ({
      name: `the mean threshold ${value}`,
      value: { criteria: [{ kind: 'mean', op: '>=', value }] },
      field: 'criteria.0.value',
      id: 'Ambang harus angka 0 sampai 100 dengan paling banyak dua desimal',
      en: 'A threshold must be a number from 0 to 100 with at most two decimals',
    })),
    {
      name: 'a share without a band',
      value: { criteria: [{ kind: 'bandShare', op: '>=', percent: '80', band: '' }] },
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

describe('clauses as papers state them', () => {
  const six = (bands: number[]) =>
    counts(bands[0] ?? 0, bands[1] ?? 0, bands[2] ?? 0, bands[3] ?? 0);

  it.each([
    // >= vs > at the threshold, compared as shown (75.004 shows as 75.00)
    ['>=', '75.00', true],
    ['>', '75.00', false],
    ['>', '75.004', false],
    ['>', '75.005', true],
    ['>=', '74.99', false],
  ] as const)('mean %s 75 with a mean of %s: %s', (op, mean, met) => {
    const r = evaluateCriteria(
      [{ kind: 'mean', op, value: '75' }],
      { n: 1, mean, bandCounts: six([0, 0, 1, 0]) },
      PTS_DEFAULT_BANDS,
    );
    expect(r.met).toBe(met);
  });

  it('says a strict mean clause failed at exactly its threshold', () => {
    const r = evaluateCriteria(
      [{ kind: 'mean', op: '>', value: '75' }],
      { n: 1, mean: '75', bandCounts: six([0, 0, 1, 0]) },
      PTS_DEFAULT_BANDS,
    );
    expect(r.results[0]).toMatchObject({ met: false, actual: '75.00', shortfall: '0.00' });
    expect(r.message).toEqual({
      id: 'Kriteria keberhasilan belum tercapai: rata-rata 75,00 tidak lebih dari 75,00 (kurang 0,00 poin, harus di atas 75,00)',
      en: 'Success criteria not met: mean 75.00 is not above 75.00 (0.00 points short, must exceed 75.00)',
    });
  });

  it.each([
    // 3 of 4 teachers is exactly 75.00%
    ['>=', 3, true],
    ['>', 3, false],
    ['>', 4, true],
  ] as const)(
    'share of a band %s 75%% with %i of 4 teachers Baik or better: %s',
    (op, good, met) => {
      const r = evaluateCriteria(
        [{ kind: 'bandShare', op, percent: '75', band: 'Baik' }],
        { n: 4, mean: '80', bandCounts: six([0, 4 - good, good, 0]) },
        PTS_DEFAULT_BANDS,
      );
      expect(r.met).toBe(met);
      expect(r.results[0]?.actual).toBe(good === 3 ? '75.00' : '100.00');
    },
  );

  const KKM: TSuccessCriteria = {
    criteria: [{ kind: 'passShare', op: '>', percent: '75', kkm: '78' }],
  };

  it('counts a teacher at the pass mark: 78.00 passes a KKM of 78, 77.99 does not', () => {
    const input = criteriaInputFromPercentages(
      ['78.00', '77.99', '90', '85', '77.995'],
      PTS_DEFAULT_BANDS,
      KKM,
    );
    // 77.995 shows as 78.00 and passes: compared as shown.
    expect(input.passCounts).toEqual([{ kkm: '78.00', count: 4 }]);
    const r = evaluateCriteria(KKM, input, PTS_DEFAULT_BANDS);
    expect(r.results[0]).toMatchObject({ met: true, required: '75.00', actual: '80.00' });
    expect(r.message).toEqual({
      id: 'Kriteria keberhasilan tercapai: 4 dari 5 guru (80,00%) mencapai nilai minimal 78, lebih dari 75%',
      en: 'Success criteria met: 4 of 5 teachers (80.00%) reach at least 78, more than 75% required',
    });
  });

  it('fails "more than 75% reach 78" at exactly 75.00% and says by how much', () => {
    const input = criteriaInputFromPercentages(['78', '78', '78', '77.99'], PTS_DEFAULT_BANDS, KKM);
    const r = evaluateCriteria(KKM, input, PTS_DEFAULT_BANDS);
    expect(r.results[0]).toMatchObject({
      met: false,
      actual: '75.00',
      shortfall: '0.00',
      teachersShort: 1,
    });
    expect(r.message).toEqual({
      id: 'Kriteria keberhasilan belum tercapai: 1 dari 4 guru di bawah nilai 78; hanya 75,00% mencapai nilai minimal 78, lebih dari 75% (kurang 0,00 poin, perlu 1 guru lagi)',
      en: 'Success criteria not met: 1 of 4 teachers below 78; only 75.00% reach at least 78, more than 75% required (0.00 points short, 1 more teacher needed)',
    });
    const atLeast = evaluateCriteria(
      [{ kind: 'passShare', op: '>=', percent: '75', kkm: '78' }],
      input,
      PTS_DEFAULT_BANDS,
    );
    expect(atLeast.met).toBe(true);
  });

  it('judges a pass mark independently of the bands', () => {
    // Every teacher is Baik (>= 71) but only one reaches 78.
    const input = criteriaInputFromPercentages(['71', '75', '80'], PTS_DEFAULT_BANDS, KKM);
    expect(input.bandCounts).toEqual(six([0, 0, 3, 0]));
    const r = evaluateCriteria(KKM, input, PTS_DEFAULT_BANDS);
    expect(r.results[0]).toMatchObject({ met: false, actual: '33.33', teachersShort: 2 });
  });

  it('refuses an evaluation without the pass counts it needs', () => {
    expectAppError(
      () =>
        evaluateCriteria(
          KKM,
          { n: 1, mean: '80', bandCounts: six([0, 0, 1, 0]) },
          PTS_DEFAULT_BANDS,
        ),
      {
        code: 'BAD_REQUEST',
        id: 'Jumlah guru yang mencapai KKM 78 tidak tersedia',
        en: 'The number of teachers reaching the pass mark 78 is missing',
        field: 'passCounts',
      },
    );
  });

  const RUBRIC: TRubricDefinition = {
    mode: 'indicators',
    aspects: [
      {
        key: 'A',
        title: 'Aspek A',
        indicators: [
          { key: 'A1', text: 'Satu', scale: SCALE_1_4 },
          { key: 'A2', text: 'Dua', scale: SCALE_1_4 },
          { key: 'A3', text: 'Tiga', scale: SCALE_1_4 },
        ],
      },
    ],
  };

  it('computes each indicator mean as a percent of its maximum, leaving "na" out', () => {
    expect(
      indicatorMeans(RUBRIC, [
        { A1: 4, A2: 3, A3: 'na' },
        { A1: 3, A2: 3, A3: 'na' },
        { A1: 3, A2: 4, A3: 'na' },
      ]),
    ).toEqual([
      // 10 / (3 x 4) = 83.333...
      { key: 'A1', mean: '83.33' },
      { key: 'A2', mean: '83.33' },
      { key: 'A3', mean: null },
    ]);
    expect(indicatorMeans({ mode: 'summary' }, [])).toBeNull();
  });

  it.each([
    ['>=', true],
    ['>', false],
  ] as const)('every indicator %s 80 with the lowest at exactly 80.00: %s', (op, met) => {
    const r = evaluateCriteria(
      [{ kind: 'indicatorMean', op, value: '80' }],
      {
        n: 5,
        mean: '85',
        bandCounts: six([0, 0, 5, 0]),
        indicatorMeans: [
          { key: 'A1', mean: '90.00' },
          { key: 'A2', mean: '80.00' },
          { key: 'A3', mean: null },
        ],
      },
      PTS_DEFAULT_BANDS,
    );
    expect(r.met).toBe(met);
    expect(r.results[0]?.actual).toBe('80.00');
    if (!met) {
      expect(r.message).toEqual({
        id: 'Kriteria keberhasilan belum tercapai: 1 dari 2 indikator belum lebih dari 80,00 (A2 80,00; terendah kurang 0,00 poin)',
        en: 'Success criteria not met: 1 of 2 indicators not more than 80.00 (A2 80.00; the lowest 0.00 points short)',
      });
    }
  });

  it('cannot meet an indicator clause on a rubric without indicator scores', () => {
    const r = evaluateCriteria(
      [{ kind: 'indicatorMean', op: '>=', value: '80' }],
      { n: 1, mean: '85', bandCounts: six([0, 0, 1, 0]), indicatorMeans: null },
      PTS_DEFAULT_BANDS,
    );
    expect(r.met).toBe(false);
    expect(r.results[0]?.message.en).toBe(
      'This rubric has no indicator scores (every indicator at least 80.00 required)',
    );
  });

  it('combines clauses with AND and names only the failed ones', () => {
    const criteria: TSuccessCriteria = {
      criteria: [
        { kind: 'mean', op: '>', value: '75' },
        { kind: 'passShare', op: '>', percent: '75', kkm: '78' },
      ],
    };
    const r = evaluateCriteria(
      criteria,
      criteriaInputFromPercentages(['80', '80', '80', '70'], PTS_DEFAULT_BANDS, criteria),
      PTS_DEFAULT_BANDS,
    );
    expect(r.results.map((x) => x.met)).toEqual([true, false]);
    expect(r.met).toBe(false);
    expect(r.message.id).toBe(
      'Kriteria keberhasilan belum tercapai: 1 dari 4 guru di bawah nilai 78; hanya 75,00% mencapai nilai minimal 78, lebih dari 75% (kurang 0,00 poin, perlu 1 guru lagi)',
    );
  });

  it.each([
    [
      { kind: 'passShare', op: '>', percent: '75', kkm: '78' },
      'lebih dari 75% guru mencapai nilai minimal 78',
      'more than 75% of teachers reaching at least 78',
    ],
    [
      { kind: 'passShare', op: '>=', percent: '100', kkm: '77.5' },
      'semua guru mencapai nilai minimal 77,5',
      'all teachers reaching at least 77.5',
    ],
    [{ kind: 'mean', op: '>', value: '80' }, 'rata-rata lebih dari 80,00', 'mean above 80.00'],
    [
      { kind: 'indicatorMean', op: '>', value: '80' },
      'rata-rata setiap indikator lebih dari 80,00',
      "every indicator's mean above 80.00",
    ],
    [
      { kind: 'bandShare', op: '>', percent: '75', band: 'Baik' },
      'lebih dari 75% guru berkategori Baik atau lebih',
      'more than 75% of teachers Baik or better',
    ],
  ] as const)('reads %j back in words', (criterion, id, en) => {
    expect(describeCriterion(criterion, 'id')).toBe(id);
    expect(describeCriterion(criterion, 'en')).toBe(en);
  });

  it('refuses "more than 100%", which can never be met, naming the field', () => {
    expectAppError(
      () =>
        parseOrThrow(ZSuccessCriteria, {
          criteria: [{ kind: 'passShare', op: '>', percent: '100', kkm: '78' }],
        }),
      {
        code: 'BAD_REQUEST',
        id: 'Lebih dari 100 tidak mungkin tercapai; pakai “minimal 100”',
        en: 'More than 100 can never be met; use “at least 100”',
        field: 'criteria.0.percent',
      },
    );
    expectAppError(
      () => parseOrThrow(ZSuccessCriteria, { criteria: [{ kind: 'mean', op: '=>', value: '7' }] }),
      {
        code: 'BAD_REQUEST',
        id: 'Pembanding harus ≥ atau >',
        en: 'The comparison must be >= or >',
        field: 'criteria.0.op',
      },
    );
  });
});
