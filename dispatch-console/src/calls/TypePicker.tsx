import { useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { INCIDENT_TYPES } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { UNIT_KIND_LABELS } from '../../../shared/units/unitKinds.ts';
import { filterIncidentTypes } from './filterIncidentTypes.ts';

const SHOWN = 8;

interface TypePickerProps {
  type: IncidentTypeId | null;
  onChoose: (type: IncidentTypeId) => void;
}

/** Type-to-filter over the catalogue's labels; ↑/↓ and Enter choose. */
export function TypePicker({ type, onChoose }: TypePickerProps) {
  const [query, setQuery] = useState(type ? INCIDENT_TYPES[type].label : '');
  const [isSearching, setSearching] = useState(type === null);
  const [highlight, setHighlight] = useState(0);
  const [isFocused, setFocused] = useState(false);
  const matches = useMemo(() => (isSearching && isFocused ? filterIncidentTypes(query).slice(0, SHOWN) : []), [isSearching, isFocused, query]);

  useEffect(() => {
    setQuery(type ? INCIDENT_TYPES[type].label : '');
    setSearching(type === null);
  }, [type]);

  function choose(id: IncidentTypeId) {
    setQuery(INCIDENT_TYPES[id].label);
    setSearching(false);
    onChoose(id);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && matches.length > 0) setHighlight((h) => Math.min(matches.length - 1, h + 1));
    else if (event.key === 'ArrowUp' && matches.length > 0) setHighlight((h) => Math.max(0, h - 1));
    else if (event.key === 'Enter' && !event.ctrlKey) {
      // Read what is in the box now, not the last rendered list: a fast typist's Enter can arrive
      // before the list for the last keystroke has been drawn.
      const typed = event.currentTarget.value;
      const isTyped = typed.trim() !== '' && typed !== (type ? INCIDENT_TYPES[type].label : '');
      const current = isTyped ? filterIncidentTypes(typed).slice(0, SHOWN) : [];
      const id = current[Math.min(highlight, current.length - 1)];
      if (id) choose(id);
      else if (type) onChoose(type);
    } else return;
    event.preventDefault();
  }

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
        value={query}
        autoComplete="off"
        placeholder="e.g. entrap, cardiac, fire, hijack"
        onFocus={(e) => {
          setFocused(true);
          e.target.select();
        }}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setQuery(e.target.value);
          setSearching(true);
          setHighlight(0);
        }}
        onKeyDown={handleKeyDown}
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
