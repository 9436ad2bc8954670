import { useMemo, useState } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { INCIDENT_TYPE_IDS, INCIDENT_TYPES, type IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { PRIORITY_LABELS, PRIORITY_LEVELS, type PriorityLevel } from '../../../shared/incidents/priority.ts';
import { formKeyHandler } from './formKeys.ts';
import { FormActions } from './FormActions.tsx';

interface UpdateTypeFormProps {
  incident: Incident;
  isSending: boolean;
  onSubmit: (change: { type?: IncidentTypeId; priority?: PriorityLevel; reason: string }) => void;
  onDismiss: () => void;
}

/** [LC6] A new type (its plan and agencies follow) and/or a priority set by hand, with the reason. */
export function UpdateTypeForm({ incident, isSending, onSubmit, onDismiss }: UpdateTypeFormProps) {
  const [type, setType] = useState<IncidentTypeId>(incident.type);
  const [priority, setPriority] = useState<PriorityLevel | ''>('');
  const [reason, setReason] = useState('');
  const types = useMemo(() => [...INCIDENT_TYPE_IDS].sort((a, b) => INCIDENT_TYPES[a].label.localeCompare(INCIDENT_TYPES[b].label)), []);
  const isChange = type !== incident.type || priority !== '';
  const isReady = isChange && reason.trim().length > 0;
  return (
    <form
      className="lifecycle-form"
      data-testid="update-type-form"
      onKeyDown={formKeyHandler(onDismiss)}
      onSubmit={(event) => {
        event.preventDefault();
        if (!isReady) return;
        onSubmit({ ...(type !== incident.type ? { type } : {}), ...(priority ? { priority } : {}), reason: reason.trim() });
      }}
    >
      <label className="field">
        <span>Type</span>
        <select autoFocus data-testid="update-type-type" value={type} onChange={(e) => setType(e.target.value as IncidentTypeId)}>
          {types.map((id) => (
            <option key={id} value={id}>
              {INCIDENT_TYPES[id].label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Priority</span>
        <select data-testid="update-type-priority" value={priority} onChange={(e) => setPriority(e.target.value as PriorityLevel | '')}>
          <option value="">{type === incident.type ? `Keep ${incident.priority.toUpperCase()}` : 'As the new type classifies it'}</option>
          {PRIORITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {PRIORITY_LABELS[level]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Reason</span>
        <input data-testid="update-type-reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <FormActions testId="update-type-submit" label="Change" sendingLabel="Saving…" isSending={isSending} isReady={isReady} onDismiss={onDismiss} />
    </form>
  );
}
