/**
 * [OP2] Time in the city's own IANA zone ("Africa/Johannesburg", "Europe/Andorra"), read from the zone's rules by Intl:
 * no fixed offsets, so a city with daylight saving gets its days and hours right on either side of a change.
 * The server (references, notices, call logs turned into replays) and the console (clocks, fields, report ranges)
 * share it.
 */

const DAY_MS = 86_400_000;

/** One formatter per zone and use: building an Intl.DateTimeFormat costs far more than formatting with it. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

function partsFormat(zone: string): Intl.DateTimeFormat {
  return formatFor(`parts ${zone}`, () => new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }));
}

/** The offset of `zone` from UTC at instant `utcMs`, in ms (Intl reads the zone's rules; no fixed offsets). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const parts = partsFormat(zone).formatToParts(new Date(utcMs));
  const value = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant of a wall-clock time (`YYYY-MM-DD HH:MM:SS`, or with a `T`, seconds optional) in `zone`; null when
 * the text is not such a time. In the hour a clock goes back, the first of the two instants is taken; a time the
 * clock skips going forward is read at the offset before the jump (02:30 on the spring night is 03:30 summer time).
 */
export function instantOfWallTime(text: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // Date.UTC rolls "02-30" over into March and "25:00" into the next day: such a text is no time at all.
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}`) return null;
  // The offsets in force half a day either side: the same one, or the two either side of a change.
  const before = wall - zoneOffsetMs(zone, wall - DAY_MS / 2);
  const after = wall - zoneOffsetMs(zone, wall + DAY_MS / 2);
  const shown = [before, after].filter((at) => at + zoneOffsetMs(zone, at) === wall);
  return shown.length > 0 ? Math.min(...shown) : before;
}

/** The wall clock in `zone` at an instant, to the second: "2026-07-15T01:30:00" (no offset: see isoWithOffset). */
export function wallTime(utcMs: number, zone: string): string {
  return new Date(utcMs + zoneOffsetMs(zone, utcMs)).toISOString().slice(0, 19);
}

/** The zone's calendar day at an instant: "2026-07-15". */
export function calendarDay(utcMs: number, zone: string): string {
  return wallTime(utcMs, zone).slice(0, 10);
}

/** The zone's offset at an instant as ISO 8601 writes it: "+02:00", "-05:00". */
export function offsetText(utcMs: number, zone: string): string {
  const offset = zoneOffsetMs(zone, utcMs);
  const minutes = Math.abs(offset) / 60_000;
  return `${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO 8601 with the zone's offset at that instant: "2016-01-01T00:12:01-05:00". */
export function isoWithOffset(utcMs: number, zone: string): string {
  return `${wallTime(utcMs, zone)}${offsetText(utcMs, zone)}`;
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) starts in `zone`: its midnight, at the offset of that midnight (a day
 * a clock changes on is 23 or 25 hours long). Where a clock goes forward at midnight, the day starts when it jumps.
 */
export function midnightOf(day: string, zone: string): number | null {
  return instantOfWallTime(`${day} 00:00`, zone);
}

/** The short name of the zone at an instant as people there read it: "SAST" in Johannesburg, else "GMT+1", "UTC". */
export function zoneAbbreviation(zone: string, utcMs: number): string {
  const parts = formatFor(`name ${zone}`, () => new Intl.DateTimeFormat('en-ZA', { timeZone: zone, timeZoneName: 'short' })).formatToParts(new Date(utcMs));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

