import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BAND_PRESETS,
  bandIndex,
  bandRanges,
  classify,
  PKG_BANDS,
  PTS_DEFAULT_BANDS,
  type TBandSet,
  ZBandSet,
} from './bands';
import { D, round2 } from './decimal';
import { expectAppError } from './test-utils';
import { parseOrThrow } from './zod-error';

describe('classify with PTS_DEFAULT_BANDS', () => {
  it.each([
    ['0', 'Kurang', 0],
    ['50.99', 'Kurang', 0],
    ['50.50', 'Kurang', 0],
    ['50.994', 'Kurang', 0],
    ['50.995', 'Cukup', 1], // shows as 51.00, so it is Cukup
    ['51', 'Cukup', 1],
    ['70.99', 'Cukup', 1],
    ['71.00', 'Baik', 2],
    ['85.99', 'Baik', 2],
    ['86', 'Sangat Baik', 3],
    ['100', 'Sangat Baik', 3],
    ['100.004', 'Sangat Baik', 3],
  ])('%s -> %s', (value, label, index) => {
    expect(classify(PTS_DEFAULT_BANDS, value)).toEqual({ label, index });
  });

  it.each([
    [
      '100.01',
      'Persentase 100.01 di luar rentang 0-100',
      'Percentage 100.01 is outside the range 0-100',
    ],
    ['-1', 'Persentase -1 di luar rentang 0-100', 'Percentage -1 is outside the range 0-100'],
  ])('rejects %s', (value, id, en) => {
    expectAppError(() => classify(PTS_DEFAULT_BANDS, value), { code: 'BAD_REQUEST', id, en });
  });
});

describe('PKG_BANDS and presets', () => {
  it.each([
    ['50.99', 'Kurang'],
    ['51', 'Sedang'],
    ['61', 'Cukup'],
    ['75.99', 'Cukup'],
    ['76', 'Baik'],
    ['91', 'Amat Baik'],
  ])('%s -> %s', (value, label) => {
    expect(classify(PKG_BANDS, value).label).toBe(label);
  });

  it('lists both presets, each valid', () => {
    expect(BAND_PRESETS.map((p) => p.id)).toEqual(['pts-default', 'pkg']);
    for (const preset of BAND_PRESETS) {
      expect(ZBandSet.parse(preset.bandSet)).toEqual(preset.bandSet);
      expect(preset.name.id).not.toBe('');
      expect(preset.name.en).not.toBe('');
    }
  });
});

describe('bandRanges and bandIndex', () => {
  it('reads the ranges back', () => {
    expect(bandRanges(PTS_DEFAULT_BANDS).map((r) => `${r.label}: ${r.from} - ${r.to}`)).toEqual([
      'Kurang: 0.00 - 50.99',
      'Cukup: 51.00 - 70.99',
      'Baik: 71.00 - 85.99',
      'Sangat Baik: 86.00 - 100.00',
    ]);
    expect(
      bandRanges({
        bands: [
          { from: '0', label: 'A' },
          { from: '50.5', label: 'B' },
        ],
      }),
    ).toEqual([
      { label: 'A', from: '0.00', to: '50.49' },
      { label: 'B', from: '50.50', to: '100.00' },
    ]);
  });

  it('finds a band by label', () => {
    expect(bandIndex(PTS_DEFAULT_BANDS, 'Baik')).toBe(2);
    expect(bandIndex(PTS_DEFAULT_BANDS, 'Istimewa')).toBe(-1);
  });
});

describe('ZBandSet rejects', () => {
  const cases: { name: string; bands: unknown; field: string; id: string; en: string }[] = [
    {
      name: 'an empty set',
      bands: [],
      field: 'bands',
      id: 'Himpunan kategori perlu minimal satu kategori',
      en: 'A band set needs at least one band',
    },
    {
      name: 'a first bound above 0',
      bands: [
        { from: '10', label: 'Kurang' },
        { from: '51', label: 'Cukup' },
      ],
      field: 'bands.0.from',
      id: 'Kategori pertama harus dimulai dari 0.00, bukan 10',
      en: 'The first band must start at 0.00, not 10',
    },
    {
      name: 'unsorted bounds',
      bands: [
        { from: '0', label: 'Kurang' },
        { from: '71', label: 'Baik' },
        { from: '51', label: 'Cukup' },
      ],
      field: 'bands.2.from',
      id: 'Kategori harus urut naik: batas bawah “Cukup” (51.00) harus lebih besar dari “Baik” (71.00)',
      en: 'Bands must be in ascending order: the lower bound of “Cukup” (51.00) must be greater than that of “Baik” (71.00)',
    },
    {
      name: 'a duplicate bound',
      bands: [
        { from: '0', label: 'Kurang' },
        { from: '51', label: 'Cukup' },
        { from: '51.00', label: 'Baik' },
      ],
      field: 'bands.2.from',
      id: 'Batas bawah 51.00 dipakai dua kali (“Cukup” dan “Baik”)',
      en: 'Lower bound 51.00 is used twice (“Cukup” and “Baik”)',
    },
    ...['100', '120', '-5', '51.005', 'abc', '5e1'].map((from) => ({
      name: `the bound ${from}`,
      bands: [
        { from: '0', label: 'Kurang' },
        { from, label: 'Cukup' },
      ],
      field: 'bands.1.from',
      id: 'Batas bawah harus angka dari 0 sampai di bawah 100 dengan paling banyak dua desimal',
      en: 'A lower bound must be a number from 0 to below 100 with at most two decimals',
    })),
    {
      name: 'an empty label',
      bands: [
        { from: '0', label: 'Kurang' },
        { from: '51', label: '  ' },
      ],
      field: 'bands.1.label',
      id: 'Nama kategori wajib diisi',
      en: 'A band needs a label',
    },
    {
      name: 'a duplicate label (case-insensitive)',
      bands: [
        { from: '0', label: 'Baik' },
        { from: '51', label: 'baik' },
      ],
      field: 'bands.1.label',
      id: 'Nama kategori “baik” dipakai dua kali',
      en: 'Band label “baik” is used twice',
    },
  ];
  it.each(cases)('$name', ({ bands, field, id, en }) => {
    expectAppError(() => parseOrThrow(ZBandSet, { bands }), { code: 'BAD_REQUEST', field, id, en });
  });
});

/** A random valid band set: 1-8 distinct bounds in cents, the first 0. */
const arbBandSet = fc
  .uniqueArray(fc.integer({ min: 1, max: 9999 }), { maxLength: 7 })
  .map((cents): TBandSet => {
    const bounds = [0, ...cents.sort((a, b) => a - b)];
    return {
      bands: bounds.map((c, i) => ({ from: new D(c).dividedBy(100).toFixed(2), label: `B${i}` })),
    };
  });
/** A percentage with up to 4 decimals in 0-100. */
const arbPercent = fc
  .integer({ min: 0, max: 1_000_000 })
  .map((n) => new D(n).dividedBy(10_000).toFixed(4));

describe('classification properties', () => {
  it('every generated band set is valid', () => {
    fc.assert(
      fc.property(arbBandSet, (set) => {
        expect(ZBandSet.safeParse(set).success).toBe(true);
      }),
    );
  });

  it('is total: every value in 0-100 lands in the band whose range holds its rounded figure', () => {
    fc.assert(
      fc.property(arbBandSet, arbPercent, (set, value) => {
        const { index, label } = classify(set, value);
        expect(set.bands[index]?.label).toBe(label);
        const range = bandRanges(set)[index]!;
        const shown = new D(round2(value));
        expect(shown.greaterThanOrEqualTo(range.from) && shown.lessThanOrEqualTo(range.to)).toBe(
          true,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('is monotone: a higher value never lands in a lower band', () => {
    fc.assert(
      fc.property(arbBandSet, arbPercent, arbPercent, (set, a, b) => {
        const [lo, hi] = new D(a).lessThanOrEqualTo(b) ? [a, b] : [b, a];
        expect(classify(set, lo).index).toBeLessThanOrEqual(classify(set, hi).index);
      }),
      { numRuns: 500 },
    );
  });
});
