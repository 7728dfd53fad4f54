import { appErrorOf } from '@siklus/client';
import { fieldErrorMap, issuePath, splitBilingual, type TBilingual } from '@siklus/domain';
import type { z } from 'zod';
import type { Lang } from '../i18n/i18n';

/**
 * Live checks for editors whose value is one structure edited in place (a rubric's aspects
 * and indicators, a band set, success criteria, a cycle's drafts kept per teacher): the
 * value is checked on every change with the procedure's own schema, not on submit. A plain
 * form uses `useZodForm` instead.
 */

/** Every problem with a value, by dotted field path (`aspects.0.indicators.1.scale.levels.2.label`). */
export type Issues = ReadonlyMap<string, TBilingual>;

export const NO_ISSUES: Issues = new Map();

/**
 * Checks a value with the domain's schema, the same one the API parses with, and keeps the
 * first message per field, so an editor can show each next to its field before anything is sent.
 */
export function issuesOf(schema: z.ZodType, value: unknown): Issues {
  // The forms' error map, so zod's own checks read the same here as in a `useZodForm` form.
  const result = schema.safeParse(value, { error: fieldErrorMap });
  if (result.success) return NO_ISSUES;
  const map = new Map<string, TBilingual>();
  for (const issue of result.error.issues) {
    const field = issuePath(issue.path);
    const messages = splitBilingual(issue.message) ?? { id: issue.message, en: issue.message };
    if (!map.has(field)) map.set(field, messages);
  }
  return map;
}

/** The API's refusal of one field, or null; `within` strips a prefix such as `payload`. */
export type ServerIssue = { field: string; messages: TBilingual } | null;

export function serverIssue(error: unknown, within?: string): ServerIssue {
  const app = appErrorOf(error);
  if (!app?.field) return null;
  if (!within) return { field: app.field, messages: app.messages };
  if (!app.field.startsWith(`${within}.`)) return null;
  return { field: app.field.slice(within.length + 1), messages: app.messages };
}

/**
 * The message for one field: the local check first, then the API's answer. By default a
 * message belongs to the field it names exactly (`scale.levels.2.label` is that label's, not
 * `scale`'s), so an editor that shows both never says it twice. `'inside'` is for a field that
 * stands for a group the screen has no field for each member of (`scores` for `scores.B2`).
 */
export function messageFor(
  issues: Issues,
  server: ServerIssue | undefined,
  lang: Lang,
  field: string,
  match: 'exact' | 'inside' = 'exact',
): string | undefined {
  const hits = (key: string) =>
    key === field || (match === 'inside' && key.startsWith(`${field}.`));
  for (const [key, messages] of issues) if (hits(key)) return messages[lang];
  return server && hits(server.field) ? server.messages[lang] : undefined;
}
