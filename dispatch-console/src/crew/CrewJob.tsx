import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { PRIORITY_LABELS } from '../../../shared/incidents/priority.ts';
import { formatLatLng } from '../calls/locationQuery.ts';
import { preArrivalSets } from '../calls/preArrivalSets.ts';
import { placeLabel, typeLabel } from '../incidents/queueOrder.ts';
import { formatClock } from '../incidents/incidentIntervals.ts';
import { callbackLabel, callerNameLabel } from '../../../shared/callers/callerIdentity.ts';
import { telHref } from './crewFlow.ts';
import { useCityZone } from '../time/cityZone.ts';

/** The job as the crew needs it: what, where (with the landmark notes), who to call back, and what the caller was told. */
export function CrewJobHeader({ incident }: { incident: Incident }) {
  const timeZone = useCityZone();
  return (
    <section className="crew-card crew-job" data-testid="crew-job" data-incident-id={incident.id}>
      <div className="crew-job-top">
        <span className={`prio-badge big prio-${incident.priority}`}>{incident.priority.toUpperCase()}</span>
        <span className="crew-ref" data-testid="crew-reference">{incident.reference}</span>
      </div>
      <h2 className="crew-type" data-testid="crew-type">{typeLabel(incident)}</h2>
      <div className="crew-muted">{PRIORITY_LABELS[incident.priority]} · logged {formatClock(incident.createdAt, timeZone)}</div>
    </section>
  );
}

export function CrewJobDetails({ incident }: { incident: Incident }) {
  const sets = preArrivalSets(incident.type);
  return (
    <>
      <section className="crew-card" data-testid="crew-address">
        <h3>Where</h3>
        {incident.locationNotes ? <p className="crew-landmark" data-testid="crew-location-notes">{incident.locationNotes}</p> : <p className="crew-muted">No landmark notes.</p>}
        <p className="crew-muted">
          {placeLabel(incident)} · <span className="mono">{formatLatLng(incident.location)}</span>
        </p>
      </section>
      <section className="crew-card" data-testid="crew-caller">
        <h3>Caller</h3>
        <p className="crew-caller-name" data-testid="crew-caller-name">{callerNameLabel(incident.callerName)}</p>
        {incident.callbackNumber !== null ? (
          <a className="crew-call" href={telHref(incident.callbackNumber)} data-testid="crew-call-link">
            Call {incident.callbackNumber}
          </a>
        ) : (
          // [IC9] No link to tap: say why the crew cannot call the caller back.
          <p className="crew-muted" data-testid="crew-no-callback">
            {callbackLabel(incident)}: the caller cannot be called back
          </p>
        )}
        {incident.additionalCallers.map((c) =>
          c.callbackNumber !== null ? (
            <a key={`${c.callbackNumber}-${c.linkedAt}`} className="crew-call secondary" href={telHref(c.callbackNumber)}>
              Call {callerNameLabel(c.callerName)} · {c.callbackNumber}
            </a>
          ) : (
            <p key={`none-${c.linkedAt}`} className="crew-muted">
              {callerNameLabel(c.callerName)} · {callbackLabel(c)}
            </p>
          ),
        )}
      </section>
      {(incident.notes || incident.priorityReasons.length > 0) && (
        <section className="crew-card" data-testid="crew-notes">
          <h3>Notes</h3>
          {incident.notes && <p>{incident.notes}</p>}
          {incident.priorityReasons.length > 0 && (
            <ul className="crew-reasons">
              {incident.priorityReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section className="crew-card" data-testid="crew-instructions">
        <h3>What the caller was told</h3>
        {sets.length === 0 && <p className="crew-muted">No pre-arrival instructions for this type.</p>}
        {sets.map((set, i) => (
          <details key={set.id} open={i === 0} data-testid={`crew-instructions-${set.id}`}>
            <summary>{set.title}</summary>
            <ol>
              {set.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </details>
        ))}
      </section>
    </>
  );
}
