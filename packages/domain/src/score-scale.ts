import { z } from 'zod';
import { D, formatId, round2, type TDecimal, toDecimal } from './decimal';
import { badRequest, type TBilingual } from './errors';
import { bi } from './zod-error';

/**
 * Scores on other scales (issues 15 and 16). Sheets and papers give a teacher's result as a
 * percentage (0-100), as a mean on a 1-4 or 1-5 scale ("3,8 dari 5"), or as a total out of
 * N ("34 dari 40"). Papers turn the last two into a percentage as value / maximum x 100
 * (3,8 of 5 = 76%; 34 of 40 = 85%); so does Siklus. A mean on a 1-4 scale therefore maps
 * 1,00 -> 25,00% and 4,00 -> 100,00%: the floor of the scale is not 0% (decision 016).
 * The conversion is exact (decimal, no float) and rounds half-up once, to two places.
 */

/** The largest total out of N a sheet may state (a 100-indicator sheet scored 1-5 is 500). */
export const MAX_SCALE_TOTAL = 10_000;

export const ZScoreScale = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent') }).strict(),
  z
    .object({
      kind: z.literal('mean'),
      max: z.union([z.literal(4), z.literal(5)], {
        error: bi('Skala rata-rata harus 1-4 atau 1-5', 'A mean scale is 1-4 or 1-5'),
      }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('total'),
      max: z
        .number({ error: bi('Skor maksimal wajib diisi', 'The maximum total is required') })
        .int(bi('Skor maksimal harus bilangan bulat', 'The maximum total must be a whole number'))
        .min(1, bi('Skor maksimal paling kecil 1', 'The maximum total is at least 1'))
        .max(
          MAX_SCALE_TOTAL,
          bi(
            `Skor maksimal paling besar ${MAX_SCALE_TOTAL}`,
            `The maximum total is at most ${MAX_SCALE_TOTAL}`,
          ),
        ),
    })
    .strict(),
]);
export type TScoreScale = z.infer<typeof ZScoreScale>;

/** The scale in words: "persentase (0-100)", "rata-rata skala 1-5", "skor total dari 40". */
export function describeScale(scale: TScoreScale): TBilingual {
  switch (scale.kind) {
    case 'percent':
      return { id: 'persentase (0-100)', en: 'percentage (0-100)' };
    case 'mean':
      return { id: `rata-rata skala 1-${scale.max}`, en: `mean on a 1-${scale.max} scale` };
    case 'total':
      return { id: `skor total dari ${scale.max}`, en: `total out of ${scale.max}` };
  }
}

const SCALE_TEXT = /^\d+(?:[.,]\d+)?$/;

/** The lowest value the scale has: 1 for a 1-4 or 1-5 mean, 0 otherwise. */
const floorOf = (scale: TScoreScale) => (scale.kind === 'mean' ? 1 : 0);
const maxOf = (scale: TScoreScale) => (scale.kind === 'percent' ? 100 : scale.max);

/**
 * A value on the scale as typed ("3,8", "3.80", "34") -> the exact value, or BAD_REQUEST
 * naming the field and the scale when it is not a number or falls outside the scale.
 */
function readOnScale(text: string, scale: TScoreScale, field?: string): TDecimal {
  const typed = typeof text === 'string' ? text.trim() : '';
  const words = describeScale(scale);
  if (!SCALE_TEXT.test(typed)) {
    throw badRequest(
      `“${typed}” bukan angka; tulis nilai ${words.id}, mis. ${scale.kind === 'mean' ? '3,80' : scale.kind === 'total' ? String(scale.max) : '75,50'}`,
      `“${typed}” is not a number; write a value as a ${words.en}, e.g. ${scale.kind === 'mean' ? '3.80' : scale.kind === 'total' ? String(scale.max) : '75.50'}`,
      field,
    );
  }
  const value = new D(typed.replace(',', '.'));
  const floor = floorOf(scale);
  const max = maxOf(scale);
  if (value.lessThan(floor) || value.greaterThan(max)) {
    throw badRequest(
      `Nilai ${typed} di luar ${words.id} (${floor}-${max})`,
      `The value ${typed} is outside the ${words.en} (${floor}-${max})`,
      field,
    );
  }
  return value;
}

/**
 * A value on a scale as a percentage of the scale's maximum, half-up to two places:
 * ("3,8", mean of 5) -> "76.00"; ("34", total of 40) -> "85.00"; ("2,9", mean of 4) ->
 * "72.50"; a percentage is only checked and rounded.
 */
export function scaleToPercentage(text: string, scale: TScoreScale, field?: string): string {
  const value = readOnScale(text, scale, field);
  if (scale.kind === 'percent') return round2(value);
  return round2(value.dividedBy(scale.max).times(100));
}

/**
 * A percentage read back on a scale, half-up to two places: ("76.00", 5) -> "3.80". What a
 * report prints as "3,80 dari 5" next to the percentage, from the same rule backwards.
 */
export function percentageOnScale(percentage: string, max: number): string {
  return round2(toDecimal(percentage, 'percentage').times(max).dividedBy(100));
}

/** "3,80 dari 5" / "3.80 of 5": a value on a scale, as a report prints it. */
export function formatOnScale(value: string, scale: TScoreScale): TBilingual {
  if (scale.kind === 'percent') return { id: `${formatId(value)}%`, en: `${value}%` };
  return { id: `${formatId(value)} dari ${scale.max}`, en: `${value} of ${scale.max}` };
}

/**
 * A summary sheet's figure as typed, on its scale, as the observation scored: a percentage
 * as it is, a mean or a total converted. The server and the form read it the same way.
 */
export function summaryObservation(
  typed: string,
  scale: TScoreScale | undefined,
): { kind: 'summary'; percentage: string } {
  return {
    kind: 'summary',
    percentage:
      scale && scale.kind !== 'percent' ? scaleToPercentage(typed, scale, 'percentage') : typed,
  };
}
