import { useEffect, useState } from 'react';
import { closedInTimeShare, type TicketSummary } from '../../../shared/tickets/ticketSummarySchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

/** The share closed in time is taken over this many last days. */
const CLOSED_DAYS = 30;
const DEBOUNCE_MS = 500;

interface CareSummaryPanelProps {
  commands: CommandClient;
  /** Bumped on every ticket change: the summary is read again. */
  ticketVersion: number;
  selected: string | null;
  onSelect: (department: string) => void;
}

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/**
 * [CS9] Care Connect on the supervisor's board: each department's open tickets, how many are overdue, and the share
 * of the last 30 days' resolved tickets closed by their expected date; most overdue and busiest first, the quiet ones
 * folded away. A department opens its queue.
 */
export function CareSummaryPanel({ commands, ticketVersion, selected, onSelect }: CareSummaryPanelProps) {
  const [summary, setSummary] = useState<TicketSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isShowingQuiet, setShowingQuiet] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      void commands.request('ticket:summary', { closedDays: CLOSED_DAYS }).then((answer) => {
        if (!isCurrent) return;
        if (answer.ok) {
          setSummary(answer.data);
          setError(null);
        } else setError(formatCommandError(answer.error));
      });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [commands, ticketVersion]);

  const all = summary ? [...summary.departments].sort((a, b) => b.overdue - a.overdue || b.open - a.open || b.closed - a.closed || a.name.localeCompare(b.name)) : [];
  // Departments with nothing open and nothing resolved lately are folded away, unless one is being looked at.
  const isQuiet = (line: (typeof all)[number]) => line.open === 0 && line.closed === 0 && line.department !== selected;
  const quietCount = all.filter(isQuiet).length;
  const lines = isShowingQuiet ? all : all.filter((line) => !isQuiet(line));
  const total = all.reduce((t, l) => ({ open: t.open + l.open, overdue: t.overdue + l.overdue, closed: t.closed + l.closed, closedInTime: t.closedInTime + l.closedInTime }), { open: 0, overdue: 0, closed: 0, closedInTime: 0 });
  return (
    <section className="panel care-summary" data-testid="care-summary">
      <header className="panel-head">
        <h2>Care Connect · open tickets by department</h2>
        <span className="muted small">closed in time: last {CLOSED_DAYS} days</span>
      </header>
      {error && <p className="error-text">{error}</p>}
      {!summary && !error && <p className="muted empty">Loading…</p>}
      {summary && (
        <table className="care-summary-table">
          <thead>
            <tr>
              <th>Department</th>
              <th>Open</th>
              <th>Overdue</th>
              <th>Resolved</th>
              <th>Closed in time</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const share = closedInTimeShare(line);
              return (
                <tr key={line.department} data-testid={`care-summary-${line.department}`} data-open={line.open} data-overdue={line.overdue} className={line.department === selected ? 'selected' : undefined} onClick={() => onSelect(line.department)}>
                  <td>
                    <button type="button" className="linklike" onClick={() => onSelect(line.department)}>
                      {line.name}
                    </button>
                  </td>
                  <td className="num">{line.open}</td>
                  <td className={line.overdue > 0 ? 'num overdue-text' : 'num muted'}>{line.overdue}</td>
                  <td className="num">{line.closed}</td>
                  <td className="num">
                    <span className="share-bar" aria-hidden="true">
                      <i style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
                    </span>
                    {percent(share)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          {quietCount > 0 && (
            <tbody>
              <tr>
                <td colSpan={5}>
                  <button type="button" className="linklike muted" data-testid="care-summary-quiet" onClick={() => setShowingQuiet((v) => !v)}>
                    {isShowingQuiet ? 'Hide the departments with no tickets' : `Show the ${quietCount} departments with no tickets`}
                  </button>
                </td>
              </tr>
            </tbody>
          )}
          <tfoot>
            <tr data-testid="care-summary-total">
              <th>Every department</th>
              <td className="num">{total.open}</td>
              <td className={total.overdue > 0 ? 'num overdue-text' : 'num'}>{total.overdue}</td>
              <td className="num">{total.closed}</td>
              <td className="num">{percent(closedInTimeShare(total))}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
