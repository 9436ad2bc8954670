import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { TICKET_STATUS_LABELS, isTicketClosed, type PublicTicket } from '../../../shared/tickets/ticketSchema.ts';
import { fetchPublicTicket } from './careApi.ts';
import { formatDate } from './ticketWords.ts';
import './care.css';

/** The path of the resident page; `/track/<reference>` opens one ticket directly (a link a resident can keep). */
export const TRACK_PATH = '/track';

/** The reference in a `/track/<reference>` path, or ''. */
export function referenceInPath(pathname: string): string {
  const rest = pathname.startsWith(`${TRACK_PATH}/`) ? pathname.slice(TRACK_PATH.length + 1) : '';
  try {
    return decodeURIComponent(rest).trim();
  } catch {
    return '';
  }
}

type Found = { kind: 'ticket'; ticket: PublicTicket } | { kind: 'problem'; text: string } | { kind: 'loading' } | { kind: 'none' };

/**
 * [CS8][CC5] Anyone with a Care Connect reference follows it here, without signing in: the service, the
 * department, its state, when it should be done, and the department's public updates. Nothing personal (no caller,
 * number, internal note or exact place) is ever sent to this page; an unknown reference, a malformed one and a wrong
 * check digit get one and the same answer. Made for a phone first.
 */
export function ResidentPage() {
  const initial = referenceInPath(window.location.pathname);
  const [text, setText] = useState(initial);
  const [found, setFound] = useState<Found>({ kind: initial ? 'loading' : 'none' });

  async function look(reference: string) {
    const trimmed = reference.trim();
    if (trimmed === '') {
      setFound({ kind: 'problem', text: 'Type the reference you were given, e.g. CC-260512-0001-7.' });
      return;
    }
    setFound({ kind: 'loading' });
    window.history.replaceState(null, '', `${TRACK_PATH}/${encodeURIComponent(trimmed)}`);
    const answer = await fetchPublicTicket(trimmed);
    if (answer.ok) setFound({ kind: 'ticket', ticket: answer.data });
    else if (answer.error.code === 'rate_limited') setFound({ kind: 'problem', text: 'Too many look-ups from here in a short time. Wait a minute, then try again.' });
    else if (answer.error.code === 'ticket_not_found' || answer.error.code === 'validation_failed')
      setFound({ kind: 'problem', text: 'No ticket with that reference. Check it and try again: a Care Connect reference reads CC-YYMMDD-NNNN-C.' });
    else setFound({ kind: 'problem', text: 'The city’s service could not be reached just now. Try again in a few minutes.' });
  }

  useEffect(() => {
    if (initial) void look(initial);
    // Only the reference the page was opened with is looked up on its own.
  }, []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void look(text);
  }

  return (
    <div className="resident-page" data-testid="resident-page">
      <header className="resident-head">
        <h1>Care Connect</h1>
        <p>City of Johannesburg · follow your service request</p>
      </header>
      <form className="resident-form" onSubmit={handleSubmit} data-testid="resident-form">
        <label htmlFor="resident-reference">Your reference number</label>
        <div className="resident-row">
          <input
            id="resident-reference"
            data-testid="resident-reference"
            value={text}
            autoFocus
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            placeholder="CC-260512-0001-7"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="primary" data-testid="resident-look" disabled={found.kind === 'loading'}>
            Look up
          </button>
        </div>
      </form>
      {found.kind === 'loading' && <p className="muted resident-note">Looking it up…</p>}
      {found.kind === 'problem' && (
        <p className="error-text resident-note" role="alert" data-testid="resident-problem">
          {found.text}
        </p>
      )}
      {found.kind === 'ticket' && <ResidentTicket ticket={found.ticket} />}
      <footer className="resident-foot muted small">
        Not an emergency line. In an emergency call 112 from a mobile phone, or 10177. · <a href="/">Staff sign-in</a>
      </footer>
    </div>
  );
}

function ResidentTicket({ ticket }: { ticket: PublicTicket }) {
  const isClosed = isTicketClosed(ticket.status);
  return (
    <article className="resident-ticket" data-testid="resident-ticket" data-status={ticket.status}>
      <div className="resident-ref mono" data-testid="resident-ticket-reference">
        {ticket.reference}
      </div>
      <div className={`resident-status ticket-status-${ticket.status}`} data-testid="resident-status">
        {ticket.statusLabel}
      </div>
      {/* [OP2] The city's own dates (the ticket names its zone), whatever zone the phone is set to. */}
      <dl className="resident-facts">
        <div>
          <dt>Service</dt>
          <dd data-testid="resident-service">{ticket.service}</dd>
        </div>
        <div>
          <dt>Department</dt>
          <dd>{ticket.department}</dd>
        </div>
        <div>
          <dt>Logged</dt>
          <dd>{formatDate(ticket.createdAt, ticket.timeZone)}</dd>
        </div>
        <div>
          <dt>Expected by</dt>
          <dd data-testid="resident-expected">{formatDate(ticket.expectedBy, ticket.timeZone)}</dd>
        </div>
        {isClosed && ticket.closedAt !== null && (
          <div>
            <dt>Closed</dt>
            <dd data-testid="resident-closed">{formatDate(ticket.closedAt, ticket.timeZone)}</dd>
          </div>
        )}
        {ticket.ward !== null && (
          <div>
            <dt>Ward</dt>
            <dd>{ticket.ward}</dd>
          </div>
        )}
      </dl>
      <h2>Updates</h2>
      <ol className="resident-updates" data-testid="resident-updates">
        {[...ticket.updates].reverse().map((update, i) => (
          <li key={`${update.at}-${i}`}>
            <div className="resident-update-head">
              <strong>{TICKET_STATUS_LABELS[update.status]}</strong>
              <span className="muted small">{formatDate(update.at, ticket.timeZone)}</span>
            </div>
            {update.note && <p>{update.note}</p>}
          </li>
        ))}
      </ol>
    </article>
  );
}
