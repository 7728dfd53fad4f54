import { describe, expect, it } from 'vitest';
import {
  endOfLocalDay,
  formatLongDate,
  formatLongDateId,
  localDate,
  startOfLocalDay,
} from './time';

describe('district calendar days', () => {
  it.each([
    ['Asia/Jakarta', '2026-12-01T17:00:00.000Z'],
    ['Asia/Makassar', '2026-12-01T16:00:00.000Z'],
    ['Asia/Jayapura', '2026-12-01T15:00:00.000Z'],
  ] as const)('2 Dec starts in %s at %s', (zone, iso) => {
    expect(startOfLocalDay('2026-12-02', zone).toISOString()).toBe(iso);
    expect(endOfLocalDay('2026-12-01', zone).toISOString()).toBe(iso);
  });
  it('reads an instant as the zone day: 00:30 WIB on 2 Dec is 1 Dec in UTC', () => {
    const instant = new Date('2026-12-01T17:30:00Z');
    expect(localDate(instant, 'Asia/Jakarta')).toBe('2026-12-02');
    expect(localDate(new Date('2026-12-01T14:59:59Z'), 'Asia/Jayapura')).toBe('2026-12-01');
    expect(localDate(new Date('2026-12-01T15:00:00Z'), 'Asia/Jayapura')).toBe('2026-12-02');
  });
  it('writes dates as reports do', () => {
    expect(formatLongDateId('2024-01-03')).toBe('3 Januari 2024');
    expect(formatLongDateId('2024-12-31')).toBe('31 Desember 2024');
    expect(() => formatLongDateId('3/1/2024')).toThrow();
  });
});

describe('formatLongDate: one long date for the chapter, the DOCX and the apps', () => {
  const months: [string, string, string][] = [
    ['01', 'Januari', 'January'],
    ['02', 'Februari', 'February'],
    ['03', 'Maret', 'March'],
    ['04', 'April', 'April'],
    ['05', 'Mei', 'May'],
    ['06', 'Juni', 'June'],
    ['07', 'Juli', 'July'],
    ['08', 'Agustus', 'August'],
    ['09', 'September', 'September'],
    ['10', 'Oktober', 'October'],
    ['11', 'November', 'November'],
    ['12', 'Desember', 'December'],
  ];
  it.each(months)('month %s reads %s / %s, the day without a leading zero', (mm, id, en) => {
    expect(formatLongDate(`2024-${mm}-03`, 'id')).toBe(`3 ${id} 2024`);
    expect(formatLongDate(`2024-${mm}-03`, 'en')).toBe(`3 ${en} 2024`);
    expect(formatLongDate(`2025-${mm}-28`, 'id')).toBe(`28 ${id} 2025`);
  });
  it('writes a calendar day as that day whatever the zone', () => {
    expect(formatLongDate('2024-01-03', 'id', 'Asia/Jayapura')).toBe('3 Januari 2024');
    expect(formatLongDateId('2024-01-03')).toBe(formatLongDate('2024-01-03', 'id'));
  });
  it.each([
    // 2 Jan 16:59:59 UTC is 23:59:59 WIB on 2 Jan but already 3 Jan in WITA and WIT.
    ['2024-01-02T16:59:59Z', 'Asia/Jakarta', '2 Januari 2024', '2 January 2024'],
    ['2024-01-02T17:00:00Z', 'Asia/Jakarta', '3 Januari 2024', '3 January 2024'],
    ['2024-01-02T15:59:59Z', 'Asia/Makassar', '2 Januari 2024', '2 January 2024'],
    ['2024-01-02T16:00:00Z', 'Asia/Makassar', '3 Januari 2024', '3 January 2024'],
    ['2024-01-02T14:59:59Z', 'Asia/Jayapura', '2 Januari 2024', '2 January 2024'],
    ['2024-01-02T15:00:00Z', 'Asia/Jayapura', '3 Januari 2024', '3 January 2024'],
    ['2023-12-31T17:00:00Z', 'Asia/Jakarta', '1 Januari 2024', '1 January 2024'],
  ] as const)('the instant %s in %s is %s', (iso, zone, id, en) => {
    expect(formatLongDate(new Date(iso), 'id', zone)).toBe(id);
    expect(formatLongDate(iso, 'en', zone)).toBe(en);
  });
  it('refuses what is not a date, in both languages', () => {
    expect(() => formatLongDate('2024-13-01', 'id')).toThrow(/2024-13-01/);
    expect(() => formatLongDate('kemarin', 'en')).toThrow(/kemarin/);
    expect(() => formatLongDate(new Date(Number.NaN), 'id')).toThrow(/Invalid date/);
  });
});
