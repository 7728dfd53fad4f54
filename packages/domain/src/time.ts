import { badRequest, type TBilingual } from './errors';

/*
 * Indonesia's three time zones. A district keeps one; every time is shown in it with the
 * zone's name, and date filters ("from 2 Dec") mean the district's calendar days. None of
 * the three observes daylight saving, so each is a fixed offset from UTC: that keeps the
 * arithmetic here exact and the same in Node, in the browser and in SQL parameters.
 */

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TTimeZone = (typeof TIME_ZONES)[number];
export const DEFAULT_TIME_ZONE: TTimeZone = 'Asia/Jakarta';

export const TIME_ZONE_INFO: Record<
  TTimeZone,
  { abbreviation: 'WIB' | 'WITA' | 'WIT'; offsetHours: number; name: TBilingual }
> = {
  'Asia/Jakarta': {
    abbreviation: 'WIB',
    offsetHours: 7,
    name: { id: 'Waktu Indonesia Barat (WIB)', en: 'Western Indonesia Time (WIB)' },
  },
  'Asia/Makassar': {
    abbreviation: 'WITA',
    offsetHours: 8,
    name: { id: 'Waktu Indonesia Tengah (WITA)', en: 'Central Indonesia Time (WITA)' },
  },
  'Asia/Jayapura': {
    abbreviation: 'WIT',
    offsetHours: 9,
    name: { id: 'Waktu Indonesia Timur (WIT)', en: 'Eastern Indonesia Time (WIT)' },
  },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a calendar day ("2026-12-02") starts in the zone. */
export function startOfLocalDay(date: string, zone: TTimeZone): Date {
  const m = ISO_DATE.exec(date);
  if (!m) throw badRequest(`Tanggal ${date} tidak valid`, `Invalid date ${date}`, 'date');
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(utcMidnight - TIME_ZONE_INFO[zone].offsetHours * HOUR);
}

/** The instant the day after `date` starts: the exclusive end of a "to" filter. */
export function endOfLocalDay(date: string, zone: TTimeZone): Date {
  return new Date(startOfLocalDay(date, zone).getTime() + DAY);
}

/** The zone's calendar day of an instant, "YYYY-MM-DD". */
export function localDate(instant: Date, zone: TTimeZone): string {
  return new Date(instant.getTime() + TIME_ZONE_INFO[zone].offsetHours * HOUR)
    .toISOString()
    .slice(0, 10);
}

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date as reports write it: "3 Januari 2024" (id) or "3 January 2024" (en). Given a
 * calendar day ("2024-01-03") it writes that day; given an instant it writes the day of
 * the district's zone (an instant of 2 Jan 17:30 UTC is 3 Januari in WIB, WITA and WIT).
 * The one long-date formatter of the platform: the server's DOCX and chapter and the apps
 * (packages/ui's formatLongDate) both call it, so the two never disagree.
 */
export function formatLongDate(
  value: string | Date,
  lang: 'id' | 'en',
  zone: TTimeZone = DEFAULT_TIME_ZONE,
): string {
  const instant = typeof value === 'string' ? new Date(value) : value;
  const date =
    typeof value === 'string' && ISO_DATE.test(value)
      ? value
      : Number.isNaN(instant.getTime())
        ? ''
        : localDate(instant, zone);
  const m = ISO_DATE.exec(date);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) {
    throw badRequest(
      `Tanggal ${String(value)} tidak valid`,
      `Invalid date ${String(value)}`,
      'date',
    );
  }
  return `${Number(m[3])} ${(lang === 'id' ? MONTHS_ID : MONTHS_EN)[month - 1]} ${m[1]}`;
}

/** "2024-01-03" -> "3 Januari 2024", as reports write dates (formatLongDate in Indonesian). */
export function formatLongDateId(date: string): string {
  if (!ISO_DATE.test(date)) {
    throw badRequest(`Tanggal ${date} tidak valid`, `Invalid date ${date}`, 'date');
  }
  return formatLongDate(date, 'id');
}

/** The zone's calendar day `days` after (or before, when negative) `date`, "YYYY-MM-DD". */
export function addLocalDays(date: string, days: number): string {
  const start = startOfLocalDay(date, 'Asia/Jakarta');
  return localDate(new Date(start.getTime() + days * DAY), 'Asia/Jakarta');
}

/**
 * Whole calendar days of the district's zone from `from` to `to`: an instant of 23:30 WIB
 * is one day before one of 00:30 WIB, though an hour apart. 0 on the same day or when
 * `from` is later. "Days waiting" and "overdue" count these, not 24-hour periods in UTC.
 */
export function calendarDaysBetween(from: Date | string, to: Date, zone: TTimeZone): number {
  const a = startOfLocalDay(localDate(new Date(from), zone), zone).getTime();
  const b = startOfLocalDay(localDate(to, zone), zone).getTime();
  return b > a ? Math.round((b - a) / DAY) : 0;
}

/**
 * A draft or returned cycle nobody has written to for more than this many of the
 * district's calendar days is overdue (the dashboard's "perlu perhatian").
 */
export const OVERDUE_AFTER_DAYS = 30;

/**
 * The instant before which a last write makes a cycle overdue at `now`: the start of the
 * district's calendar day `days` days before today. Written on local day D, a cycle is
 * overdue once today - D > days, the same as `calendarDaysBetween(...) > days`.
 */
export function overdueCutoff(now: Date, zone: TTimeZone, days = OVERDUE_AFTER_DAYS): Date {
  return startOfLocalDay(addLocalDays(localDate(now, zone), -days), zone);
}

/**
 * An instant as the zone's wall clock, written as reports write dates: "3 Desember 2026
 * 00.30.15" (Indonesian time with dots; the zone's name goes where the reader sees it).
 */
export function formatLongDateTimeId(instant: Date, zone: TTimeZone): string {
  const wall = new Date(instant.getTime() + TIME_ZONE_INFO[zone].offsetHours * HOUR).toISOString();
  return `${formatLongDateId(wall.slice(0, 10))} ${wall.slice(11, 19).replaceAll(':', '.')}`;
}
