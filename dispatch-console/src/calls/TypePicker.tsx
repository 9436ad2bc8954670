import { useTypeahead } from './useTypeahead.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';
import { filterIncidentTypes } from './filterIncidentTypes.ts';

const typeLabel = (id: IncidentTypeId): string => INCIDENT_TYPES[id].label;

interface TypePickerProps {
  type: IncidentTypeId | null;
  onChoose: (type: IncidentTypeId) => void;
}

/** Type-to-filter over the catalogue's labels; ↑/↓ and Enter choose. */
export function TypePicker({ type, onChoose }: TypePickerProps) {
  const { query, matches, highlight, isSearching, isFocused, choose, inputProps } = useTypeahead({ chosen: type, labelOf: typeLabel, search: filterIncidentTypes, onChoose });

  const entry = type ? INCIDENT_TYPES[type] : null;
  return (
    <div className="field type-field">
      <label className="field-label" htmlFor="call-type">
        <span>5 · Incident type</span>
        <span className="muted small">type to filter · ↑/↓ Enter</span>
      </label>
      <input
        id="call-type"
        data-field="type"
        data-testid="create-type"
        {...inputProps}
        autoComplete="off"
        placeholder="e.g. entrap, cardiac, fire, hijack"
      />
      {matches.length > 0 && (
        <ol className="pick-list" data-testid="type-matches" role="listbox">
          {matches.map((id, i) => (
            <li
              key={id}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(id);
              }}
            >
              <span className={`prio-badge prio-${INCIDENT_TYPES[id].priority}`}>{INCIDENT_TYPES[id].priority.toUpperCase()}</span>
              <span className="pick-name">{INCIDENT_TYPES[id].label}</span>
            </li>
          ))}
        </ol>
      )}
      {isSearching && isFocused && matches.length === 0 && query.trim() !== '' && <div className="muted small">No type matches "{query}".</div>}
      {entry && !isSearching && (
        <div className="plan-line" data-testid="type-plan">
          Sends: {entry.plan.map((line) => `${line.count} × ${UNIT_KIND_LABELS[line.kind]}`).join(', ')}
        </div>
      )}
    </div>
  );
}
