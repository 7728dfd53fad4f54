import { describe, expect, it } from 'vitest';
import { PKG_BANDS, PTS_DEFAULT_BANDS, placeLabel, type TBandSet, ZBandSet } from './bands';
import { checkPrintedFigures } from './consistency';
import { expectAppError } from './test-utils';

const SIKLUS_I = ['46.75', '48.50', '50.50', '55.70', '58.80', '60.60'];

describe('checkPrintedFigures', () => {
  it('finds nothing when the paper agrees (comma, spacing and case do not matter)', () => {
    expect(
      checkPrintedFigures(
        {
          printedMean: ' 53,48 ',
          printedMeanBand: 'cukup',
          printedBands: ['Kurang', 'Kurang', null, 'Cukup', '', 'Cukup'],
        },
        SIKLUS_I,
        PTS_DEFAULT_BANDS,
      ),
    ).toEqual([]);
    expect(checkPrintedFigures({}, SIKLUS_I, PTS_DEFAULT_BANDS)).toEqual([]);
  });

  it('lists each mismatch with a bilingual message', () => {
    expect(
      checkPrintedFigures(
        {
          printedMean: '53.5',
          printedMeanBand: 'Baik',
          printedBands: ['Kurang', 'Kurang', 'Cukup', 'Cukup', 'Cukup', 'Cukup'],
        },
        SIKLUS_I,
        PTS_DEFAULT_BANDS,
      ),
    ).toEqual([
      {
        field: 'mean',
        printed: '53.50',
        computed: '53.48',
        message: {
          id: 'Rata-rata tercetak 53,50 berbeda dari hasil hitung 53,48',
          en: 'The printed mean 53.50 differs from the computed 53.48',
        },
      },
      {
        field: 'meanBand',
        printed: 'Baik',
        computed: 'Cukup',
        placed: 'Baik',
        message: {
          id: 'Kategori rata-rata tercetak “Baik” berbeda dari hasil hitung “Cukup” (rata-rata 53,48)',
          en: 'The printed mean band “Baik” differs from the computed “Cukup” (mean 53.48)',
        },
      },
      {
        field: 'band',
        index: 2,
        printed: 'Cukup',
        computed: 'Kurang',
        placed: 'Cukup',
        message: {
          id: 'Kategori guru ke-3 tercetak “Cukup” berbeda dari hasil hitung “Kurang” (50,50)',
          en: "Teacher 3's printed band “Cukup” differs from the computed “Kurang” (50.50)",
        },
      },
    ]);
  });

  it('says so, without comparing row by row, when the printed bands no longer line up with the teachers', () => {
    // Typed for 6 teachers; a 7th observed since. A read must still answer.
    expect(
      checkPrintedFigures(
        { printedMean: '42,29', printedBands: ['Kurang'] },
        SIKLUS_I,
        PTS_DEFAULT_BANDS,
      ).filter((m) => m.field === 'bandCount' || m.field === 'band'),
    ).toEqual([
      {
        field: 'bandCount',
        printed: '1',
        computed: String(SIKLUS_I.length),
        message: {
          id: `Ada 1 kategori tercetak untuk ${SIKLUS_I.length} guru`,
          en: `There are 1 printed bands for ${SIKLUS_I.length} teachers`,
        },
      },
    ]);
  });

  it('flags a printed mean with nothing to compute it from', () => {
    expect(
      checkPrintedFigures({ printedMean: '50', printedMeanBand: 'Cukup' }, [], PTS_DEFAULT_BANDS),
    ).toEqual([
      {
        field: 'mean',
        printed: '50.00',
        computed: null,
        message: {
          id: 'Rata-rata tercetak 50,00 tidak dapat diperiksa: belum ada nilai guru',
          en: 'The printed mean 50.00 cannot be checked: there are no teacher figures',
        },
      },
      {
        field: 'meanBand',
        printed: 'Cukup',
        computed: null,
        placed: 'Cukup',
        message: {
          id: 'Kategori rata-rata tercetak “Cukup” tidak dapat diperiksa: belum ada nilai guru',
          en: 'The printed mean band “Cukup” cannot be checked: there are no teacher figures',
        },
      },
    ]);
  });

  it.each([
    {
      name: 'a printed mean that is no number',
      printed: { printedMean: 'enam puluh' },
      field: 'printedMean',
      id: 'Angka tercetak “enam puluh” bukan angka yang valid',
      en: 'The printed figure “enam puluh” is not a valid number',
    },
  ])('rejects $name', ({ printed, field, id, en }) => {
    expectAppError(() => checkPrintedFigures(printed, SIKLUS_I, PTS_DEFAULT_BANDS), {
      code: 'BAD_REQUEST',
      field,
      id,
      en,
    });
  });
});

describe('band labels by the band they name', () => {
  const LETTERED: TBandSet = {
    bands: [
      { from: '0', label: 'Kurang', letter: 'D', aliases: ['Kurang Baik'] },
      { from: '51', label: 'Cukup', letter: 'C' },
      { from: '71', label: 'Baik', letter: 'B' },
      { from: '86', label: 'Sangat Baik', letter: 'A' },
    ],
  };

  it.each([
    ['  baik   SEKALI ', 'Sangat Baik'], // spacing and case folded, a known synonym
    ['Amat baik', 'Sangat Baik'],
    ['A', 'Sangat Baik'], // a letter grade
    ['kurang baik', 'Kurang'], // the band set's alias
    ['cukup baik', 'Cukup'],
    ['Istimewa', null], // names none
  ])('places %j as %s', (text, band) => {
    const at = placeLabel(LETTERED, text);
    expect(at < 0 ? null : LETTERED.bands[at]?.label).toBe(band);
  });

  it('does not place a synonym two bands could mean (PKG has "Baik" and "Amat Baik")', () => {
    expect(PKG_BANDS.bands[placeLabel(PKG_BANDS, 'baik sekali')]?.label).toBe('Amat Baik');
    expect(
      placeLabel(
        {
          bands: [
            { from: '0', label: 'Sangat Baik' },
            { from: '50', label: 'Amat Baik' },
          ],
        },
        'Baik Sekali',
      ),
    ).toBe(-1);
  });

  it('accepts a synonym, a letter or an alias for the computed band; reports a label it cannot place', () => {
    const percentages = ['90', '75', '40', '60'];
    expect(
      checkPrintedFigures(
        { printedBands: ['Baik Sekali', 'b', 'Kurang Baik', 'Istimewa'], printedMeanBand: 'C' },
        percentages,
        LETTERED,
      ),
    ).toEqual([
      {
        field: 'band',
        index: 3,
        printed: 'Istimewa',
        computed: 'Cukup',
        placed: null,
        message: {
          id: 'Kategori guru ke-4 tercetak “Istimewa” tidak dikenali sebagai kategori mana pun (Kurang, Cukup, Baik, Sangat Baik); tambahkan sebagai nama lain bila memang sama',
          en: "Teacher 4's printed band “Istimewa” names none of the bands (Kurang, Cukup, Baik, Sangat Baik); add it as an alias if it means one",
        },
      },
    ]);
    const [wrong] = checkPrintedFigures({ printedBands: ['baik sekali'] }, ['75'], LETTERED);
    expect(wrong?.message.id).toBe(
      'Kategori guru ke-1 tercetak “baik sekali” (= Sangat Baik) berbeda dari hasil hitung “Baik” (75,00)',
    );
  });

  it('refuses a letter or alias that names two bands', () => {
    const r = ZBandSet.safeParse({
      bands: [
        { from: '0', label: 'Kurang', aliases: ['Cukup'] },
        { from: '51', label: 'Cukup', letter: 'C' },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['bands.1.label']);
  });
});
