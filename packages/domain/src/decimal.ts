import Decimal from 'decimal.js';
import { badRequest } from './errors';

/**
 * The one Decimal the domain computes with: ROUND_HALF_UP (ties away from zero, the way
 * Indonesian reports round), and enough precision that a mean of thousands of two-place
 * values is exact before the single rounding at the end.
 */
export const D = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
export type TDecimal = InstanceType<typeof D>;

/** Plain decimal notation only: no exponent, hex, Infinity or NaN (Decimal accepts those). */
const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;

/** True for a plain decimal string such as "53.48", "-0.5" or "100". */
export function isDecimalString(value: string): boolean {
  return DECIMAL_TEXT.test(value);
}

/** A Decimal from a plain decimal string (or a finite Decimal); anything else is BAD_REQUEST. */
export function toDecimal(value: string | Decimal, field?: string): TDecimal {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!DECIMAL_TEXT.test(text)) {
      throw badRequest(
        `“${value}” bukan angka desimal yang valid`,
        `“${value}” is not a valid decimal number`,
        field,
      );
    }
    return new D(text);
  }
  if (!value.isFinite()) {
    throw badRequest('Angka harus terhingga', 'The number must be finite', field);
  }
  return new D(value);
}

/** Rounds half-up (ties away from zero) to two places: "53.475" -> "53.48", "1.005" -> "1.01". */
export function round2(value: string | Decimal): string {
  const rounded = toDecimal(value).toDecimalPlaces(2, D.ROUND_HALF_UP);
  // -0.001 rounds to a negative zero; print it as "0.00", not "-0.00".
  return rounded.isZero() ? '0.00' : rounded.toFixed(2);
}

/** -1, 0 or 1 as a < b, a = b, a > b, compared exactly ("1.0" equals "1.00"). */
export function compareDecimal(a: string | Decimal, b: string | Decimal): -1 | 0 | 1 {
  const c = toDecimal(a).comparedTo(toDecimal(b));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Exact sum of decimal strings. */
export function sumOf(values: readonly (string | Decimal)[]): TDecimal {
  let total = new D(0);
  for (const v of values) total = total.plus(toDecimal(v));
  return total;
}

/** The exact (unrounded) mean; throws BAD_REQUEST on an empty list. */
export function exactMean(values: readonly (string | Decimal)[]): TDecimal {
  if (values.length === 0) {
    throw badRequest(
      'Rata-rata tidak dapat dihitung dari daftar kosong',
      'A mean cannot be computed from an empty list',
    );
  }
  return sumOf(values).dividedBy(values.length);
}

/** The mean, rounded half-up to two places once at the end: ["52.28", "52.29"] -> "52.29". */
export function meanOf(values: readonly (string | Decimal)[]): string {
  return round2(exactMean(values));
}

const PERCENT_TEXT = /^-?\d+(?:[.,](\d+))?$/;

/**
 * Reads a percentage as a person types it: "35,75" (Indonesian comma) or "35.75",
 * surrounding spaces ignored, 0 to 100, at most two decimals. Returns "35.75".
 */
export function parsePercentage(text: string, field?: string): string {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const match = PERCENT_TEXT.exec(trimmed);
  if (!match) {
    throw badRequest(
      `“${String(text)}” bukan persentase yang valid; tulis angka seperti 35,75`,
      `“${String(text)}” is not a valid percentage; write a number such as 35.75`,
      field,
    );
  }
  const decimals = match[1] ?? '';
  if (decimals.length > 2) {
    throw badRequest(
      `Persentase ${trimmed} memiliki lebih dari dua angka desimal`,
      `Percentage ${trimmed} has more than two decimal places`,
      field,
    );
  }
  const value = new D(trimmed.replace(',', '.'));
  if (value.isNegative() && !value.isZero()) {
    throw outOfRange(trimmed, field);
  }
  if (value.greaterThan(100)) throw outOfRange(trimmed, field);
  return round2(value);
}

const PRINTED_TEXT = /^\d+(?:[.,](\d+))?$/;

/**
 * Reads a figure as a paper prints it, for the consistency check: "68,96%", "75,289",
 * "65.05", a trailing % and a decimal comma or point, 0 to 100, up to three decimals
 * (papers print means as 75,289). `value` is rounded half-up to two places, the way the
 * platform's own figure is, so the two compare; `typed` is kept to show as printed.
 */
export function parsePrintedFigure(text: string, field?: string): { value: string; typed: string } {
  const typed = typeof text === 'string' ? text.trim() : '';
  const bare = typed.replace(/\s*%$/, '');
  const match = PRINTED_TEXT.exec(bare);
  if (!match) {
    throw badRequest(
      `“${String(text)}” bukan angka yang valid; tulis seperti tercetak, mis. 68,96 atau 68,96%`,
      `“${String(text)}” is not a valid number; write it as printed, e.g. 68.96 or 68.96%`,
      field,
    );
  }
  if ((match[1] ?? '').length > 3) {
    throw badRequest(
      `Angka ${typed} memiliki lebih dari tiga angka desimal`,
      `${typed} has more than three decimal places`,
      field,
    );
  }
  const value = new D(bare.replace(',', '.'));
  if (value.greaterThan(100)) throw outOfRange(typed, field);
  return { value: round2(value), typed };
}

function outOfRange(text: string, field: string | undefined) {
  return badRequest(
    `Persentase ${text} di luar rentang 0-100`,
    `Percentage ${text} is outside the range 0-100`,
    field,
  );
}

/**
 * Checks an already machine-formatted percentage ("53.48", from the database or another
 * computation): a plain decimal from 0 to 100. Unlike parsePercentage it allows any
 * number of decimals, since computed values are rounded later.
 */
export function assertPercentage(value: string | Decimal, field?: string): TDecimal {
  const d = toDecimal(value, field);
  if (d.isNegative() && !d.isZero()) throw outOfRange(d.toString(), field);
  if (d.greaterThan(100)) throw outOfRange(d.toString(), field);
  return d;
}

/** "53.48" -> "53,48": the Indonesian decimal comma, for messages. */
export function formatId(value: string): string {
  return value.replace('.', ',');
}

/** "80.00" -> "80", "66.50" -> "66.5": a threshold as people write it. */
export function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
