import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  formatLongDateTimeId,
  OVERDUE_AFTER_DAYS,
  overdueCutoff,
  TIME_ZONES,
} from './time';

describe("calendar days in the district's zone", () => {
  it('counts a day across midnight WIB that UTC would not', () => {
    // 16:30 UTC = 23:30 WIB; 17:30 UTC = 00:30 WIB the next day.
    expect(
      calendarDaysBetween('2026-12-01T16:30:00Z', new Date('2026-12-01T17:30:00Z'), 'Asia/Jakarta'),
    ).toBe(1);
    // In WIT both are already 2 December (01:30 and 02:30).
    expect(
      calendarDaysBetween(
        '2026-12-01T16:30:00Z',
        new Date('2026-12-01T17:30:00Z'),
        'Asia/Jayapura',
      ),
    ).toBe(0);
  });

  it('counts across midnight WIT where WIB is still the same day', () => {
    // 14:30 UTC = 23:30 WIT = 21:30 WIB; 15:30 UTC = 00:30 WIT (next day) = 22:30 WIB.
    expect(
      calendarDaysBetween(
        '2026-12-01T14:30:00Z',
        new Date('2026-12-01T15:30:00Z'),
        'Asia/Jayapura',
      ),
    ).toBe(1);
    expect(
      calendarDaysBetween('2026-12-01T14:30:00Z', new Date('2026-12-01T15:30:00Z'), 'Asia/Jakarta'),
    ).toBe(0);
  });

  it('is 0 for a later "from"', () => {
    expect(
      calendarDaysBetween(
        '2026-12-03T00:00:00Z',
        new Date('2026-12-01T00:00:00Z'),
        'Asia/Makassar',
      ),
    ).toBe(0);
  });

  it('overdue: a write before the cutoff is more than 30 calendar days old, one after it is not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIME_ZONES),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 0, max: 90 * 86_400_000 }),
        (zone, nowMs, ago) => {
          const now = new Date(nowMs);
          const written = new Date(nowMs - ago);
          const overdue = written.getTime() < overdueCutoff(now, zone).getTime();
          expect(overdue).toBe(calendarDaysBetween(written, now, zone) > OVERDUE_AFTER_DAYS);
        },
      ),
    );
  });

  it('places the cutoff at the start of the local day 30 days back', () => {
    // 2 Dec 10:00 UTC is 2 Dec in WIB (17:00) and in WIT (19:00): the cutoff is 2 Nov 00:00 local.
    const now = new Date('2026-12-02T10:00:00Z');
    expect(overdueCutoff(now, 'Asia/Jakarta').toISOString()).toBe('2026-11-01T17:00:00.000Z');
    expect(overdueCutoff(now, 'Asia/Jayapura').toISOString()).toBe('2026-11-01T15:00:00.000Z');
  });

  it('writes an instant as reports write dates, on the zone’s clock', () => {
    const at = new Date('2026-12-01T17:30:15Z');
    expect(formatLongDateTimeId(at, 'Asia/Jakarta')).toBe('2 Desember 2026 00.30.15');
    expect(formatLongDateTimeId(new Date('2024-01-02T16:05:00Z'), 'Asia/Jayapura')).toBe(
      '3 Januari 2024 01.05.00',
    );
  });
});
