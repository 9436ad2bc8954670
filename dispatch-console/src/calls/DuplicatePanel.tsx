import type { DuplicateCandidate } from '../../../shared/incidents/incidentSchema.ts';
import { INCIDENT_TYPES } from '../../../shared/incidents/incidentTypes.ts';
import { formatDistance } from '../dispatch/pickAssignment.ts';

interface DuplicatePanelProps {
  candidates: readonly DuplicateCandidate[];
  selectedId: string | null;
  isSending: boolean;
  onSelect: (incidentId: string) => void;
  onLink: (incidentId: string) => void;
}

function formatAgeMinutes(minutes: number): string {
  return minutes < 1 ? 'just now' : minutes < 120 ? `${Math.round(minutes)} min ago` : `${Math.round(minutes / 60)} h ago`;
}

/**
 * [DU1][DU2] Open incidents that may be the one this caller reports. Ctrl+L links the caller to the selected one
 * (the top one unless another is chosen with Alt+↑/↓) instead of creating a new incident.
 */
export function DuplicatePanel({ candidates, selectedId, isSending, onSelect, onLink }: DuplicatePanelProps) {
  if (candidates.length === 0) return null;
  const selected = candidates.find((c) => c.incident.id === selectedId) ?? candidates[0];
  const anyLikely = candidates.some((c) => c.isLikely);
  return (
    <section className={`panel duplicates${anyLikely ? ' likely' : ''}`} data-testid="duplicates" aria-label="Possible duplicates">
      <header className="panel-head">
        <h2>{anyLikely ? 'Already reported?' : 'Possibly already reported'}</h2>
        <span className="small muted">{candidates.length} open nearby</span>
      </header>
      <div className="call-keys small muted">
        Same event? Link this caller instead of creating a new incident: <kbd>Ctrl+L</kbd> · <kbd>Alt+↑</kbd>/<kbd>Alt+↓</kbd> choose
      </div>
      <ol className="duplicate-list">
        {candidates.map((c) => {
          const isSelected = c.incident.id === selected?.incident.id;
          return (
            <li
              key={c.incident.id}
              className={`duplicate${isSelected ? ' selected' : ''}`}
              data-testid={`duplicate-${c.incident.reference}`}
              data-selected={isSelected ? 'true' : 'false'}
              onClick={() => onSelect(c.incident.id)}
            >
              <div className="dup-top">
                <span className={`likelihood ${c.isLikely ? 'likely' : 'possible'}`}>{c.isLikely ? 'LIKELY' : 'POSSIBLE'}</span>
                <span className="ref">{c.incident.reference}</span>
                <span className="muted small">{Math.round(c.score * 100)}%</span>
              </div>
              <div className="dup-type">
                <span className={`prio-badge prio-${c.incident.priority}`}>{c.incident.priority.toUpperCase()}</span> {INCIDENT_TYPES[c.incident.type].label}
              </div>
              <div className="dup-meta small">
                {formatDistance(c.distanceMeters)} away · {formatAgeMinutes(c.ageMinutes)} · {c.incident.status}
                {c.incident.additionalCallers.length > 0 && ` · ${c.incident.additionalCallers.length + 1} callers`}
              </div>
              {c.reasons.length > 0 && <div className="dup-reasons small muted">{c.reasons.join(' · ')}</div>}
            </li>
          );
        })}
      </ol>
      {selected && (
        <button type="button" className="primary link-button" data-testid="link-caller" disabled={isSending} onClick={() => onLink(selected.incident.id)}>
          Link this caller to {selected.incident.reference} <kbd>Ctrl+L</kbd>
        </button>
      )}
    </section>
  );
}
