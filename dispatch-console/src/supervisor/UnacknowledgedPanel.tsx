import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import { UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';
import { formatElapsed } from '../incidents/queueOrder.ts';
import { useNow } from '../incidents/useNow.ts';
import { crewNames } from '../dispatch/crewNames.ts';
import { formatSeconds } from './figuresFormat.ts';
import { unacknowledgedAssignments } from './liveOperations.ts';

interface UnacknowledgedPanelProps {
  incidents: readonly Incident[];
  units: Readonly<Record<string, Unit>>;
  /** [AK2] The acknowledgement deadline from the snapshot; null before it. */
  deadlineSeconds: number | null;
  onOpenIncident: (incidentId: string) => void;
}

/** [SF5] Assignments whose crew has not acknowledged yet, the longest first; past the deadline in red. */
export function UnacknowledgedPanel({ incidents, units, deadlineSeconds, onOpenIncident }: UnacknowledgedPanelProps) {
  const now = useNow();
  const list = unacknowledgedAssignments(incidents, units, now, deadlineSeconds);
  const overdue = list.filter((a) => a.isOverdue).length;
  return (
    <section className="panel live-panel" data-testid="unacknowledged" data-count={list.length} data-overdue={overdue}>
      <header className="panel-head">
        <h2>Not acknowledged</h2>
        <span className="count">
          {list.length}
          {overdue > 0 && <span className="overdue-text"> · {overdue} past {formatSeconds(deadlineSeconds)}</span>}
        </span>
      </header>
      {list.length === 0 ? (
        <p className="muted empty">Every crew has acknowledged its assignment.</p>
      ) : (
        <table className="figures-table live-list">
          <thead>
            <tr>
              <th>Unit</th>
              <th>Incident</th>
              <th className="num">Since assigned</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={`${a.incidentId}|${a.unitId}|${a.assignedAt}`} className={a.isOverdue ? 'overdue' : undefined} data-testid={`unack-${a.unitId}`} data-overdue={a.isOverdue}>
                <td>
                  <span className="mono callsign">{a.callSign}</span>
                  <div className="muted small">{crewNames(units[a.unitId]) || UNIT_KIND_LABELS[a.kind]}</div>
                </td>
                <td>
                  <span className={`prio-badge prio-${a.priority}`}>{a.priority.toUpperCase()}</span>{' '}
                  <button type="button" className="linklike mono" title="Open it on the board" onClick={() => onOpenIncident(a.incidentId)}>
                    {a.reference}
                  </button>
                </td>
                <td className={a.isOverdue ? 'num timer overdue-text' : 'num timer'}>{formatElapsed(a.assignedAt, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
