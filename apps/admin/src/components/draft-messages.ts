import { type Issues, messageFor, type ServerIssue, useLang } from '@siklus/ui';

/**
 * How a config editor (bands, criteria) speaks of its draft: a field's problem, from the
 * local check or the server, in the user's language, and a decimal as they type it.
 */
export function useDraftMessages(issues: Issues, serverError: ServerIssue | undefined) {
  const { lang } = useLang();
  return {
    lang,
    err: (field: string) => messageFor(issues, serverError, lang, field),
    /** Indonesian writes the decimal comma. */
    shown: (n: string) => (lang === 'id' ? n.replace('.', ',') : n),
  };
}
