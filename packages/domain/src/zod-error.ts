import type { z } from 'zod';
import { AppError, type TBilingual } from './errors';
import { fieldErrorMap, fieldMessage } from './field-messages';

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
 * Zod's own messages (a wrong type, a missing key) are English and written for programmers;
 * an issue without a schema's own `bi(...)` message reads as the field error map says
 * (field-messages.ts), so every message a person sees names the field in both languages.
 */
function fallbackMessages(issue: z.core.$ZodIssue): TBilingual {
  const message = fieldMessage(issue);
  return splitBilingual(message) ?? { id: message, en: message };
}

/** Every issue of a ZodError as a field path and a bilingual message, in zod's order. */
export function zodIssues(error: z.ZodError, prefix?: string): TFieldIssue[] {
  return error.issues.map((issue) => ({
    // An unknown key is named as the field at fault (it is where the person went wrong).
    field: issuePath(
      issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
        ? [...issue.path, issue.keys[0]]
        : issue.path,
      prefix,
    ),
    messages: splitBilingual(issue.message) ?? fallbackMessages(issue),
  }));
}

/**
 * Turns a ZodError into the AppError a person can act on: BAD_REQUEST, the first issue's
 * field path and bilingual message, and every issue in `details.issues`.
 * `prefix` prepends a path when the parsed value sits inside a larger input.
 */
export function fromZodError(error: z.ZodError, prefix?: string): AppError {
  const issues = zodIssues(error, prefix);
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
  const result = schema.safeParse(value, { error: fieldErrorMap });
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}
