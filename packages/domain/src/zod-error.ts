import type { z } from 'zod';
import { AppError, type TBilingual } from './errors';

/**
 * Zod issues carry one message string, so domain schemas write both languages into it as
 * "Indonesian || English" (see `bi`) and `fromZodError` splits them again. A double bar,
 * not a single one, because zod's own messages use " | " ("Expected 'a' | 'b'").
 */
export const BILINGUAL_SEPARATOR = ' || ';

/** A zod message in both languages: bi('Wajib diisi', 'Required') -> "Wajib diisi || Required". */
export function bi(id: string, en: string): string {
  return `${id}${BILINGUAL_SEPARATOR}${en}`;
}

/** Splits an "Indonesian || English" message; a message without the separator gets a generic one. */
export function splitBilingual(message: string): TBilingual | null {
  const at = message.indexOf(BILINGUAL_SEPARATOR);
  if (at < 0) return null;
  return { id: message.slice(0, at), en: message.slice(at + BILINGUAL_SEPARATOR.length) };
}

export type TFieldIssue = { field: string; messages: TBilingual };

/** The path of a zod issue as a dotted field name: ["aspects", 0, "key"] -> "aspects.0.key". */
export function issuePath(path: readonly PropertyKey[], prefix?: string): string {
  const parts = path.map((p) => (typeof p === 'symbol' ? (p.description ?? '') : String(p)));
  if (prefix) parts.unshift(prefix);
  return parts.join('.');
}

/**
 * Zod's own messages (a wrong type, a missing key) are English only; give them an
 * Indonesian twin so every message a person sees comes in both languages.
 */
function fallbackMessages(issue: z.core.$ZodIssue): TBilingual {
  switch (issue.code) {
    case 'invalid_type':
      // Issues carry no input unless asked to, so read "missing" from zod's own wording.
      return issue.input === undefined && /received undefined$/.test(issue.message)
        ? { id: 'Wajib diisi', en: 'Required' }
        : {
            id: `Jenis isian salah (seharusnya ${issue.expected})`,
            en: `Wrong type (expected ${issue.expected})`,
          };
    case 'invalid_value':
    case 'invalid_union':
      return { id: 'Pilihan tidak valid', en: issue.message || 'Invalid option' };
    case 'too_small':
      return { id: `Terlalu kecil (minimal ${String(issue.minimum)})`, en: issue.message };
    case 'too_big':
      return { id: `Terlalu besar (maksimal ${String(issue.maximum)})`, en: issue.message };
    case 'invalid_format':
      return { id: 'Format tidak valid', en: issue.message };
    case 'unrecognized_keys':
      return { id: `Kunci tidak dikenal: ${issue.keys.join(', ')}`, en: issue.message };
    default:
      return { id: 'Isian tidak valid', en: issue.message || 'Invalid input' };
  }
}

/**
 * Turns a ZodError into the AppError a person can act on: BAD_REQUEST, the first issue's
 * field path and bilingual message, and every issue in `details.issues`.
 * `prefix` prepends a path when the parsed value sits inside a larger input.
 */
export function fromZodError(error: z.ZodError, prefix?: string): AppError {
  const issues: TFieldIssue[] = error.issues.map((issue) => ({
    // An unknown key is named as the field at fault (it is where the person went wrong).
    field: issuePath(
      issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
        ? [...issue.path, issue.keys[0]]
        : issue.path,
      prefix,
    ),
    messages: splitBilingual(issue.message) ?? fallbackMessages(issue),
  }));
  const first = issues[0] ?? {
    field: prefix ?? '',
    messages: { id: 'Isian tidak valid', en: 'Invalid input' },
  };
  return new AppError('BAD_REQUEST', first.messages, {
    ...(first.field ? { field: first.field } : {}),
    cause: error,
    details: { issues },
  });
}

/** Parses with a schema, throwing `fromZodError` on failure. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix?: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}
