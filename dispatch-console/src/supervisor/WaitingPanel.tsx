import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { formatElapsed, placeLabel, typeLabel } from '../incidents/queueOrder.ts';
import { useNow } from '../incidents/useNow.ts';
import { waitingForUnits } from './liveOperations.ts';

interface WaitingPanelProps {
  incidents: readonly Incident[];
  onOpenIncident: (incidentId: string) => void;
}

/** [SF5] Incidents with no unit, the longest waiting first, their waits running. */
export function WaitingPanel({ incidents, onOpenIncident }: WaitingPanelProps) {
  const now = useNow();
  const waiting = waitingForUnits(incidents, now);
  return (
    <section className="panel live-panel" data-testid="waiting" data-count={waiting.length}>
      <header className="panel-head">
        <h2>Waiting for a unit</h2>
        <span className={waiting.length > 0 ? 'count waiting-count' : 'count'}>{waiting.length}</span>
      </header>
      {waiting.length === 0 ? (
        <p className="muted empty">Every open incident has a unit.</p>
      ) : (
        <table className="figures-table live-list">
          <tbody>
            {waiting.map(({ incident, since }) => (
              <tr key={incident.id} data-testid={`waiting-${incident.reference}`}>
                <td>
                  <span className={`prio-badge prio-${incident.priority}`}>{incident.priority.toUpperCase()}</span>
                </td>
                <td>
                  <button type="button" className="linklike mono" title="Open it on the board" onClick={() => onOpenIncident(incident.id)}>
                    {incident.reference}
                  </button>
                  <div className="small">{typeLabel(incident)}</div>
                  <div className="muted small">{placeLabel(incident)}</div>
                </td>
                <td className="num timer" title="Waiting since it was logged, reopened or its last unit cleared" data-testid="waiting-age">
                  {formatElapsed(since, now)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
