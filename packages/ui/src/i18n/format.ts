import { formatLongDate as longDate, TIME_ZONE_INFO, type TTimeZone } from '@siklus/domain';
import type { Lang } from './i18n';

/**
 * Number and date formatting for people. Figures arrive as decimal strings ("53.48") and
 * are formatted as strings: parsing them into a float could print 53.479999 or round a
 * 53.475 the wrong way, and the platform promises the figure shown is the one computed.
 */

const SEPARATORS: Record<Lang, { decimal: string; group: string }> = {
  id: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export interface FormatDecimalOptions {
  /** Text for null/undefined/empty. Default: an en dash. */
  empty?: string;
  /** Group thousands (1.234,50). Default true. */
  group?: boolean;
  /** Append a suffix such as '%'. */
  suffix?: string;
}

/** `formatDecimal("53.48", "id")` → "53,48"; `formatDecimal("1234.5", "en")` → "1,234.5". */
export function formatDecimal(
  value: string | number | null | undefined,
  lang: Lang,
  { empty = '–', group = true, suffix = '' }: FormatDecimalOptions = {},
): string {
  if (value === null || value === undefined || value === '') return empty;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  // Not a plain decimal (already formatted, "NaN", exponent): show it untouched.
  if (!match) return text;
  const [, sign = '', int = '0', frac] = match;
  const sep = SEPARATORS[lang];
  const grouped = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group) : int;
  const minus = sign === '-' ? '-' : '';
  return `${minus}${grouped}${frac !== undefined ? sep.decimal + frac : ''}${suffix}`;
}

/**
 * Points and counts that arrive with two places ("35.00"): a whole number reads as one
 * ("35"), anything else keeps its places ("35.50" -> "35,50"). `formatScore("35.00", "id")`.
 */
export function formatScore(value: string | null | undefined, lang: Lang): string {
  const text = value?.trim();
  const whole = text ? /^([+-]?\d+)\.0+$/.exec(text) : null;
  return formatDecimal(whole ? whole[1] : text, lang);
}

/** A share or percentage: `formatPercent("33.33", "id")` → "33,33%". */
export function formatPercent(value: string | null | undefined, lang: Lang): string {
  return formatDecimal(value, lang, { suffix: '%' });
}

/** Integers (counts): `formatInteger(1500, "id")` → "1.500". */
export function formatInteger(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return formatDecimal(String(Math.trunc(value)), lang);
}

/**
 * Orders two decimal strings without floating point (for table sorting). Null and empty
 * sort before every number.
 */
export function compareDecimalStrings(
  a: string | null | undefined,
  b: string | null | undefined,
): -1 | 0 | 1 {
  const ma = a ? DECIMAL.exec(a.trim()) : null;
  const mb = b ? DECIMAL.exec(b.trim()) : null;
  if (!ma || !mb) return ma ? 1 : mb ? -1 : 0;
  const negA = ma[1] === '-' && !/^0*(\.0*)?$/.test(`${ma[2]}.${ma[3] ?? ''}`);
  const negB = mb[1] === '-' && !/^0*(\.0*)?$/.test(`${mb[2]}.${mb[3] ?? ''}`);
  if (negA !== negB) return negA ? -1 : 1;
  const magnitude = compareMagnitude(ma[2] ?? '0', ma[3] ?? '', mb[2] ?? '0', mb[3] ?? '');
  return negA ? flip(magnitude) : magnitude;
}

/** The other way round: a larger magnitude is the smaller negative number. */
const flip = (m: -1 | 0 | 1): -1 | 0 | 1 => (m === 0 ? 0 : m === 1 ? -1 : 1);

function compareMagnitude(intA: string, fracA: string, intB: string, fracB: string): -1 | 0 | 1 {
  const ia = intA.replace(/^0+(?=\d)/, '');
  const ib = intB.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const width = Math.max(fracA.length, fracB.length);
  const fa = fracA.padEnd(width, '0');
  const fb = fracB.padEnd(width, '0');
  if (fa === fb) return 0;
  return fa < fb ? -1 : 1;
}

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `formatDate("2026-01-15", "id")` → "15 Jan 2026". A date-only string is a calendar date,
 * not an instant, so it is formatted in UTC and never shifts a day with the time zone.
 */
export function formatDate(
  value: string | Date | null | undefined,
  lang: Lang,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' },
  /** For an instant: the district's zone, whose calendar day is shown (not the browser's). */
  timeZone?: TTimeZone,
): string {
  if (value === null || value === undefined || value === '') return '–';
  const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
  const date =
    typeof value === 'string' ? new Date(dateOnly ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const zone = dateOnly ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    ...options,
    ...(zone ? { timeZone: zone } : {}),
  }).format(date);
}

/**
 * Date and time of an instant (audit log, submitted at): "15 Jan 2026 14.05". Given the
 * district's zone it is shown in that zone with its name: "15 Jan 2026 14.05 WITA", so a
 * district in Bali or Papua reads its own clock whatever the browser's zone.
 */
export function formatDateTime(
  value: string | Date | null | undefined,
  lang: Lang,
  timeZone?: TTimeZone,
): string {
  const text = formatDate(value, lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  return timeZone && text !== '–' ? `${text} ${TIME_ZONE_INFO[timeZone].abbreviation}` : text;
}

/**
 * A date as reports write it: `formatLongDate("2024-01-03", "id")` → "3 Januari 2024",
 * "3 January 2024" in English; an instant is read as the district's day. The domain's
 * formatter, so the apps write what the server's DOCX writes; "–" for nothing or a non-date.
 */
export function formatLongDate(
  value: string | Date | null | undefined,
  lang: Lang,
  timeZone?: TTimeZone,
): string {
  if (value === null || value === undefined || value === '') return '–';
  try {
    return longDate(value, lang, timeZone);
  } catch {
    return String(value);
  }
}
