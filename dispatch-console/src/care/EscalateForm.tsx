import { useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { INCIDENT_TYPES, type IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import type { Escalation, Ticket } from '../../../shared/tickets/ticketSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { filterIncidentTypes } from '../calls/filterIncidentTypes.ts';
import { focusTicketField } from './focusTicketField.ts';
import { suggestedIncidentType } from './escalationTypes.ts';

const SHOWN = 6;

interface EscalateFormProps {
  ticket: Ticket;
  commands: CommandClient;
  onEscalated: (escalation: Escalation) => void;
  onCancel: () => void;
}

/**
 * [CS4][CC4] Escalate to Emergency Connect: the emergency's incident type (the service's usual one chosen first,
 * any other found by its words as in call-taking) and why, in one step: the incident is created at the ticket's
 * place with its first caller, and both keep the link.
 */
export function EscalateForm({ ticket, commands, onEscalated, onCancel }: EscalateFormProps) {
  const suggested = suggestedIncidentType(ticket.serviceCode);
  const [type, setType] = useState<IncidentTypeId | null>(suggested);
  const [query, setQuery] = useState(suggested ? INCIDENT_TYPES[suggested].label : '');
  const [highlight, setHighlight] = useState(0);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const isSearching = type === null || query !== INCIDENT_TYPES[type].label;
  const matches = useMemo(() => (isSearching ? filterIncidentTypes(query).slice(0, SHOWN) : []), [isSearching, query]);

  function choose(id: IncidentTypeId) {
    setType(id);
    setQuery(INCIDENT_TYPES[id].label);
    focusTicketField('escalate-reason');
  }

  async function send() {
    if (isSending) return;
    if (!type) return setError('Choose the incident type of the emergency.');
    if (reason.trim() === '') return setError('Say why it is an emergency (what the caller reports).');
    setSending(true);
    setError(null);
    const payload = { ticketId: ticket.id, type, reason: reason.trim() };
    const answer = await commands.sendCommand('ticket:escalate', payload);
    setSending(false);
    if (answer.ok) onEscalated(answer.data);
    else setError(formatCommandError(answer.error, undefined, payload));
  }

  function handleTypeKeys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') setHighlight((h) => Math.min(matches.length - 1, h + 1));
    else if (event.key === 'ArrowUp') setHighlight((h) => Math.max(0, h - 1));
    else if (event.key === 'Enter' && !event.ctrlKey) {
      const current = isSearching ? filterIncidentTypes(event.currentTarget.value).slice(0, SHOWN) : [];
      const id = current[Math.min(highlight, current.length - 1)];
      if (id) choose(id);
      else if (type) focusTicketField('escalate-reason');
    } else if (event.key === 'Escape') onCancel();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  function handleReasonKeys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') void send();
    else if (event.key === 'Escape') onCancel();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="escalate-form" data-testid="escalate-form">
      <strong>Escalate to Emergency Connect</strong>
      <div className="small muted">An incident is created now at this ticket's place, with its first caller; the ticket stays with the department.</div>
      <label className="field">
        <span className="field-label">
          <span>Emergency type</span>
          <span className="muted small">type to filter · ↑/↓ Enter</span>
        </span>
        <input
          data-field="escalate-type"
          data-testid="escalate-type"
          autoFocus
          autoComplete="off"
          value={query}
          placeholder="e.g. gas, flood, fire"
          onFocus={(e) => e.target.select()}
          onChange={(e) => {
            setQuery(e.target.value);
            setHighlight(0);
          }}
          onKeyDown={handleTypeKeys}
        />
      </label>
      {matches.length > 0 && (
        <ol className="pick-list" role="listbox" data-testid="escalate-type-matches">
          {matches.map((id, i) => (
            <li
              key={id}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'active' : undefined}
              data-type={id}
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
      <label className="field">
        <span>Why it is an emergency</span>
        <input data-field="escalate-reason" data-testid="escalate-reason" autoComplete="off" value={reason} placeholder="e.g. strong smell of gas inside the house" onChange={(e) => setReason(e.target.value)} onKeyDown={handleReasonKeys} />
      </label>
      {error && (
        <p className="error-text" data-testid="escalate-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="danger" data-testid="escalate-send" disabled={isSending} onClick={() => void send()}>
          {isSending ? 'Sending…' : 'Create the emergency incident'} <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
