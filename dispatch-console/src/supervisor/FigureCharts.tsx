import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, Rectangle, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarShapeProps, LabelProps, TooltipContentProps, XAxisTickContentProps } from 'recharts';
import type { IntervalName, IntervalReport, IntervalTarget } from '../../../shared/reports/intervalReportSchema.ts';
import { INTERVAL_LABELS } from '../../../shared/reports/intervalTargets.ts';
import { GAP_DESCRIPTIONS, GAP_NOTES, chartGap, chartRows, hasMeasurements, sharedTarget } from './figureRows.ts';
import type { ChartMetric, ChartRow, Grouping } from './figureRows.ts';
import { STANDING_LABELS, formatAxisSeconds, formatSeconds, formatShare, formatTarget, secondsTicks } from './figuresFormat.ts';
import { CHART, STANDING_COLOURS } from './chartTheme.ts';

export type { ChartMetric } from './figureRows.ts';

const HEIGHT = 210;
const AXIS_TICK = { fill: CHART.axis, fontSize: 11 };
const COMPLIANCE_TICKS = [0, 25, 50, 75, 100];
const percentTick = (value: number): string => `${value}%`;

/** The hovered group's figures in words: count, p50, p90, compliance against its own target; or why there are none. */
function RowTooltip({ row }: { row: ChartRow | undefined }) {
  if (!row) return null;
  if (row.count === 0) {
    return (
      <div className="chart-tooltip">
        <strong>{row.label}</strong>
        <div>{GAP_DESCRIPTIONS.no_data}</div>
      </div>
    );
  }
  return (
    <div className="chart-tooltip">
      <strong>{row.label}</strong>
      <div>{row.count} measured</div>
      <div>p50 {formatSeconds(row.p50)} · p90 {formatSeconds(row.p90)}</div>
      {row.target && row.compliance !== null && (
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

/** [SF3b] A real 0 (0.0%, every row missed) still stands as a stub of a bar, so it never looks like a missing one. */
const ZERO_BAR_PX = 3;
const zeroStub = (value: number | undefined | null): number => (value === 0 ? ZERO_BAR_PX : 0);
const NOTE_LINE_PX = 12;

/**
 * [SF3b] The group's name under the axis and, where it has no bar, the note saying why ("no data") just above the
 * axis at the bar's place: an empty place would read like a 0% bar too low to see.
 */
function groupTick(rows: readonly ChartRow[], metric: ChartMetric) {
  return function GroupTick({ x, y, payload }: XAxisTickContentProps) {
    const row = rows.find((r) => r.tick === String(payload.value));
    const gap = row ? chartGap(row, metric) : null;
    const lines = gap ? GAP_NOTES[gap] : [];
    const tickX = Number(x);
    const tickY = Number(y);
    return (
      <g>
        <text x={tickX} y={tickY} dy="0.71em" textAnchor="middle" fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize}>
          {payload.value}
        </text>
        {row && gap && (
          <text x={tickX} y={tickY - 10 - (lines.length - 1) * NOTE_LINE_PX} textAnchor="middle" fill={CHART.axis} fontSize={10} fontStyle="italic" data-testid="chart-gap" data-group={row.key} data-gap={gap}>
            {lines.map((line, i) => (
              <tspan key={line} x={tickX} dy={i === 0 ? 0 : NOTE_LINE_PX}>
                {line}
              </tspan>
            ))}
          </text>
        )}
      </g>
    );
  };
}

/** The figure over each bar (a 0% has little height to see, and the exact value reads faster), named by its group. */
function valueLabel(rows: readonly ChartRow[], isCompliance: boolean) {
  return function ValueLabel({ viewBox, value, index }: LabelProps) {
    const row = index === undefined ? undefined : rows[index];
    if (!row || typeof value !== 'number' || !viewBox || !('x' in viewBox)) return null;
    return (
      <text x={viewBox.x + viewBox.width / 2} y={viewBox.y - 5} textAnchor="middle" fill={CHART.text} fontSize={11} data-testid="chart-value" data-group={row.key}>
        {isCompliance ? formatShare(value / 100) : formatSeconds(value)}
      </text>
    );
  };
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
        <XAxis dataKey="tick" stroke={CHART.grid} tick={groupTick(rows, metric)} interval={0} tickLine={false} />
        <YAxis stroke={CHART.grid} tick={AXIS_TICK} ticks={ticks} domain={[0, top]} tickFormatter={isCompliance ? percentTick : formatAxisSeconds} width={56} />
        <Tooltip content={tooltipFor(rows)} cursor={{ fill: 'rgba(77, 163, 255, 0.08)' }} isAnimationActive={false} />
        {targetLine(target, metric)}
        <Bar
          dataKey={isCompliance ? 'compliancePct' : 'p90'}
          isAnimationActive={false}
          maxBarSize={56}
          minPointSize={zeroStub}
          // A group with no figure draws no bar, so the bar's own index is not the row's: `originalDataIndex` is.
          shape={(props: BarShapeProps) => <Rectangle {...props} fill={STANDING_COLOURS[rows[props.originalDataIndex]?.standing ?? 'none']} />}
        >
          <LabelList position="top" content={valueLabel(rows, isCompliance)} />
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
