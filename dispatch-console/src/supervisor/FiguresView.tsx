import { useMemo, useState } from 'react';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { Coverage } from '../../../shared/coverage/coverageSchema.ts';
import type { CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';
import type { IntervalName } from '../../../shared/reports/intervalReportSchema.ts';
import { INTERVAL_LABELS, INTERVAL_NAMES } from '../../../shared/reports/intervalTargets.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { formatDayTime } from '../incidents/incidentIntervals.ts';
import { BacklogPanel } from './BacklogPanel.tsx';
import { WaitingPanel } from './WaitingPanel.tsx';
import { UnacknowledgedPanel } from './UnacknowledgedPanel.tsx';
import { RosterPanel } from './RosterPanel.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { RangePicker } from './RangePicker.tsx';
import { IntervalSummary } from './IntervalSummary.tsx';
import { FigureCharts } from './FigureCharts.tsx';
import type { ChartMetric } from './FigureCharts.tsx';
import { FlaggedRows } from './FlaggedRows.tsx';
import { UtilisationPanel } from './UtilisationPanel.tsx';
import { useFigures } from './useFigures.ts';
import { reportCsvUrl, reportRange } from './reportRange.ts';
import type { RangeChoice, ReportRange } from './reportRange.ts';
import type { RosterFilter } from './liveOperations.ts';
import { useCityZone } from '../time/cityZone.ts';
import './figures.css';

interface FiguresViewProps {
  live: LiveConnection;
  /** Kept mounted while the supervisor looks elsewhere, so the range and choices are still there on return. */
  hidden: boolean;
  /** Opens an incident on the board: the live one when it is open, else found by its reference. */
  onOpenIncident: (incidentId: string) => void;
  /** The city's layers for the coverage map; null while they load. */
  city: CityLayers | null;
  /** [CV7] The board's live coverage (null until read); absent where the role may not read it: no coverage section. */
  coverage?: Coverage | null;
}

/** Processing is charted first: its target applies to every incident, whatever the agency. */
const FIRST_INTERVAL: IntervalName = 'processing';

function todayRange(timeZone: string): ReportRange | null {
  const today = reportRange({ kind: 'today' }, Date.now(), timeZone);
  return today.ok ? today.range : null;
}

/**
 * [SF1]–[SF5] The supervisor's figures: on the left the live operation from the board's own state (backlog,
 * incidents waiting for a unit, assignments not acknowledged, coverage now [CV7], the roster with its crews); on the right the response
 * times measured from the archive over a range, with their targets, charts, flagged rows and unit utilisation.
 */
export function FiguresView({ live, hidden, onOpenIncident, city, coverage }: FiguresViewProps) {
  const timeZone = useCityZone();
  const [choice, setChoice] = useState<RangeChoice['kind']>('today');
  const [range, setRange] = useState<ReportRange | null>(() => todayRange(timeZone));
  // [OP2] A preset worked out before the city's zone was known is worked out again in it (set while rendering).
  const [rangeZone, setRangeZone] = useState(timeZone);
  if (rangeZone !== timeZone) {
    setRangeZone(timeZone);
    if (choice !== 'days') {
      const again = reportRange({ kind: choice }, Date.now(), timeZone);
      if (again.ok) setRange(again.range);
    }
  }
  const [chartInterval, setChartInterval] = useState<IntervalName>(FIRST_INTERVAL);
  const [metric, setMetric] = useState<ChartMetric>('compliance');
  const [rosterFilter, setRosterFilter] = useState<RosterFilter>({ agency: null, crewedOnly: false });
  const [coverageGroup, setCoverageGroup] = useState<CoverageGroup>('ambulance');
  const figures = useFigures(live.commands, range);
  const incidents = useMemo(() => Object.values(live.state.incidents), [live.state.incidents]);
  const { intervals, utilisation } = figures;
  const shownRange = figures.range ?? range;

  /** "Today" and "Last 7 days" move with the clock: asked again, they are worked out again (past midnight too). */
  function refresh() {
    if (choice === 'days') {
      figures.reload();
      return;
    }
    const again = reportRange({ kind: choice }, Date.now(), timeZone);
    if (again.ok && range && again.range.from === range.from && again.range.to === range.to) figures.reload();
    else if (again.ok) setRange(again.range);
  }

  // Nothing is drawn while hidden: the live panels tick every second, the charts measure their box and the coverage
  // map is one more MapLibre map (a WebGL context).
  if (hidden) return <section className="figures-view" hidden data-testid="figures-view" />;

  return (
    <section className="figures-view" data-testid="figures-view">
      <div className="figures-live" aria-label="Live operations" data-testid="figures-live">
        <BacklogPanel incidents={incidents} />
        <WaitingPanel incidents={incidents} onOpenIncident={onOpenIncident} />
        <UnacknowledgedPanel incidents={incidents} units={live.state.units} deadlineSeconds={live.state.settings?.ackDeadlineSeconds ?? null} onOpenIncident={onOpenIncident} />
        {coverage !== undefined && <CoveragePanel city={city} state={live.state} coverage={coverage} group={coverageGroup} onGroup={setCoverageGroup} />}
        <RosterPanel units={live.state.units} filter={rosterFilter} onFilter={setRosterFilter} onOpenIncident={onOpenIncident} />
      </div>
      <div className="figures-archive" aria-label="Response-time figures" data-testid="figures-archive" data-loading={figures.isLoading}>
        <header className="figures-head">
          <h2>
            Response times <span className="muted" data-testid="figures-range">{shownRange?.label ?? ''}</span>
          </h2>
          <RangePicker
            choice={choice}
            range={range}
            onChoose={(next, nextRange) => {
              setChoice(next.kind);
              setRange(nextRange);
            }}
          />
          <div className="figures-bar">
            <button type="button" className="small" data-testid="figures-refresh" onClick={refresh} disabled={figures.isLoading || !range}>
              {figures.isLoading ? 'Reading the archive…' : 'Refresh'}
            </button>
            {range && (
              <>
                <a className="button-link" href={reportCsvUrl('report:intervals', range)} download data-testid="intervals-csv">
                  Intervals CSV
                </a>
                <a className="button-link" href={reportCsvUrl('report:utilisation', range)} download data-testid="utilisation-csv">
                  Utilisation CSV
                </a>
              </>
            )}
            <span className="spacer" />
            {intervals && (
              <span className="muted small" data-testid="figures-generated">
                {intervals.incidents} incidents · {intervals.unitResponses} unit responses · read {formatDayTime(intervals.generatedAt, timeZone)}
              </span>
            )}
          </div>
          {intervals && intervals.archiveLagEntries > 0 && (
            <p className="lag-notice" data-testid="archive-lag">
              The newest {intervals.archiveLagEntries} {intervals.archiveLagEntries === 1 ? 'change is' : 'changes are'} not in the figures yet: the archive is catching up.
            </p>
          )}
          {figures.error && (
            <p className="error-text" data-testid="figures-error">
              The figures could not be read: {figures.error}
            </p>
          )}
        </header>
        {!intervals && !figures.error && <p className="muted empty">Reading the archive…</p>}
        {intervals && (
          <>
            <section className="panel">
              <header className="panel-head">
                <h2>Intervals</h2>
                <span className="muted small">p50 and p90 by nearest rank; flagged rows left out</span>
              </header>
              <IntervalSummary report={intervals} selected={chartInterval} onSelect={setChartInterval} />
            </section>
            <section className="panel">
              <header className="panel-head chart-controls">
                <h2>Charts</h2>
                <span className="view-tabs" role="group" aria-label="Interval charted">
                  {INTERVAL_NAMES.map((name) => (
                    <button key={name} type="button" className={name === chartInterval ? 'tab small active' : 'tab small'} aria-pressed={name === chartInterval} title={INTERVAL_LABELS[name]} data-testid={`chart-interval-${name}`} onClick={() => setChartInterval(name)}>
                      {INTERVAL_LABELS[name].replace(/ \(.*\)$/, '')}
                    </button>
                  ))}
                </span>
                <span className="view-tabs" role="group" aria-label="Measure">
                  <button type="button" className={metric === 'compliance' ? 'tab small active' : 'tab small'} aria-pressed={metric === 'compliance'} data-testid="chart-metric-compliance" onClick={() => setMetric('compliance')}>
                    Compliance
                  </button>
                  <button type="button" className={metric === 'p90' ? 'tab small active' : 'tab small'} aria-pressed={metric === 'p90'} data-testid="chart-metric-p90" onClick={() => setMetric('p90')}>
                    p90
                  </button>
                </span>
              </header>
              <FigureCharts report={intervals} interval={chartInterval} metric={metric} />
            </section>
            <div className="figures-pair">
              <section className="panel">
                <header className="panel-head">
                  <h2>Flagged rows</h2>
                  <span className="count" data-testid="flagged-total">
                    {intervals.flagged.rows}
                  </span>
                </header>
                <FlaggedRows flagged={intervals.flagged} onOpenIncident={onOpenIncident} />
              </section>
              <section className="panel">
                <header className="panel-head">
                  <h2>Unit utilisation</h2>
                  <span className="muted small">share of the range committed to incidents</span>
                </header>
                {utilisation && <UtilisationPanel report={utilisation} />}
              </section>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
