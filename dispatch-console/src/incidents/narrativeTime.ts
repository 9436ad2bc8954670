import { calendarDay } from '../../../shared/time/zonedTime.ts';
import { formatClock, formatDayTime } from './incidentIntervals.ts';

/**
 * A narrative line's time: the clock on the incident's own day, the day as well on any later one (a late note);
 * days and hours in the city's zone `timeZone` [OP2].
 */
export function narrativeTime(at: number, createdAt: number, timeZone: string): string {
  return calendarDay(at, timeZone) === calendarDay(createdAt, timeZone) ? formatClock(at, timeZone) : formatDayTime(at, timeZone);
}
