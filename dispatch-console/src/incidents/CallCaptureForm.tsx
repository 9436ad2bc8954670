import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { LngLat } from '../../../shared/geo/position.ts';
import { INCIDENT_TYPES, INCIDENT_TYPE_IDS } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentCreateInput } from '../../../shared/incidents/incidentSchema.ts';
import { formatLatLng, parseLatLng } from './queueOrder.ts';
import { UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';

/** What the form submits; the command client adds the commandId. */
export type CallCaptureInput = Omit<IncidentCreateInput, 'commandId'>;

interface CallCaptureFormProps {
  pick: LngLat | null;
  onPickChange: (position: LngLat | null) => void;
  /** Sends `incident:create`; resolves with an error line to show, or null on success. */
  onSubmit: (input: CallCaptureInput) => Promise<string | null>;
  onCancel: () => void;
}

/** Minimal call capture: where, what, who and how to call back. */
export function CallCaptureForm({ pick, onPickChange, onSubmit, onCancel }: CallCaptureFormProps) {
  const [type, setType] = useState<IncidentTypeId>('medical_emergency');
  const [locationText, setLocationText] = useState('');
  const [callerName, setCallerName] = useState('');
  const [callbackNumber, setCallbackNumber] = useState('');
  const [locationNotes, setLocationNotes] = useState('');
  const [notes, setNotes] = useState('');
  const [callStartedAt, setCallStartedAt] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);

  // A click on the map fills the location field.
  useEffect(() => {
    if (pick) setLocationText(formatLatLng(pick));
  }, [pick]);

  function handleLocationChange(text: string) {
    setLocationText(text);
    onPickChange(parseLatLng(text));
  }

  function reset() {
    setType('medical_emergency');
    setLocationText('');
    setCallerName('');
    setCallbackNumber('');
    setLocationNotes('');
    setNotes('');
    setError(null);
    setCallStartedAt(Date.now());
    onPickChange(null);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const location = pick ?? parseLatLng(locationText);
    if (!location) {
      setError('Pick the location on the map, or type it as "lat, lng".');
      return;
    }
    setSending(true);
    setError(null);
    const problem = await onSubmit({ type, location, callerName, callbackNumber, locationNotes, notes, callStartedAt });
    setSending(false);
    if (problem) setError(problem);
    else reset();
  }

  const entry = INCIDENT_TYPES[type];
  return (
    <form className="capture" onSubmit={(event) => void handleSubmit(event)} data-testid="create-form">
      <label className="field">
        <span>Location (click the map, or type lat, lng)</span>
        <input
          data-testid="create-location"
          value={locationText}
          onChange={(e) => handleLocationChange(e.target.value)}
          placeholder="-26.2041, 28.0473"
        />
      </label>
      <label className="field">
        <span>Incident type</span>
        <select data-testid="create-type" value={type} onChange={(e) => setType(e.target.value as IncidentTypeId)}>
          {INCIDENT_TYPE_IDS.map((id) => (
            <option key={id} value={id}>
              {INCIDENT_TYPES[id].label} ({INCIDENT_TYPES[id].priority})
            </option>
          ))}
        </select>
      </label>
      <p className="plan-line">
        <span className={`prio-badge prio-${entry.priority}`}>{entry.priority.toUpperCase()}</span>
        Plan: {entry.plan.map((line) => `${line.count} × ${UNIT_KIND_LABELS[line.kind]}`).join(', ')}
      </p>
      <div className="field-row">
        <label className="field">
          <span>Caller name</span>
          <input data-testid="create-caller-name" value={callerName} onChange={(e) => setCallerName(e.target.value)} />
        </label>
        <label className="field">
          <span>Callback number</span>
          <input
            data-testid="create-callback"
            value={callbackNumber}
            inputMode="tel"
            onChange={(e) => setCallbackNumber(e.target.value)}
            placeholder="082 555 0123"
          />
        </label>
      </div>
      <label className="field">
        <span>Location notes</span>
        <input data-testid="create-location-notes" value={locationNotes} onChange={(e) => setLocationNotes(e.target.value)} />
      </label>
      <label className="field">
        <span>Notes</span>
        <textarea data-testid="create-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      {error && (
        <p className="error-text" data-testid="create-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" data-testid="create-submit" disabled={isSending}>
          {isSending ? 'Sending…' : 'Create incident'}
        </button>
        <button type="button" onClick={() => { reset(); onCancel(); }}>
          Cancel
        </button>
      </div>
    </form>
  );
}
