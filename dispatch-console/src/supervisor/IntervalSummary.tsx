import { Fragment } from 'react';
import type { IntervalFigure, IntervalName, IntervalReport } from '../../../shared/reports/intervalReportSchema.ts';
import { AGENCY_LABELS } from '../../../shared/units/unitKinds.ts';
import { INTERVAL_LABELS, INTERVAL_NAMES } from '../../../shared/reports/intervalTargets.ts';
import { STANDING_LABELS, complianceStanding, formatSeconds, formatShare, formatTarget } from './figuresFormat.ts';

interface IntervalSummaryProps {
  report: IntervalReport;
  /** The interval the charts show: its row is marked, and a row chooses it. */
  selected: IntervalName;
  onSelect: (interval: IntervalName) => void;
}

/**
 * [SF2] Each interval over the whole range, in the order a response runs: how many were measured, p50 and p90, the
 * target and its standard, how many of the rows it applies to met it, and the compliance coloured against it.
 */
export function IntervalSummary({ report, selected, onSelect }: IntervalSummaryProps) {
  return (
    <table className="figures-table interval-summary" data-testid="interval-summary">
      <thead>
        <tr>
          <th>Interval</th>
          <th className="num">Measured</th>
          <th className="num">p50</th>
          <th className="num">p90</th>
          <th>Target</th>
          <th className="num">Within target</th>
          <th className="num">Compliance</th>
        </tr>
      </thead>
      <tbody>
        {INTERVAL_NAMES.map((name) => {
          const figure = report.overall.find((f) => f.interval === name);
          // Turnout and travel targets are each agency's own: with no target over all, each agency's line follows.
          const agencyLines = figure?.target ? [] : report.byAgency.flatMap((g) => {
            const f = g.figures.find((x) => x.interval === name);
            return f?.target ? [{ agency: g.key, figure: f }] : [];
          });
          return (
            <Fragment key={name}>
              <FigureLine name={name} label={INTERVAL_LABELS[name]} figure={figure} isSelected={name === selected} onSelect={onSelect} testId={`interval-row-${name}`} />
              {agencyLines.map((line) => (
                <FigureLine key={line.agency} name={name} label={AGENCY_LABELS[line.agency]} figure={line.figure} isSelected={false} testId={`interval-row-${name}-${line.agency}`} />
              ))}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

interface FigureLineProps {
  name: IntervalName;
  label: string;
  figure: IntervalFigure | undefined;
  isSelected: boolean;
  /** Absent on an agency's line under its interval. */
  onSelect?: (interval: IntervalName) => void;
  testId: string;
}

function FigureLine({ name, label, figure, isSelected, onSelect, testId }: FigureLineProps) {
  const standing = complianceStanding(figure?.compliance ?? null, figure?.target ?? null);
  const classes = [onSelect ? '' : 'agency-line', isSelected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <tr data-testid={testId} data-standing={standing} className={classes || undefined}>
      <td>
        {onSelect ? (
          <button type="button" className="linklike" aria-pressed={isSelected} title="Chart this interval" onClick={() => onSelect(name)}>
            {label}
          </button>
        ) : (
          label
        )}
      </td>
      <td className="num">{figure?.count ?? 0}</td>
      <td className="num">{formatSeconds(figure?.p50 ?? null)}</td>
      <td className="num">{formatSeconds(figure?.p90 ?? null)}</td>
      <td title={figure?.target ? `${figure.target.source}: ${figure.target.appliesTo}` : 'No target: reported bare'}>
        {formatTarget(figure?.target ?? null)}
        {figure?.target && <span className="muted small target-source"> {figure.target.source}</span>}
      </td>
      <td className="num">{figure && figure.targetRows > 0 ? `${figure.withinTarget} of ${figure.targetRows}` : '—'}</td>
      <td className="num">
        <span className={`compliance standing-${standing}`} title={STANDING_LABELS[standing]} data-testid="interval-compliance">
          {formatShare(figure?.compliance ?? null)}
        </span>
      </td>
    </tr>
  );
}
