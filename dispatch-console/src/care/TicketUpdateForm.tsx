import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { isTicketClosed, TICKET_STATUS_LABELS, TICKET_TRANSITIONS, TicketUpdateInputSchema, type Ticket, type TicketStatus } from '../../../shared/tickets/ticketSchema.ts';
import { zoneAbbreviation } from '../../../shared/time/zonedTime.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { LengthCounter } from '../calls/LengthCounter.tsx';
import { fromLocalInput, toLocalInput } from './ticketWords.ts';
import { useCityZone } from '../time/cityZone.ts';

/** The server's limit on each note (one schema), for the counters. */
const NOTE_MAX = TicketUpdateInputSchema.shape.publicNote.unwrap().maxLength ?? 1000;

interface TicketUpdateFormProps {
  ticket: Ticket;
  commands: CommandClient;
  onUpdated: (ticket: Ticket) => void;
}

/** [CS7] The states a ticket may move to now (TICKET_TRANSITIONS), led by its own while it is open (a note only). */
export function nextStates(status: TicketStatus): TicketStatus[] {
  return isTicketClosed(status) ? [...TICKET_TRANSITIONS[status]] : [status, ...TICKET_TRANSITIONS[status]];
}

/**
 * [CS7][CC2] A department moves a ticket on: its next state (only those allowed from where it is), a public note the
 * resident reads on the resident page, an internal note that stays inside the city, a new expected date, and for a
 * duplicate the ticket that carries the work. Ctrl+Enter saves.
 */
export function TicketUpdateForm({ ticket, commands, onUpdated }: TicketUpdateFormProps) {
  const timeZone = useCityZone();
  const choices = nextStates(ticket.status);
  const [status, setStatus] = useState<TicketStatus | null>(choices[0] ?? null);
  const [publicNote, setPublicNote] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [expected, setExpected] = useState(toLocalInput(ticket.expectedBy, timeZone));
  const [duplicateOf, setDuplicateOf] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  // A closed ticket is reopened only on purpose (the resident says it is not fixed), never by a form's default.
  const [isReopening, setReopening] = useState(false);

  if (status && isTicketClosed(ticket.status) && !isReopening) {
    return (
      <div className="ticket-section">
        <span className="muted small">Closed. If the resident reports it is not fixed:</span>
        <button type="button" className="small" data-testid="ticket-reopen" onClick={() => setReopening(true)}>
          Reopen it…
        </button>
      </div>
    );
  }

  if (!status) {
    return (
      <div className="ticket-section">
        <p className="muted small" data-testid="ticket-final">
          {TICKET_STATUS_LABELS[ticket.status]} is final: {ticket.status === 'closed_duplicate' ? 'the other ticket carries the work' : 'another authority carries it'}.
        </p>
      </div>
    );
  }

  async function save() {
    if (isSending || !status) return;
    const expectedBy = fromLocalInput(expected, timeZone);
    if (expectedBy === null) return setError('The expected date is not a date and time: pick one, or leave it as it was.');
    const payload = {
      ticketId: ticket.id,
      status,
      publicNote: publicNote.trim(),
      internalNote: internalNote.trim(),
      ...(expectedBy !== ticket.expectedBy && Math.abs(expectedBy - ticket.expectedBy) >= 60_000 ? { expectedBy } : {}),
      ...(status === 'closed_duplicate' ? { duplicateOf: duplicateOf.trim() } : {}),
    };
    if (payload.publicNote === '' && payload.internalNote === '') return setError('Write a public note for the resident, an internal note, or both.');
    if (status === 'closed_duplicate' && duplicateOf.trim() === '') return setError('Name the ticket this one duplicates (its CC- reference).');
    setSending(true);
    setError(null);
    const answer = await commands.sendCommand('ticket:update', payload);
    setSending(false);
    if (!answer.ok) {
      setError(formatCommandError(answer.error, undefined, payload));
      return;
    }
    setPublicNote('');
    setInternalNote('');
    setDuplicateOf('');
    onUpdated(answer.data);
  }

  function handleKeys(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && event.ctrlKey) {
      event.preventDefault();
      event.stopPropagation();
      void save();
    }
  }

  return (
    <div className="ticket-section ticket-update" data-testid="ticket-update" onKeyDown={handleKeys}>
      <h3>Move it on</h3>
      <label className="field">
        <span>New state</span>
        <select data-field="ticket-status" data-testid="ticket-update-status" value={status} onChange={(e) => setStatus(choices.find((c) => c === e.target.value) ?? status)}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice === ticket.status ? `${TICKET_STATUS_LABELS[choice]} (note only)` : TICKET_STATUS_LABELS[choice]}
            </option>
          ))}
        </select>
      </label>
      {status === 'closed_duplicate' && (
        <label className="field">
          <span>Duplicate of (the ticket that carries the work)</span>
          <input data-testid="ticket-update-duplicate" className="mono" value={duplicateOf} placeholder="CC-…" onChange={(e) => setDuplicateOf(e.target.value)} />
        </label>
      )}
      <label className="field">
        <span className="field-label">
          <span>Public note — the resident reads this</span>
          <LengthCounter value={publicNote} max={NOTE_MAX} testId="ticket-update-public-counter" />
        </span>
        <textarea data-testid="ticket-update-public" rows={2} value={publicNote} placeholder="e.g. The pipe was repaired and the water is back on." onChange={(e) => setPublicNote(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">
          <span>Internal note — stays inside the city</span>
          <LengthCounter value={internalNote} max={NOTE_MAX} testId="ticket-update-internal-counter" />
        </span>
        <textarea data-testid="ticket-update-internal" rows={2} value={internalNote} placeholder="crew, job card, parts, who to ask" onChange={(e) => setInternalNote(e.target.value)} />
      </label>
      {!isTicketClosed(status) && (
        <label className="field">
          <span>Expected by ({zoneAbbreviation(timeZone, fromLocalInput(expected, timeZone) ?? ticket.expectedBy)})</span>
          <input data-testid="ticket-update-expected" type="datetime-local" value={expected} onChange={(e) => setExpected(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="error-text" data-testid="ticket-update-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" data-testid="ticket-update-save" disabled={isSending} onClick={() => void save()}>
          {isSending ? 'Saving…' : `Save: ${TICKET_STATUS_LABELS[status]}`} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </div>
  );
}
