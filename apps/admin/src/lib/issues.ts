import { appErrorOf } from '@siklus/client';
import { fromZodError, type TBilingual } from '@siklus/domain';
import type { Lang } from '@siklus/ui';

type ZodLike = {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: Parameters<typeof fromZodError>[0] };
};

/** Every problem with a value, by dotted field path (`aspects.0.indicators.1.scale.levels.2.label`). */
export type Issues = ReadonlyMap<string, TBilingual>;

export const NO_ISSUES: Issues = new Map();

/**
 * Checks a value with the domain's schema, the same one the API parses with, and keeps the
 * first message per field, so a form can show each next to its field before anything is sent.
 */
export function issuesOf(schema: ZodLike, value: unknown): Issues {
  const result = schema.safeParse(value);
  if (result.success) return NO_ISSUES;
  const issues = (fromZodError(result.error).details?.issues ?? []) as {
    field: string;
    messages: TBilingual;
  }[];
  const map = new Map<string, TBilingual>();
  for (const issue of issues) if (!map.has(issue.field)) map.set(issue.field, issue.messages);
  return map;
}

/** The API's error about one field, or null; `within` strips a prefix such as `payload`. */
export type ServerIssue = { field: string; messages: TBilingual } | null;

export function serverIssue(error: unknown, within?: string): ServerIssue {
  const app = appErrorOf(error);
  if (!app?.field) return null;
  if (!within) return { field: app.field, messages: app.messages };
  if (!app.field.startsWith(`${within}.`)) return null;
  return { field: app.field.slice(within.length + 1), messages: app.messages };
}

/**
 * The message for one field: the local check first, then the API's answer (which names a
 * field too). Matches exactly: a message about `scale.levels.2.label` belongs to that
 * label, not to `scale`.
 */
export function messageFor(
  issues: Issues,
  server: ServerIssue | undefined,
  lang: Lang,
  field: string,
): string | undefined {
  const local = issues.get(field);
  if (local) return local[lang];
  return server?.field === field ? server.messages[lang] : undefined;
}
