import { formatClock, formatDayTime } from './incidentIntervals.ts';

const dayOf = (at: number): string => new Date(at).toLocaleDateString('en-ZA', { timeZone: 'Africa/Johannesburg' });

/** A narrative line's time: the clock on the incident's own day, the day as well on any later one (a late note). */
export function narrativeTime(at: number, createdAt: number): string {
  return dayOf(at) === dayOf(createdAt) ? formatClock(at) : formatDayTime(at);
}
