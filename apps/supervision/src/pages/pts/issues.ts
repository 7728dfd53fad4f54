import { appErrorOf } from '@siklus/client';
import { fromZodError, type TBilingual } from '@siklus/domain';
import type { Lang } from '@siklus/ui';

type ZodLike = {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: Parameters<typeof fromZodError>[0] };
};

/** The first message per dotted field path, from the same zod schema the API parses with. */
export type Issues = ReadonlyMap<string, TBilingual>;
export const NO_ISSUES: Issues = new Map();

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

/**
 * The message for a field: the local check first (also one about a field inside it), then the API's answer when it names this
 * field or one inside it (`scores` matches `scores.B2`).
 */
export function messageFor(
  issues: Issues,
  apiError: unknown,
  lang: Lang,
  field: string,
): string | undefined {
  for (const [key, messages] of issues)
    if (key === field || key.startsWith(`${field}.`)) return messages[lang];
  const app = appErrorOf(apiError);
  if (app?.field && (app.field === field || app.field.startsWith(`${field}.`)))
    return app.messages[lang];
  return undefined;
}
