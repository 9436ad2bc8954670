import type { IntervalReport } from '../../../shared/reports/intervalReportSchema.ts';
import { INTERVAL_FLAGS } from '../../../shared/reports/intervalTargets.ts';
import { formatDayTime } from '../incidents/incidentIntervals.ts';
import { FLAG_LABELS } from './flagLabels.ts';
import { useCityZone } from '../time/cityZone.ts';

interface FlaggedRowsProps {
  flagged: IntervalReport['flagged'];
  /** Opens an incident on the board (by its id, which is its reference). */
  onOpenIncident: (incidentId: string) => void;
}

/**
 * [SF3][RP4] The measurements left out of the figures for bad stamps: how many of each flag, and the first rows
 * listed (oldest first), each incident a link to open it on the board.
 */
export function FlaggedRows({ flagged, onOpenIncident }: FlaggedRowsProps) {
  const timeZone = useCityZone();
  if (flagged.rows === 0) return <p className="muted empty" data-testid="flagged-none">No measurement was left out: every stamp in this range is in order.</p>;
  return (
    <div className="flagged" data-testid="flagged">
      <ul className="flag-counts">
        {INTERVAL_FLAGS.map((flag) => (
          <li key={flag} data-testid={`flag-count-${flag}`} className={flagged.byFlag[flag] > 0 ? 'has-rows' : 'muted'} title={FLAG_LABELS[flag].explanation}>
            <span className="flag-count">{flagged.byFlag[flag]}</span> {FLAG_LABELS[flag].label}
          </li>
        ))}
      </ul>
      <p className="muted small flag-note">
        {flagged.rows} {flagged.rows === 1 ? 'row' : 'rows'} left out of every figure
        {flagged.list.length < flagged.rows ? `; the first ${flagged.list.length} listed (the CSV has them all)` : ''}.
      </p>
      <div className="flag-list-scroll">
        <table className="figures-table">
          <thead>
            <tr>
              <th>Call received</th>
              <th>Incident</th>
              <th>Unit</th>
              <th>Flags</th>
            </tr>
          </thead>
          <tbody>
            {flagged.list.map((row) => (
              <tr key={`${row.incidentId}|${row.unitId ?? ''}`} data-testid="flagged-row">
                <td className="nowrap">{formatDayTime(row.receivedAt, timeZone)}</td>
                <td>
                  <button type="button" className="linklike mono" data-testid={`flagged-open-${row.incidentId}`} title="Open it on the board" onClick={() => onOpenIncident(row.incidentId)}>
                    {row.incidentId}
                  </button>
                </td>
                <td className="mono">{row.unitId?.toUpperCase() ?? <span className="muted">incident</span>}</td>
                <td>{row.flags.map((flag) => FLAG_LABELS[flag].label).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
