import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { PRIORITY_LEVELS } from '../../../shared/incidents/priority.ts';
import { INCIDENT_STATUS_LABELS } from '../incidents/statusLabels.ts';
import { OPEN_STATUSES, backlog } from './liveOperations.ts';

/** [SF5] The open incidents now, by priority (Echo first) and status, from the board's live state. */
export function BacklogPanel({ incidents }: { incidents: readonly Incident[] }) {
  const counts = backlog(incidents);
  return (
    <section className="panel live-panel" data-testid="backlog" data-total={counts.total}>
      <header className="panel-head">
        <h2>Open incidents</h2>
        <span className="count" data-testid="backlog-total">
          {counts.total} open
        </span>
      </header>
      <table className="figures-table backlog-table">
        <thead>
          <tr>
            <th>Priority</th>
            {OPEN_STATUSES.map((status) => (
              <th key={status} className="num">
                {status === 'pending' ? 'Waiting' : INCIDENT_STATUS_LABELS[status].replace(/^\w/, (c) => c.toUpperCase())}
              </th>
            ))}
            <th className="num">Total</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITY_LEVELS.map((level) => {
            const line = counts.byPriority[level];
            const total = line.pending + line.dispatched + line.awaiting_close;
            return (
              <tr key={level} data-testid={`backlog-${level}`} data-total={total} className={total === 0 ? 'quiet' : undefined}>
                <td>
                  <span className={`prio-badge prio-${level}`}>{level.toUpperCase()}</span>
                </td>
                {OPEN_STATUSES.map((status) => (
                  <td key={status} className={status === 'pending' && line.pending > 0 ? 'num waiting-count' : 'num'} data-status={status}>
                    {line[status] || <span className="muted">·</span>}
                  </td>
                ))}
                <td className="num total">{total}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="backlog-by-status">
            <th>All</th>
            {OPEN_STATUSES.map((status) => (
              <td key={status} className="num" data-status={status} data-count={counts.byStatus[status]}>
                {counts.byStatus[status]}
              </td>
            ))}
            <td className="num total">{counts.total}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
