import { bi, splitBilingual } from '@siklus/domain';
import type { z } from 'zod';
import { en } from '../i18n/en';
import { fillMessage, type Lang } from '../i18n/i18n';
import { id, type MessageKey } from '../i18n/id';

/**
 * A message in both languages, in the domain's "Indonesian || English" form. Forms load
 * with their pages (zod is not in the first load), so the English words come with them.
 */
function both(key: MessageKey, params?: Record<string, string | number>): string {
  return bi(fillMessage('id', id[key], params), fillMessage('en', en[key], params));
}

const isEmpty = (input: unknown) => input === undefined || input === null || input === '';

/**
 * Zod's own messages ("Too small: expected string to have >=1 characters") are English and
 * written for programmers. A form parses with this map, so a field left empty says
 * "Wajib diisi" and a too-long one says its limit, in both languages. The domain's schemas
 * write their own messages with `bi(...)`; zod prefers those, so this map only fills the
 * gaps. Anything it does not know falls back to "Isian tidak valid".
 */
export const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return isEmpty(issue.input) ? both('form.required') : both('form.invalid');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? both('form.required') : both('form.minLength', { count: min });
      if (issue.origin === 'array' || issue.origin === 'set')
        return both('form.minItems', { count: min });
      return both('form.minValue', { value: String(issue.minimum) });
    }
    case 'too_big':
      if (issue.origin === 'string')
        return both('form.maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return both('form.maxItems', { count: Number(issue.maximum) });
      return both('form.maxValue', { value: String(issue.maximum) });
    case 'invalid_value':
    case 'invalid_union':
      return isEmpty(issue.input) ? both('form.required') : both('form.choose');
    case 'invalid_format':
      return issue.format === 'email' ? both('form.email') : both('form.format');
    default:
      return both('form.invalid');
  }
};

/** The current language's half of a form message; a message in one language shows as is. */
export function messageIn(message: string | undefined, lang: Lang): string | undefined {
  if (!message) return undefined;
  return splitBilingual(message)?.[lang] ?? message;
}
