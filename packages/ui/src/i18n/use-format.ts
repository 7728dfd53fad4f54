import { useMemo } from 'react';
import { formatDate, formatDateTime, formatDecimal, formatInteger, formatPercent } from './format';
import { useLang } from './i18n';

/** The formatters bound to the current language: `const f = useFormat(); f.decimal(mean)`. */
export function useFormat() {
  const { lang } = useLang();
  return useMemo(
    () => ({
      lang,
      decimal: (value: string | null | undefined) => formatDecimal(value, lang),
      percent: (value: string | null | undefined) => formatPercent(value, lang),
      integer: (value: number | null | undefined) => formatInteger(value, lang),
      date: (value: string | Date | null | undefined) => formatDate(value, lang),
      dateTime: (value: string | Date | null | undefined) => formatDateTime(value, lang),
    }),
    [lang],
  );
}
