import { z } from 'zod';
import type { TBilingual } from '../errors';
import { bi } from '../zod-error';

/**
 * The one text type for every free-text field a person types (names, titles, notes,
 * comments, searches). What it refuses, Postgres or a reader would otherwise meet:
 * - NUL: Postgres refuses it in text (SQLSTATE 22021), so it used to answer 500;
 * - other control characters (line breaks and tabs only in multi-line text);
 * - lone surrogates: not text at all; Postgres would store U+FFFD in their place;
 * - no visible character at all (only spaces or zero-width characters), or bidi
 *   embedding/override/isolate controls, which make a name display as something else
 *   ("Guru\u202Eanil" shows as "Guru lina").
 * The text is trimmed and NFC-normalised before its length is checked, so "é" typed
 * composed or decomposed is one character and one stored form. Every message names the
 * field, in both languages.
 */

export type TTextLabel = TBilingual;

export interface TTextOptions {
  /** Characters after trimming and normalising. */
  max: number;
  /** Refuse an empty text (after trimming). */
  required?: boolean;
  /** Notes and comments: line breaks and tabs allowed. */
  multiline?: boolean;
  /** What to say when it is missing or empty, if not "<label> wajib diisi". */
  requiredMessages?: TBilingual;
}

const NUL = '\u0000';
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL_LINE = /[\u0001-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL_MULTILINE = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** A letter, a digit, punctuation or a symbol: something a reader sees. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export function zText(label: TTextLabel, options: TTextOptions) {
  const { id, en } = label;
  const { max, required = false, multiline = false } = options;
  const missing = options.requiredMessages
    ? bi(options.requiredMessages.id, options.requiredMessages.en)
    : bi(`${id} wajib diisi`, `${en} is required`);
  let schema = z
    .string({
      error: (issue) =>
        issue.input === undefined ? missing : bi(`${id} harus berupa teks`, `${en} must be text`),
    })
    // Checked before anything else: a length or emptiness message about a text with a NUL
    // in it would send the person looking for the wrong problem.
    .refine((s) => !s.includes(NUL), {
      error: bi(
        `${id} tidak boleh berisi karakter NUL (\\u0000)`,
        `${en} must not contain a NUL character (\\u0000)`,
      ),
      abort: true,
    })
    .refine((s) => !LONE_SURROGATE.test(s), {
      error: bi(
        `${id} berisi karakter Unicode yang rusak (surrogate tunggal)`,
        `${en} contains a broken Unicode character (a lone surrogate)`,
      ),
      abort: true,
    })
    .refine((s) => !(multiline ? CONTROL_MULTILINE : CONTROL_LINE).test(s), {
      error: multiline
        ? bi(
            `${id} tidak boleh berisi karakter kontrol`,
            `${en} must not contain control characters`,
          )
        : bi(
            `${id} tidak boleh berisi karakter kontrol atau baris baru`,
            `${en} must not contain control characters or line breaks`,
          ),
      abort: true,
    })
    .trim()
    .normalize('NFC');
  // Bidi embedding, override and isolate controls are refused in every text, notes
  // included: Siklus's texts are Indonesian and English (no right-to-left script needs
  // them), and in a note they can make a sentence read as something else ("Trojan source").
  schema = schema.refine((s) => !BIDI_CONTROL.test(s), {
    error: bi(
      `${id} tidak boleh berisi karakter pengendali arah teks (bidi)`,
      `${en} must not contain bidi direction-override characters`,
    ),
    abort: true,
  });
  // Only zero-width or blank characters: a text nobody can see, or a name nobody can pick.
  schema = schema.refine((s) => s === '' || VISIBLE.test(s), {
    error: bi(
      `${id} harus berisi setidaknya satu huruf, angka atau tanda baca`,
      `${en} needs at least one visible letter, digit or sign`,
    ),
    abort: true,
  });
  if (required) schema = schema.min(1, missing);
  return schema.max(
    max,
    bi(`${id} paling panjang ${max} karakter`, `${en} is at most ${max} characters`),
  );
}

export const DATE_YEAR_MIN = 2000;
export const DATE_YEAR_MAX = 2100;

/** A calendar date, YYYY-MM-DD, within the years a PTS can take place in. */
export function zDate(label: TTextLabel) {
  const { id, en } = label;
  return z.iso
    .date(bi(`${id} harus berformat YYYY-MM-DD`, `${en} must be a date as YYYY-MM-DD`))
    .refine(
      (d) => {
        const year = Number(d.slice(0, 4));
        return year >= DATE_YEAR_MIN && year <= DATE_YEAR_MAX;
      },
      bi(
        `${id} harus antara tahun ${DATE_YEAR_MIN} dan ${DATE_YEAR_MAX}`,
        `${en} must be between the years ${DATE_YEAR_MIN} and ${DATE_YEAR_MAX}`,
      ),
    );
}
