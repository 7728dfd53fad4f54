import { splitBilingual } from '@siklus/domain';
import type { Lang } from '../i18n/i18n';

/**
 * Forms check with the domain's one error map (`fieldErrorMap`, field-messages.ts), the same
 * the API answers with, so a field's message reads the same before and after it is sent
 * ("Bobot harus berupa angka || Weight must be a number"). This shows its current half.
 */

/** The current language's half of a form message; a message in one language shows as is. */
export function messageIn(message: string | undefined, lang: Lang): string | undefined {
  if (!message) return undefined;
  return splitBilingual(message)?.[lang] ?? message;
}
