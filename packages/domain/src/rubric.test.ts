import { describe, expect, it } from 'vitest';
import { listIndicators, ZRubricDefinition } from './rubric';
import { levels4, SAMPLE_RUBRIC, scale4 } from './test-fixtures';
import { expectAppError } from './test-utils';
import { parseOrThrow } from './zod-error';

/** A copy of SAMPLE_RUBRIC changed by `edit`. */
function variant(edit: (r: { mode: 'indicators'; aspects: Record<string, unknown>[] }) => void) {
  const copy = structuredClone(SAMPLE_RUBRIC) as {
    mode: 'indicators';
    aspects: Record<string, unknown>[];
  };
  edit(copy);
  return copy;
}
function indicator(r: { aspects: Record<string, unknown>[] }, a: number, i: number) {
  return (r.aspects[a]!.indicators as Record<string, unknown>[])[i]!;
}

describe('ZRubricDefinition', () => {
  it('accepts an indicators rubric and a summary rubric', () => {
    expect(ZRubricDefinition.parse(SAMPLE_RUBRIC)).toEqual(SAMPLE_RUBRIC);
    expect(ZRubricDefinition.parse({ mode: 'summary' })).toEqual({ mode: 'summary' });
  });

  it('lists indicators in order with their aspect', () => {
    expect(listIndicators(SAMPLE_RUBRIC).map((i) => `${i.aspectKey}/${i.key}`)).toEqual([
      'A/A1',
      'A/A2',
      'B/B1',
      'B/B2',
    ]);
    expect(listIndicators({ mode: 'summary' })).toEqual([]);
  });

  const cases: { name: string; value: unknown; field: string; id: string; en: string }[] = [
    {
      name: 'no aspects',
      value: { mode: 'indicators', aspects: [] },
      field: 'aspects',
      id: 'Instrumen perlu minimal satu aspek',
      en: 'A rubric needs at least one aspect',
    },
    {
      name: 'an aspect with no indicators',
      value: variant((r) => {
        r.aspects[1]!.indicators = [];
      }),
      field: 'aspects.1.indicators',
      id: 'Setiap aspek perlu minimal satu indikator',
      en: 'Every aspect needs at least one indicator',
    },
    {
      name: 'a duplicate indicator key across aspects',
      value: variant((r) => {
        indicator(r, 1, 1).key = 'A1';
      }),
      field: 'aspects.1.indicators.1.key',
      id: 'Kode “A1” dipakai lebih dari sekali dalam instrumen',
      en: 'Key “A1” is used more than once in the rubric',
    },
    {
      name: 'an indicator key equal to an aspect key',
      value: variant((r) => {
        indicator(r, 1, 0).key = 'A';
      }),
      field: 'aspects.1.indicators.0.key',
      id: 'Kode “A” dipakai lebih dari sekali dalam instrumen',
      en: 'Key “A” is used more than once in the rubric',
    },
    {
      name: 'a duplicate aspect key',
      value: variant((r) => {
        r.aspects[1]!.key = 'A';
      }),
      field: 'aspects.1.key',
      id: 'Kode “A” dipakai lebih dari sekali dalam instrumen',
      en: 'Key “A” is used more than once in the rubric',
    },
    {
      name: 'min equal to max',
      value: variant((r) => {
        indicator(r, 0, 0).scale = { min: 4, max: 4, levels: [{ value: 4, label: 'x' }] };
      }),
      field: 'aspects.0.indicators.0.scale.max',
      id: 'Skor maksimum (4) harus lebih besar dari skor minimum (4)',
      en: 'The scale maximum (4) must be greater than the minimum (4)',
    },
    {
      name: 'min above max',
      value: variant((r) => {
        indicator(r, 0, 0).scale = { min: 5, max: 1, levels: levels4 };
      }),
      field: 'aspects.0.indicators.0.scale.max',
      id: 'Skor maksimum (1) harus lebih besar dari skor minimum (5)',
      en: 'The scale maximum (1) must be greater than the minimum (5)',
    },
    {
      name: 'a level without an entry',
      value: variant((r) => {
        indicator(r, 0, 1).scale = { min: 1, max: 4, levels: levels4.slice(0, 3) };
      }),
      field: 'aspects.0.indicators.1.scale.levels',
      id: 'Tingkat 4 pada skala 1-4 belum memiliki label',
      en: 'Level 4 of the scale 1-4 has no label',
    },
    {
      name: 'a level with an empty label',
      value: variant((r) => {
        indicator(r, 0, 1).scale = {
          min: 1,
          max: 4,
          levels: levels4.map((l) => (l.value === 2 ? { ...l, label: ' ' } : l)),
        };
      }),
      field: 'aspects.0.indicators.1.scale.levels.1.label',
      id: 'Label tingkat wajib diisi',
      en: 'A level needs a label',
    },
    {
      name: 'a level outside the scale',
      value: variant((r) => {
        indicator(r, 0, 0).scale = { ...scale4, levels: [...levels4, { value: 5, label: 'x' }] };
      }),
      field: 'aspects.0.indicators.0.scale.levels.4.value',
      id: 'Tingkat 5 di luar skala 1-4',
      en: 'Level 5 is outside the scale 1-4',
    },
    {
      name: 'a repeated level',
      value: variant((r) => {
        indicator(r, 0, 0).scale = { ...scale4, levels: [...levels4, { value: 2, label: 'x' }] };
      }),
      field: 'aspects.0.indicators.0.scale.levels.4.value',
      id: 'Tingkat 2 ditulis dua kali',
      en: 'Level 2 appears twice',
    },
    {
      name: 'a negative minimum',
      value: variant((r) => {
        indicator(r, 0, 0).scale = { ...scale4, min: -1 };
      }),
      field: 'aspects.0.indicators.0.scale.min',
      id: 'Skor minimum tidak boleh negatif',
      en: 'The scale minimum cannot be negative',
    },
    ...[0, -1].map((weight) => ({
      name: `weight ${weight}`,
      value: variant((r) => {
        indicator(r, 0, 0).weight = weight;
      }),
      field: 'aspects.0.indicators.0.weight',
      id: 'Bobot harus lebih besar dari 0',
      en: 'A weight must be greater than 0',
    })),
    {
      name: 'a key with spaces',
      value: variant((r) => {
        indicator(r, 0, 0).key = 'A 1';
      }),
      field: 'aspects.0.indicators.0.key',
      id: 'Kode hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung',
      en: 'A key may contain only letters, digits, dots, underscores and hyphens',
    },
    {
      name: 'an unknown mode',
      value: { mode: 'free' },
      field: 'mode',
      id: 'Mode rubrik harus salah satu pilihan yang tersedia',
      en: 'Rubric mode must be one of the options offered',
    },
    {
      name: 'a missing text',
      value: variant((r) => {
        delete indicator(r, 0, 0).text;
      }),
      field: 'aspects.0.indicators.0.text',
      // The shared text type names the field even when it is missing altogether.
      id: 'Teks indikator wajib diisi',
      en: 'An indicator needs a text',
    },
  ];
  it.each(cases)('rejects $name', ({ value, field, id, en }) => {
    expectAppError(() => parseOrThrow(ZRubricDefinition, value), {
      code: 'BAD_REQUEST',
      field,
      id,
      en,
    });
  });
});
