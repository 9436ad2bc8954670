import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, Rectangle, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarShapeProps, TooltipContentProps } from 'recharts';
import type { IntervalName, IntervalReport, IntervalTarget } from '../../../shared/reports/intervalReportSchema.ts';
import { INTERVAL_LABELS } from '../../../shared/reports/intervalTargets.ts';
import { chartRows, hasMeasurements, sharedTarget } from './figureRows.ts';
import type { ChartRow, Grouping } from './figureRows.ts';
import { STANDING_LABELS, formatAxisSeconds, formatSeconds, formatShare, formatTarget, secondsTicks } from './figuresFormat.ts';
import { CHART, STANDING_COLOURS } from './chartTheme.ts';

/** What the bars measure: the share within target, or the 90th percentile in seconds. */
export type ChartMetric = 'compliance' | 'p90';

const HEIGHT = 210;
const AXIS_TICK = { fill: CHART.axis, fontSize: 11 };
const COMPLIANCE_TICKS = [0, 25, 50, 75, 100];
const percentTick = (value: number): string => `${value}%`;

/** The hovered group's figures in words: count, p50, p90, compliance against its own target. */
function RowTooltip({ row }: { row: ChartRow | undefined }) {
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{row.label}</strong>
      <div>{row.count} measured</div>
      <div>p50 {formatSeconds(row.p50)} · p90 {formatSeconds(row.p90)}</div>
      {row.target && (
        <div className={`standing-${row.standing}`}>
          {formatShare(row.compliance)} within {formatSeconds(row.target.seconds)} (target {Math.round(row.target.fraction * 100)}%)
        </div>
      )}
    </div>
  );
}

function tooltipFor(rows: readonly ChartRow[]) {
  return function ChartTooltip({ active, label }: TooltipContentProps) {
    return active ? <RowTooltip row={rows.find((r) => r.tick === String(label))} /> : null;
  };
}

function targetLine(target: IntervalTarget | null, metric: ChartMetric) {
  if (!target) return null;
  const y = metric === 'compliance' ? target.fraction * 100 : target.seconds;
  const text = metric === 'compliance' ? `target ${Math.round(target.fraction * 100)}%` : `target ${formatSeconds(target.seconds)}`;
  return <ReferenceLine y={y} stroke={CHART.target} strokeDasharray="5 4" ifOverflow="extendDomain" label={{ value: text, position: 'insideTopRight', fill: CHART.target, fontSize: 11 }} />;
}

/** One grouping as bars coloured by how each group's compliance stands against its own target. */
function GroupBars({ rows, metric }: { rows: readonly ChartRow[]; metric: ChartMetric }) {
  const target = sharedTarget(rows);
  const isCompliance = metric === 'compliance';
  const ticks = isCompliance ? COMPLIANCE_TICKS : secondsTicks(Math.max(0, ...rows.map((r) => r.p90 ?? 0), target?.seconds ?? 0));
  const top = ticks[ticks.length - 1] ?? 100;
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={[...rows]} margin={{ top: 20, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="tick" stroke={CHART.grid} tick={AXIS_TICK} interval={0} tickLine={false} />
        <YAxis stroke={CHART.grid} tick={AXIS_TICK} ticks={ticks} domain={[0, top]} tickFormatter={isCompliance ? percentTick : formatAxisSeconds} width={56} />
        <Tooltip content={tooltipFor(rows)} cursor={{ fill: 'rgba(77, 163, 255, 0.08)' }} isAnimationActive={false} />
        {targetLine(target, metric)}
        <Bar
          dataKey={isCompliance ? 'compliancePct' : 'p90'}
          isAnimationActive={false}
          maxBarSize={56}
          // A group with no figure draws no bar, so the bar's own index is not the row's: `originalDataIndex` is.
          shape={(props: BarShapeProps) => <Rectangle {...props} fill={STANDING_COLOURS[rows[props.originalDataIndex]?.standing ?? 'none']} />}
        >
          {/* The figure over each bar: a 0% compliance has no height to see, and the exact value reads faster. */}
          <LabelList position="top" fill={CHART.text} fontSize={11} formatter={(value) => (typeof value === 'number' ? (isCompliance ? formatShare(value / 100) : formatSeconds(value)) : '')} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** p50 and p90 by the hour the call came in: when in the day the service slows. */
function HourLines({ rows, target }: { rows: readonly ChartRow[]; target: IntervalTarget | null }) {
  const ticks = secondsTicks(Math.max(0, ...rows.map((r) => r.p90 ?? 0), target?.seconds ?? 0));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={[...rows]} margin={{ top: 14, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="tick" stroke={CHART.grid} tick={AXIS_TICK} interval={1} tickLine={false} />
        <YAxis stroke={CHART.grid} tick={AXIS_TICK} ticks={ticks} domain={[0, ticks[ticks.length - 1] ?? 60]} tickFormatter={formatAxisSeconds} width={56} />
        <Tooltip content={tooltipFor(rows)} isAnimationActive={false} />
        {targetLine(target, 'p90')}
        <Line dataKey="p50" name="p50" stroke={CHART.p50} strokeDasharray="3 3" dot={{ r: 2, fill: CHART.p50 }} isAnimationActive={false} connectNulls={false} />
        <Line dataKey="p90" name="p90" stroke={CHART.p90} strokeWidth={2} dot={{ r: 2.5, fill: CHART.p90 }} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

const GROUPING_TITLES: Record<Exclude<Grouping, 'hour'>, string> = {
  agency: 'By agency',
  priority: 'By priority',
  region: 'By region',
};

interface ChartCardProps {
  report: IntervalReport;
  grouping: Exclude<Grouping, 'hour'>;
  interval: IntervalName;
  metric: ChartMetric;
}

function GroupingCard({ report, grouping, interval, metric }: ChartCardProps) {
  const rows = chartRows(report, grouping, interval);
  // An interval with no target anywhere (answering, total response, Metro Police) can only be shown by its p90.
  const hasTarget = rows.some((r) => r.target !== null && r.compliance !== null);
  const shown: ChartMetric = metric === 'compliance' && !hasTarget ? 'p90' : metric;
  return (
    <figure className="chart-card" data-testid={`chart-${grouping}`} data-metric={shown}>
      <figcaption>
        <span>{GROUPING_TITLES[grouping]}</span>
        <span className="muted small">{shown === 'compliance' ? 'within target' : 'p90'}{shown !== metric ? ' (no target for this interval)' : ''}</span>
      </figcaption>
      {hasMeasurements(rows) ? <GroupBars rows={rows} metric={shown} /> : <p className="muted empty">Nothing measured in this range.</p>}
    </figure>
  );
}

interface FigureChartsProps {
  report: IntervalReport;
  interval: IntervalName;
  metric: ChartMetric;
}

/**
 * [SF3] The chosen interval by agency, priority and region (compliance or p90, each bar coloured by its compliance
 * against its own target), and p50/p90 by the hour of day the call came in. Redrawn only when the report or the
 * choice changes, not on every live change of the board.
 */
export const FigureCharts = memo(function FigureCharts({ report, interval, metric }: FigureChartsProps) {
  const hours = chartRows(report, 'hour', interval);
  const overall = report.overall.find((f) => f.interval === interval) ?? null;
  return (
    <div className="figure-charts" data-testid="figure-charts" data-interval={interval}>
      <GroupingCard report={report} grouping="agency" interval={interval} metric={metric} />
      <GroupingCard report={report} grouping="priority" interval={interval} metric={metric} />
      <GroupingCard report={report} grouping="region" interval={interval} metric={metric} />
      <figure className="chart-card" data-testid="chart-hour">
        <figcaption>
          <span title={`The hour the call came in, ${report.timeZone} time`}>By hour of day</span>
          <span className="muted small">
            <i className="legend-swatch p90" /> p90 <i className="legend-swatch p50" /> p50{overall?.target ? ` · target ${formatTarget(overall.target)}` : ''}
          </span>
        </figcaption>
        {hasMeasurements(hours) ? <HourLines rows={hours} target={overall?.target ?? null} /> : <p className="muted empty">Nothing measured in this range.</p>}
      </figure>
      <p className="chart-key muted small">
        Bars: <i className="legend-swatch met" /> {STANDING_LABELS.met} <i className="legend-swatch near" /> {STANDING_LABELS.near} (within 10 points) <i className="legend-swatch missed" /> {STANDING_LABELS.missed}{' '}
        <i className="legend-swatch none" /> {STANDING_LABELS.none} · {INTERVAL_LABELS[interval]}
      </p>
    </div>
  );
});
