import { useEffect, useState } from 'react';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents/incidentTypes.ts';
import { PATIENT_PLACES, PATIENT_PLACE_LABELS, type PatientPlace } from '../../../shared/incidents/catalogueTypes.ts';
import { placeOfType, preArrivalSets } from './preArrivalSets.ts';

/**
 * The numbered steps the call-taker reads out to the caller for the chosen type, fitted to where the patient is
 * ([PA1]: the type's usual place, which the call-taker can change).
 */
export function PreArrivalPanel({ type }: { type: IncidentTypeId }) {
  const [place, setPlace] = useState<PatientPlace>(() => placeOfType(type));
  useEffect(() => setPlace(placeOfType(type)), [type]);
  const sets = preArrivalSets(type, place);
  return (
    <section className="panel pre-arrival" data-testid="pre-arrival" aria-label="Pre-arrival instructions">
      <header className="panel-head">
        <h2>Read to the caller</h2>
        <span className="muted small">{INCIDENT_TYPES[type].label}</span>
      </header>
      <div className="place-choice" role="radiogroup" aria-label="Where is the patient?" data-testid="patient-place" data-place={place}>
        <span className="muted small">Patient is at:</span>
        {PATIENT_PLACES.map((p) => (
          <button key={p} type="button" role="radio" aria-checked={p === place} className={p === place ? 'chip selected' : 'chip'} data-testid={`place-${p}`} onClick={() => setPlace(p)}>
            {PATIENT_PLACE_LABELS[p]}
          </button>
        ))}
      </div>
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
