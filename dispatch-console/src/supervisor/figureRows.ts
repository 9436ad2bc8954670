import type { IntervalFigure, IntervalName, IntervalReport, IntervalTarget } from '../../../shared/reports/intervalReportSchema.ts';
import { AGENCIES, AGENCY_LABELS } from '../../../shared/units/unitKinds.ts';
import type { Agency } from '../../../shared/units/unitKinds.ts';
import { PRIORITY_LEVELS } from '../../../shared/incidents/priority.ts';
import type { PriorityLevel } from '../../../shared/incidents/priority.ts';
import { REGIONS } from '../../../shared/incidents/incidentSchema.ts';
import type { Region } from '../../../shared/incidents/incidentSchema.ts';
import { complianceStanding } from './figuresFormat.ts';
import type { Standing } from './figuresFormat.ts';

/** One bar (or point) of a chart: one group's figures for the interval charted. */
export interface ChartRow {
  key: string;
  /** In the tooltip: "Region C", "Fire & Rescue". */
  label: string;
  /** On the axis, short enough for seven groups side by side: "C", "Fire & Rescue", "07". */
  tick: string;
  count: number;
  p50: number | null;
  p90: number | null;
  /** Compliance as a percentage (0–100) for the axis; null without a target or rows it applies to. */
  compliancePct: number | null;
  compliance: number | null;
  target: IntervalTarget | null;
  standing: Standing;
}

/** What the bars measure: the share within target, or the 90th percentile in seconds. */
export type ChartMetric = 'compliance' | 'p90';

/** The groupings a report is charted by. */
export type Grouping = 'agency' | 'priority' | 'region' | 'hour';

interface Group<K> {
  key: K;
  figures: readonly IntervalFigure[];
}

const EMPTY_FIGURE = { count: 0, p50: null, p90: null, target: null, compliance: null } as const;

function rowOf(key: string, label: string, tick: string, figure: Pick<IntervalFigure, 'count' | 'p50' | 'p90' | 'target' | 'compliance'> | undefined): ChartRow {
  const f = figure ?? EMPTY_FIGURE;
  return {
    key,
    label,
    tick,
    count: f.count,
    p50: f.p50,
    p90: f.p90,
    compliance: f.compliance,
    compliancePct: f.compliance === null ? null : f.compliance * 100,
    target: f.target,
    standing: complianceStanding(f.compliance, f.target),
  };
}

/**
 * [SF3] One row per group in the order the board always uses (agencies, Echo to Omega, regions A–G), the groups the
 * report left out shown empty so the axis does not shift between ranges; a group with no measurement of the
 * interval is kept with a zero count.
 */
function orderedRows<K extends string>(order: readonly K[], groups: readonly Group<K>[], interval: IntervalName, label: (key: K) => string, tick: (key: K) => string = label): ChartRow[] {
  const byKey = new Map(groups.map((g) => [g.key, g.figures.find((f) => f.interval === interval)]));
  return order.map((key) => rowOf(key, label(key), tick(key), byKey.get(key)));
}

const priorityLabel = (level: PriorityLevel): string => level.charAt(0).toUpperCase() + level.slice(1);
const regionLabel = (region: Region): string => `Region ${region}`;
const agencyLabel = (agency: Agency): string => AGENCY_LABELS[agency];
/** "00" to "23": the hour the call was received, in the city's time. */
export const hourLabel = (hour: number): string => String(hour).padStart(2, '0');

export function chartRows(report: Pick<IntervalReport, 'byAgency' | 'byPriority' | 'byRegion' | 'byHour'>, grouping: Grouping, interval: IntervalName): ChartRow[] {
  switch (grouping) {
    case 'agency':
      return orderedRows(AGENCIES, report.byAgency, interval, agencyLabel);
    case 'priority':
      return orderedRows(PRIORITY_LEVELS, report.byPriority, interval, priorityLabel);
    case 'region':
      return orderedRows(REGIONS, report.byRegion, interval, regionLabel, (region) => region);
    case 'hour': {
      const byHour = new Map(report.byHour.map((g) => [g.key, g.figures.find((f) => f.interval === interval)]));
      return Array.from({ length: 24 }, (_, hour) => rowOf(String(hour), `${hourLabel(hour)}:00`, hourLabel(hour), byHour.get(hour)));
    }
  }
}

/** The one target every row with a target shares (a line across the chart), or null when they differ or none has one. */
export function sharedTarget(rows: readonly ChartRow[]): IntervalTarget | null {
  const targets = rows.flatMap((r) => (r.target ? [r.target] : []));
  const first = targets[0];
  if (!first) return null;
  return targets.every((t) => t.seconds === first.seconds && t.fraction === first.fraction) ? first : null;
}

/** Whether any group measured the interval at all (otherwise the chart says so instead of drawing nothing). */
export function hasMeasurements(rows: readonly ChartRow[]): boolean {
  return rows.some((r) => r.count > 0);
}

/**
 * [SF3b] Why a group has no bar where its figure would stand: nothing measured in the range (never a 0% or a 0 s,
 * which would read as every call missing the target), measured with no target to be compliant with, or with a
 * target that none of its rows falls under (turnout of a fire group with no first engine). Null: it has a figure,
 * a real 0.0% included.
 */
export type ChartGap = 'no_data' | 'no_target' | 'not_applicable';

export function chartGap(row: Pick<ChartRow, 'count' | 'compliance' | 'target' | 'p90'>, metric: ChartMetric): ChartGap | null {
  if (row.count === 0) return 'no_data';
  if (metric === 'p90') return row.p90 === null ? 'no_data' : null;
  if (row.compliance !== null) return null;
  return row.target === null ? 'no_target' : 'not_applicable';
}

/** The note at a gap's place on the axis, a word a line: seven regions side by side leave little width. */
export const GAP_NOTES: Record<ChartGap, readonly string[]> = {
  no_data: ['no', 'data'],
  no_target: ['no', 'target'],
  not_applicable: ['n/a'],
};

/** The same in the tooltip. */
export const GAP_DESCRIPTIONS: Record<ChartGap, string> = {
  no_data: 'Nothing measured in this range',
  no_target: 'No target for this group',
  not_applicable: 'None of its rows falls under the target',
};
