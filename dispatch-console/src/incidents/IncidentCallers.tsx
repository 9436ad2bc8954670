import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { callbackLabel, callerNameLabel } from '../../../shared/callers/callerIdentity.ts';
import { formatClock } from './incidentIntervals.ts';
import { useCityZone } from '../time/cityZone.ts';

/** The priority's reasons and every caller of an incident: the first, then those linked to it. */
export function IncidentCallers({ incident }: { incident: Incident }) {
  const timeZone = useCityZone();
  return (
    <div className="incident-callers" data-testid="incident-callers">
      {incident.priorityReasons.length > 0 && (
        <ul className="reasons" data-testid="incident-priority-reasons">
          {incident.priorityReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <div className="muted small" data-testid="incident-caller">
        Caller {callerNameLabel(incident.callerName)} · {callbackLabel(incident)}
      </div>
      {incident.additionalCallers.length > 0 && (
        <div className="small" data-testid="additional-callers">
          <strong>+{incident.additionalCallers.length} more caller{incident.additionalCallers.length === 1 ? '' : 's'}</strong>
          <ul className="history-list">
            {incident.additionalCallers.map((c) => (
              <li key={`${c.callbackNumber ?? c.callbackStatus}-${c.linkedAt}`}>
                {formatClock(c.linkedAt, timeZone)} · {callerNameLabel(c.callerName)} · {callbackLabel(c)}
                {c.notes && <span className="muted"> · {c.notes}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
