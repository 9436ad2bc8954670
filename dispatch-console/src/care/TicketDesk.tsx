import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Session } from '../../../shared/auth/roles.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { Escalation, Ticket } from '../../../shared/tickets/ticketSchema.ts';
import { isCommandAllowed } from '../../../shared/protocol/contract.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { StatusBar } from '../StatusBar.tsx';
import { ReferenceSearch } from '../incidents/ReferenceSearch.tsx';
import { moveSelection } from '../incidents/queueOrder.ts';
import { useNow } from '../incidents/useNow.ts';
import { formatLatLng } from '../calls/locationQuery.ts';
import { useCity } from '../map/useCity.ts';
import { useCityIndexes } from '../map/useCityIndexes.ts';
import { DangerSigns } from './DangerSigns.tsx';
import { TicketDuplicatesPanel } from './TicketDuplicatesPanel.tsx';
import { TicketForm } from './TicketForm.tsx';
import { TicketMap } from './TicketMap.tsx';
import { TicketOutcomeBanner } from './TicketOutcomeBanner.tsx';
import { TicketPanel } from './TicketPanel.tsx';
import { focusTicketField } from './focusTicketField.ts';
import { useCareServices } from './useCareServices.ts';
import { useTicketDeltas } from './useTicketDeltas.ts';
import { useTicketDesk } from './useTicketDesk.ts';
import { useTicketDuplicates } from './useTicketDuplicates.ts';
import { useTicketKeys } from './useTicketKeys.ts';
import { useTicketLookup } from './useTicketLookup.ts';
import './care.css';

interface TicketDeskProps {
  session: Session;
  live: LiveConnection;
  onSignOut: () => void;
}

/**
 * [CS1]–[CS5] The Care Connect agent's desk, keyboard-first like call-taking: the request (left), the map (a click
 * sets the place), and what to say (right): the reference to read back, the service's danger signs, open tickets
 * nearby that may be the same job, and a ticket found by its reference when a resident phones back.
 */
export function TicketDesk({ session, live, onSignOut }: TicketDeskProps) {
  const { catalogue, error: catalogueError } = useCareServices();
  const { city, error: cityError } = useCity();
  const indexes = useCityIndexes(city);
  const now = useNow(15_000);
  const desk = useTicketDesk(live.commands, session.userId, catalogue);
  const lookup = useTicketLookup(live.commands);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [isEscalating, setEscalating] = useState(false);
  const [escalatedTo, setEscalatedTo] = useState<string | null>(null);
  const mayEscalate = isCommandAllowed('ticket:escalate', session.role);
  const mayRecordCallbacks = isCommandAllowed('ticket:callback', session.role);

  // [CS5] The tickets on screen follow the live changes (another agent links a caller, the department closes it).
  const ticketVersion = useTicketDeltas(live.store, (tickets) => {
    for (const ticket of tickets) changed(ticket);
  });
  const draft = desk.draft;
  const duplicates = useTicketDuplicates(live.commands, draft?.serviceCode ?? null, draft?.position ?? null, ticketVersion);
  const selectedDuplicate = duplicates.find((d) => d.ticket.id === duplicateId) ?? duplicates[0] ?? null;
  const service = draft?.serviceCode && catalogue ? (catalogue.service(draft.serviceCode) ?? null) : null;

  /** The ticket on the right: one found by reference, else the one the last request ended in. */
  const shown: { ticket: Ticket; title: string } | null =
    lookup.lookup && 'ticket' in lookup.lookup ? { ticket: lookup.lookup.ticket, title: 'Ticket found by reference' } : desk.outcome ? { ticket: desk.outcome.ticket, title: desk.outcome.kind === 'created' ? 'Ticket created' : 'Caller linked to' } : null;

  function changed(ticket: Ticket) {
    lookup.refresh(ticket);
    desk.refreshOutcome(ticket);
  }

  function escalated(escalation: Escalation) {
    changed(escalation.ticket);
    setEscalatedTo(escalation.incident.reference);
    setEscalating(false);
  }

  function start(menuDigit: string | null) {
    if (!catalogue) return;
    flushSync(() => {
      desk.start(menuDigit);
      lookup.close();
      setDuplicateId(null);
      setEscalating(false);
      setEscalatedTo(null);
    });
    focusTicketField(menuDigit === null ? 'menu' : 'service');
  }

  useTicketKeys(draft !== null, catalogue?.file.phoneMenu.map((o) => o.digit) ?? [], {
    onStart: start,
    onCreate: () => void desk.create(),
    onLink: () => selectedDuplicate && void desk.link(selectedDuplicate.ticket.id),
    onMoveDuplicate: (step) => setDuplicateId(moveSelection(duplicates.map((d) => d.ticket.id), selectedDuplicate?.ticket.id ?? null, step)),
    onEscalate: () => shown && mayEscalate && shown.ticket.incidentId === null && setEscalating(true),
    onEscape: () => {
      if (isEscalating) setEscalating(false);
      else if (lookup.lookup) lookup.close();
      else if (desk.isDiscarding) desk.keepDraft();
      else if (draft) {
        desk.requestDiscard();
        focusTicketField('discard-confirm');
      } else if (desk.outcome) desk.clearOutcome();
    },
  });

  function handleLocationPick(position: LngLat) {
    if (draft) desk.update({ position, locationSource: 'map', locationText: formatLatLng(position) });
  }

  const mapTickets = useMemo(() => [...duplicates.map((d) => d.ticket), ...(shown ? [shown.ticket] : [])], [duplicates, shown]);

  return (
    <div className="console care-console" data-testid="ticket-desk">
      <StatusBar session={session} status={live.status} refusal={live.refusal} onSignOut={onSignOut}>
        <ReferenceSearch placeholder="Find CC-… ticket" label="Find a ticket by its reference" onSearch={(reference) => void lookup.find(reference)} onClose={lookup.close} />
      </StatusBar>
      {!catalogue ? (
        <div className="chooser">
          <p className="muted" data-testid="care-loading">
            {catalogueError ?? 'Loading the Care Connect services…'}
          </p>
        </div>
      ) : (
        <main className="board call-taking care-board">
          <div className="call-column">
            <TicketForm desk={desk} catalogue={catalogue} indexes={indexes}>
              {desk.outcome && <TicketOutcomeBanner outcome={desk.outcome} catalogue={catalogue} onDismiss={desk.clearOutcome} />}
            </TicketForm>
          </div>
          <section className="map-panel">
            {city ? (
              <TicketMap city={city} tickets={mapTickets} selectedId={shown?.ticket.id ?? selectedDuplicate?.ticket.id ?? null} now={now} pick={draft?.position ?? null} pickMode={draft !== null} followPick={draft?.locationSource !== 'map'} onLocationPick={handleLocationPick} />
            ) : (
              <div className="map-placeholder" data-testid="map-loading">
                {cityError ? `City map unavailable: ${cityError}. Retrying…` : 'Loading the city map…'}
              </div>
            )}
          </section>
          <aside className="side">
            {lookup.lookup && !('ticket' in lookup.lookup) && (
              <section className="panel lookup" data-testid="ticket-lookup">
                <header className="panel-head">
                  <h2>Reference lookup</h2>
                  <button type="button" className="small" onClick={lookup.close}>
                    Close <kbd>Esc</kbd>
                  </button>
                </header>
                {'isLoading' in lookup.lookup ? (
                  <p className="muted empty">Looking up {lookup.lookup.query}…</p>
                ) : (
                  <p className="error-text lookup-error" data-testid="ticket-lookup-error">
                    {lookup.lookup.error}
                  </p>
                )}
              </section>
            )}
            {service && <DangerSigns service={service} />}
            {draft && <TicketDuplicatesPanel duplicates={duplicates} catalogue={catalogue} selectedId={selectedDuplicate?.ticket.id ?? null} isSending={desk.isSending} onSelect={setDuplicateId} onLink={(id) => void desk.link(id)} />}
            {shown && (
              <TicketPanel
                key={shown.ticket.id}
                title={shown.title}
                ticket={shown.ticket}
                catalogue={catalogue}
                commands={live.commands}
                now={now}
                mayRecordCallbacks={mayRecordCallbacks}
                mayEscalate={mayEscalate}
                isEscalating={isEscalating}
                onEscalating={setEscalating}
                escalatedTo={escalatedTo}
                onEscalated={escalated}
                onChanged={changed}
                onClose={lookup.lookup ? lookup.close : desk.clearOutcome}
              />
            )}
            <div className="key-hints" data-testid="care-keyboard-hints">
              <span>
                <kbd>1</kbd>–<kbd>6</kbd>, <kbd>0</kbd> new request in that menu option · <kbd>N</kbd> any service
              </span>
              <span>
                <kbd>Ctrl</kbd>+<kbd>Enter</kbd> create ticket
              </span>
              <span>
                <kbd>Ctrl</kbd>+<kbd>L</kbd> link to duplicate
              </span>
              <span>
                <kbd>E</kbd> escalate to Emergency Connect
              </span>
              <span>
                <kbd>/</kbd> find CC- reference
              </span>
              <span>
                <kbd>Esc</kbd> clear
              </span>
            </div>
          </aside>
        </main>
      )}
    </div>
  );
}
