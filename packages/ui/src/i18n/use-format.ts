import type { TTimeZone } from '@siklus/domain';
import { createContext, useContext, useMemo } from 'react';
import { formatDate, formatDateTime, formatDecimal, formatInteger, formatPercent } from './format';
import { useLang } from './i18n';

/**
 * The district's time zone, provided by RequireAuth from `auth.me`; outside it (the sign-in
 * page) times show in the browser's zone without a name.
 */
export const TimeZoneContext = createContext<TTimeZone | undefined>(undefined);

/** The signed-in district's zone (undefined before sign-in). */
export function useTimeZone(): TTimeZone | undefined {
  return useContext(TimeZoneContext);
}

/** The formatters bound to the current language: `const f = useFormat(); f.decimal(mean)`. */
export function useFormat() {
  const { lang } = useLang();
  const timeZone = useTimeZone();
  return useMemo(
    () => ({
      lang,
      timeZone,
      decimal: (value: string | null | undefined) => formatDecimal(value, lang),
      percent: (value: string | null | undefined) => formatPercent(value, lang),
      integer: (value: number | null | undefined) => formatInteger(value, lang),
      /** A calendar date as is; an instant's day in the district's zone. */
      date: (value: string | Date | null | undefined) =>
        formatDate(value, lang, undefined, timeZone),
      /** The clock time of an instant in the district's zone: "10.42" (id), "10:42" (en). */
      time: (value: Date) =>
        formatDate(value, lang, { hour: '2-digit', minute: '2-digit' }, timeZone),
      /** In the district's zone, with WIB/WITA/WIT. */
      dateTime: (value: string | Date | null | undefined) => formatDateTime(value, lang, timeZone),
    }),
    [lang, timeZone],
  );
}
