import { describe, expect, it } from 'vitest';
import { calendarDay, instantOfWallTime, isoWithOffset, midnightOf, offsetText, wallTime, zoneAbbreviation, zoneOffsetMs } from '../../shared/time/zonedTime.ts';

const JHB = 'Africa/Johannesburg';
const AND = 'Europe/Andorra';
const HOUR = 3_600_000;

describe('[OP2] Johannesburg: UTC+2 all year, no daylight saving', () => {
  it('keeps one offset in summer and winter', () => {
    expect(zoneOffsetMs(JHB, Date.UTC(2026, 0, 15))).toBe(2 * HOUR);
    expect(zoneOffsetMs(JHB, Date.UTC(2026, 6, 15))).toBe(2 * HOUR);
    expect(offsetText(Date.UTC(2026, 6, 15), JHB)).toBe('+02:00');
  });

  it('formats an instant on its clock and finds its midnights', () => {
    expect(wallTime(Date.UTC(2026, 10, 26, 21, 59, 30), JHB)).toBe('2026-11-26T23:59:30');
    expect(calendarDay(Date.UTC(2026, 10, 26, 22, 0), JHB)).toBe('2026-11-27');
    expect(isoWithOffset(Date.UTC(2026, 10, 26, 12, 0), JHB)).toBe('2026-11-26T14:00:00+02:00');
    expect(midnightOf('2026-11-26', JHB)).toBe(Date.UTC(2026, 10, 25, 22, 0));
    expect(zoneAbbreviation(JHB, Date.UTC(2026, 10, 26))).toBe('SAST');
  });
});

describe('[OP2] Andorra: UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October', () => {
  it('the day the clocks go forward (29 Mar 2026, 02:00 → 03:00) starts at +01:00 and lasts 23 hours', () => {
    const start = midnightOf('2026-03-29', AND);
    const next = midnightOf('2026-03-30', AND);
    expect(start).toBe(Date.UTC(2026, 2, 28, 23, 0));
    expect(next).toBe(Date.UTC(2026, 2, 29, 22, 0));
    expect(start === null ? null : isoWithOffset(start, AND)).toBe('2026-03-29T00:00:00+01:00');
    expect(next === null ? null : isoWithOffset(next, AND)).toBe('2026-03-30T00:00:00+02:00');
    expect(wallTime(Date.UTC(2026, 2, 29, 0, 59), AND)).toBe('2026-03-29T01:59:00');
    expect(wallTime(Date.UTC(2026, 2, 29, 1, 0), AND)).toBe('2026-03-29T03:00:00');
    // 02:30 never happens that night: read at the offset before the jump, it is 03:30 summer time.
    expect(instantOfWallTime('2026-03-29 02:30', AND)).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it('the day the clocks go back (25 Oct 2026, 03:00 → 02:00) starts at +02:00 and lasts 25 hours', () => {
    const start = midnightOf('2026-10-25', AND);
    const next = midnightOf('2026-10-26', AND);
    expect(start === null ? null : isoWithOffset(start, AND)).toBe('2026-10-25T00:00:00+02:00');
    expect(next === null ? null : isoWithOffset(next, AND)).toBe('2026-10-26T00:00:00+01:00');
    expect(start !== null && next !== null ? (next - start) / HOUR : null).toBe(25);
    // 02:30 happens twice: the first (still summer time) is taken.
    expect(instantOfWallTime('2026-10-25 02:30', AND)).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it('23:30 UTC in July is 01:30 the next day there; 22:30 UTC is the next day in July, the same day in January', () => {
    expect(calendarDay(Date.UTC(2026, 6, 14, 23, 30), AND)).toBe('2026-07-15');
    expect(calendarDay(Date.UTC(2026, 6, 14, 22, 30), AND)).toBe('2026-07-15');
    expect(calendarDay(Date.UTC(2026, 0, 14, 22, 30), AND)).toBe('2026-01-14');
  });

  it('reads a wall-clock time at the offset of its own date, and names the zone as Intl does', () => {
    expect(instantOfWallTime('2026-01-15T10:00', AND)).toBe(Date.UTC(2026, 0, 15, 9, 0));
    expect(instantOfWallTime('2026-07-15T10:00', AND)).toBe(Date.UTC(2026, 6, 15, 8, 0));
    expect(offsetText(Date.UTC(2026, 0, 15), AND)).toBe('+01:00');
    expect(offsetText(Date.UTC(2026, 6, 15), AND)).toBe('+02:00');
    expect(zoneAbbreviation(AND, Date.UTC(2026, 0, 15))).toBe('GMT+1');
    expect(zoneAbbreviation(AND, Date.UTC(2026, 6, 15))).toBe('GMT+2');
  });
});

describe('[OP2] edge cases', () => {
  it('a midnight the clock skips: the day starts when it jumps (Santiago, 6 Sep 2026, 00:00 → 01:00)', () => {
    const start = midnightOf('2026-09-06', 'America/Santiago');
    expect(start === null ? null : isoWithOffset(start, 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00');
  });

  it('west of Greenwich, and text that is no time', () => {
    expect(isoWithOffset(Date.UTC(2016, 0, 1, 5, 12, 1), 'America/New_York')).toBe('2016-01-01T00:12:01-05:00');
    expect(instantOfWallTime('2026-02-30 10:00', AND)).toBeNull();
    expect(instantOfWallTime('2026-01-01 24:00', AND)).toBeNull();
    expect(instantOfWallTime('tomorrow', AND)).toBeNull();
    expect(midnightOf('2026-13-01', AND)).toBeNull();
  });
});
