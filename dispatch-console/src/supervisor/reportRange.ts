import { CONTRACT } from '../../../shared/protocol/contract.ts';
import { calendarDay, isoWithOffset, midnightOf } from '../../../shared/time/zonedTime.ts';

/**
 * [SF1][OP2] The range a supervisor reads the figures over, in whole days of the city (its IANA zone): today, the last
 * 7 days, or any days picked. A day starts at the city's midnight with the offset it has that night
 * ("2026-11-26T00:00:00+02:00"; in Andorra "+01:00" in winter, "+02:00" in summer, so the day the clocks change is
 * 23 or 25 hours long), sent as ISO 8601, which the server reads as the same instant whatever the browser's zone.
 */
export type RangeChoice = { kind: 'today' } | { kind: 'last7' } | { kind: 'days'; fromDay: string; toDay: string };

export interface ReportRange {
  /** Inclusive, ISO 8601 with the city's offset at that midnight. */
  from: string;
  /** Exclusive: the start of the day after the last day. */
  to: string;
  /** "Today, 26 Nov 2026", "20–26 Nov 2026". */
  label: string;
  /** [SF1b] The first and last day ("2026-11-20", both inclusive): what the date fields show once it is chosen. */
  fromDay: string;
  toDay: string;
}

const DAY_MS = 86_400_000;
/** The server's limit on a range [RP1]. */
export const MAX_RANGE_DAYS = 400;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day `days` after (or before) a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a date field's value is a real calendar day (not "2026-02-30"). */
export function isDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The city's midnight that starts `day`, ISO 8601 with its offset then. `day` is a real day (isDay). */
function dayStart(day: string, timeZone: string): string {
  const at = midnightOf(day, timeZone);
  if (at === null) throw new Error(`not a day: ${day}`);
  return isoWithOffset(at, timeZone);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Jan 2026" (or "2 Jan"), spelt here: browsers' en-ZA dates differ ("02 Jan 2026" with a year, "2 Jan" without). */
function dayLabel(day: string, withYear: boolean): string {
  const [year, month, date] = day.split('-');
  const label = `${Number(date)} ${MONTHS[Number(month) - 1] ?? month}`;
  return withYear ? `${label} ${year}` : label;
}

function spanLabel(fromDay: string, toDay: string): string {
  if (fromDay === toDay) return dayLabel(fromDay, true);
  const sameYear = fromDay.slice(0, 4) === toDay.slice(0, 4);
  return `${dayLabel(fromDay, !sameYear)} – ${dayLabel(toDay, true)}`;
}

export type RangeResult = { ok: true; range: ReportRange } | { ok: false; message: string };

/** The range to ask for, or what is wrong with the days picked in plain words. `now` decides "today" in `timeZone`. */
export function reportRange(choice: RangeChoice, now: number, timeZone: string): RangeResult {
  const today = calendarDay(now, timeZone);
  let fromDay: string;
  let toDay: string;
  switch (choice.kind) {
    case 'today':
      return { ok: true, range: { from: dayStart(today, timeZone), to: dayStart(addDays(today, 1), timeZone), label: `Today, ${dayLabel(today, true)}`, fromDay: today, toDay: today } };
    case 'last7':
      fromDay = addDays(today, -6);
      toDay = today;
      break;
    case 'days':
      if (!isDay(choice.fromDay)) return { ok: false, message: 'From: pick a day.' };
      if (!isDay(choice.toDay)) return { ok: false, message: 'To: pick a day.' };
      fromDay = choice.fromDay;
      toDay = choice.toDay;
      if (toDay < fromDay) return { ok: false, message: 'The "from" day is after the "to" day.' };
      if (Date.parse(toDay) - Date.parse(fromDay) >= MAX_RANGE_DAYS * DAY_MS) return { ok: false, message: `A report covers at most ${MAX_RANGE_DAYS} days.` };
      break;
  }
  return { ok: true, range: { from: dayStart(fromDay, timeZone), to: dayStart(addDays(toDay, 1), timeZone), label: spanLabel(fromDay, toDay), fromDay, toDay } };
}

/** [SF1] The CSV download of a report for the range, at the contract's path and with its query names. */
export function reportCsvUrl(command: 'report:intervals' | 'report:utilisation', range: Pick<ReportRange, 'from' | 'to'>): string {
  const { http } = CONTRACT[command];
  const path = http.csvPath ?? http.path;
  const values: Record<string, string> = { from: range.from, to: range.to };
  const params = new URLSearchParams();
  for (const [name, parameter] of Object.entries(http.query ?? {})) {
    const value = values[parameter.field];
    if (value !== undefined) params.set(name, value);
  }
  return `${path}?${params.toString()}`;
}
