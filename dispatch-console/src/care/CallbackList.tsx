import { useState } from 'react';
import type { Ticket, TicketCallback } from '../../../shared/tickets/ticketSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { callerLine, formatDate, formatDue } from './ticketWords.ts';
import { useCityZone } from '../time/cityZone.ts';

interface CallbackListProps {
  ticket: Ticket;
  commands: CommandClient;
  now: number;
  /** Whether this screen records callbacks (the resident page never does). */
  mayRecord: boolean;
  onChanged: (ticket: Ticket) => void;
}

const REASON_TEXT: Record<TicketCallback['reason'], string> = { logged: 'when logged', closed: 'on closing' };

/**
 * [CS7][CC2] The callbacks the city owes this ticket's callers: due (overdue ones marked), made or failed, by whom
 * and when. A due callback is recorded made or failed with a short note in one step (`ticket:callback`).
 */
export function CallbackList({ ticket, commands, now, mayRecord, onChanged }: CallbackListProps) {
  const timeZone = useCityZone();
  const [note, setNote] = useState('');
  const [sendingId, setSendingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function record(callback: TicketCallback, outcome: 'made' | 'failed') {
    if (sendingId) return;
    setSendingId(callback.id);
    setError(null);
    const payload = { ticketId: ticket.id, callbackId: callback.id, outcome, note: note.trim() };
    const answer = await commands.sendCommand('ticket:callback', payload);
    setSendingId(null);
    if (!answer.ok) {
      setError(formatCommandError(answer.error, undefined, payload));
      return;
    }
    setNote('');
    onChanged(answer.data);
  }

  if (ticket.callbacks.length === 0) {
    return (
      <div className="ticket-section">
        <h3>Callbacks</h3>
        <p className="muted small" data-testid="ticket-no-callbacks">
          No callback owed: no caller left a number.
        </p>
      </div>
    );
  }
  const hasDue = ticket.callbacks.some((cb) => cb.status === 'due');
  return (
    <div className="ticket-section">
      <h3>Callbacks</h3>
      <ol className="ticket-callbacks" data-testid="ticket-callbacks">
        {ticket.callbacks.map((callback) => {
          const caller = ticket.callers[callback.callerIndex];
          const isOverdue = callback.status === 'due' && now > callback.dueAt;
          return (
            <li key={callback.id} className={`callback callback-${callback.status}${isOverdue ? ' overdue' : ''}`} data-testid={`callback-${callback.id}`} data-status={callback.status} data-overdue={isOverdue ? 'true' : 'false'}>
              <div className="callback-who">{caller ? callerLine(caller) : `Caller ${callback.callerIndex + 1}`}</div>
              <div className="small">
                {callback.status === 'due' ? (
                  <span className={isOverdue ? 'overdue-text' : 'muted'}>
                    Owed {REASON_TEXT[callback.reason]} · {formatDue(callback.dueAt, now)}
                  </span>
                ) : (
                  <span>
                    {callback.status === 'made' ? 'Called back' : 'Could not reach'} {REASON_TEXT[callback.reason]} · {callback.at !== null && formatDate(callback.at, timeZone)} · {callback.by}
                    {callback.note && ` · ${callback.note}`}
                  </span>
                )}
              </div>
              {mayRecord && callback.status === 'due' && (
                <div className="callback-actions">
                  <button type="button" className="small primary" data-testid={`callback-made-${callback.id}`} disabled={sendingId !== null} onClick={() => void record(callback, 'made')}>
                    Made
                  </button>
                  <button type="button" className="small" data-testid={`callback-failed-${callback.id}`} disabled={sendingId !== null} onClick={() => void record(callback, 'failed')}>
                    No answer
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {mayRecord && hasDue && (
        <label className="field callback-note">
          <span>Note with the next callback recorded (optional)</span>
          <input data-testid="callback-note" value={note} placeholder="what the caller was told" onChange={(e) => setNote(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="error-text" data-testid="callback-error">
          {error}
        </p>
      )}
    </div>
  );
}
