import { describe, expect, it } from 'vitest';
import { endOfLocalDay, formatLongDateId, localDate, startOfLocalDay } from './time';

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
