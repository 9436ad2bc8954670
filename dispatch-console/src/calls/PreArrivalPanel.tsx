import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents/incidentTypes.ts';
import { preArrivalSets } from './preArrivalSets.ts';

/** The numbered steps the call-taker reads out to the caller for the chosen type. */
export function PreArrivalPanel({ type }: { type: IncidentTypeId }) {
  const sets = preArrivalSets(type);
  return (
    <section className="panel pre-arrival" data-testid="pre-arrival" aria-label="Pre-arrival instructions">
      <header className="panel-head">
        <h2>Read to the caller</h2>
        <span className="muted small">{INCIDENT_TYPES[type].label}</span>
      </header>
      {sets.length === 0 && <p className="muted empty">No pre-arrival instructions for this type: keep the caller safe and on the line.</p>}
      {sets.map((set) => (
        <div key={set.id} className="instruction-set" data-testid={`instructions-${set.id}`}>
          <h3>{set.title}</h3>
          <ol>
            {set.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
