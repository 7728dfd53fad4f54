import { describe, expect, it } from 'vitest';
import { PTS_DEFAULT_BANDS } from './bands';
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
