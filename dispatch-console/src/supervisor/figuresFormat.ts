import type { IntervalTarget } from '../../../shared/reports/intervalReportSchema.ts';
import { calendarDay } from '../../../shared/time/zonedTime.ts';
import { formatClock, formatDayTime, formatDuration } from '../incidents/incidentIntervals.ts';

/** "45 s", "1 min 05 s", "6 min", "2 h 10 min"; "—" when there is no figure. The report counts whole seconds. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds >= 60 && seconds < 3600 && seconds % 60 === 0) return `${seconds / 60} min`;
  return formatDuration(seconds * 1000);
}

/**
 * [SF2] A share as a percentage with one decimal, rounded down: 0.8996 reads "89.9%", never "90.0%", so a figure
 * short of a 90% target never looks as if it met it. "—" when there is none.
 */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  return `${(Math.floor(share * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

/**
 * [SF4] A utilisation as a percentage with one decimal, rounded as usual; a unit busy for a few minutes of a week
 * reads "<0.1%", not "0.0%" as if it had not turned a wheel.
 */
export function formatPercent(share: number): string {
  if (share > 0 && share < 0.0005) return '<0.1%';
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/**
 * [SF3b] An agency's utilisation: "no units" where its fleet has none, as a share of no time at all is no figure,
 * not "0.0%" (which reads as units standing idle).
 */
export function formatFleetShare(line: { units: number; utilisation: number }): string {
  return line.units === 0 ? 'no units' : formatPercent(line.utilisation);
}

/** How a compliance stands against its target: met, within ten points short, further short, or no target. */
export type Standing = 'met' | 'near' | 'missed' | 'none';

/** [SF2] The ten points under a target that read amber rather than red. */
const NEAR_MARGIN = 0.1;

export function complianceStanding(compliance: number | null, target: Pick<IntervalTarget, 'fraction'> | null): Standing {
  if (compliance === null || target === null) return 'none';
  if (compliance >= target.fraction) return 'met';
  return compliance >= target.fraction - NEAR_MARGIN ? 'near' : 'missed';
}

export const STANDING_LABELS: Record<Standing, string> = {
  met: 'target met',
  near: 'short of the target',
  missed: 'well short of the target',
  none: 'no target',
};

/** "60 s for 90%": the target in the words of the standard. */
export function formatTarget(target: Pick<IntervalTarget, 'seconds' | 'fraction'> | null): string {
  if (!target) return '—';
  return `${formatSeconds(target.seconds)} for ${Math.round(target.fraction * 100)}%`;
}

/** Steps for a seconds axis: ticks land on whole minutes (or 15 s, 30 s) so they read at a glance. */
const TICK_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
const MAX_TICKS = 6;

/** [SF3] The ticks of a seconds axis from 0 to at least `max`: at most six, on a readable step. */
export function secondsTicks(max: number): number[] {
  const top = Math.max(1, max);
  const step = TICK_STEPS.find((s) => Math.ceil(top / s) <= MAX_TICKS - 1) ?? Math.ceil(top / (MAX_TICKS - 1) / 3600) * 3600;
  const ticks: number[] = [];
  for (let t = 0; t < top + step; t += step) ticks.push(t);
  return ticks;
}

/** A seconds axis tick, short: "45 s", "2 min", "1:30", "2 h". */
export function formatAxisSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "14:02" when `at` is today in the city (zone `timeZone`), "25 Nov 22:40" before: a roster spans shifts. */
export function formatSince(at: number, now: number, timeZone: string): string {
  return calendarDay(at, timeZone) === calendarDay(now, timeZone) ? formatClock(at, timeZone).slice(0, 5) : formatDayTime(at, timeZone);
}
