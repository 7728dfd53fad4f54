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

/** "2024-01-03" -> "3 Januari 2024", as reports write dates. */
export function formatLongDateId(date: string): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw badRequest(`Tanggal ${date} tidak valid`, `Invalid date ${date}`, 'date');
  return `${Number(m[3])} ${MONTHS_ID[Number(m[2]) - 1]} ${m[1]}`;
}
