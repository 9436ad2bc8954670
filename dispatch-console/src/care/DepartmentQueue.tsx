import { useEffect, useMemo, useState } from 'react';
import type { Session } from '../../../shared/auth/roles.ts';
import type { CareCatalogue } from '../../../shared/tickets/careServiceSchema.ts';
import type { Escalation, Ticket } from '../../../shared/tickets/ticketSchema.ts';
import { isCommandAllowed } from '../../../shared/protocol/contract.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { ownsKeys } from '../calls/focusField.ts';
import { moveSelection } from '../incidents/queueOrder.ts';
import { useNow } from '../incidents/useNow.ts';
import { useCity } from '../map/useCity.ts';
import { TicketMap } from './TicketMap.tsx';
import { TicketPanel } from './TicketPanel.tsx';
import { TicketQueueList } from './TicketQueueList.tsx';
import { TicketUpdateForm } from './TicketUpdateForm.tsx';
import { filterTickets, orderTickets, type TicketFilter } from './ticketQueueOrder.ts';
import { useTicketDeltas } from './useTicketDeltas.ts';
import { useTicketQueue } from './useTicketQueue.ts';

/** Closed tickets stay in the queue this long: their callbacks may still be owed. */
const CLOSED_SHOWN_DAYS = 7;

interface DepartmentQueueProps {
  session: Session;
  live: LiveConnection;
  catalogue: CareCatalogue;
  department: string;
  /** A supervisor's board shows the map only for the department it opened. */
  showMap?: boolean;
}

/**
 * [CS6][CS7] A department's queue: its tickets, overdue ones and overdue callbacks first and highlighted, filtered
 * by state and words; a map of them; the selected ticket with its history, callbacks (made or failed), its next
 * state with a public and an internal note, a new expected date, and escalation to Emergency Connect. The queue is
 * read again whenever one of its tickets changes. Keys: ↑/↓ (k/j) move, / filters, U moves it on, E escalates.
 */
export function DepartmentQueue({ session, live, catalogue, department, showMap = true }: DepartmentQueueProps) {
  const { city, error: cityError } = useCity();
  const now = useNow(30_000);
  const ticketVersion = useTicketDeltas(live.store);
  const queue = useTicketQueue(live.commands, session.role === 'department_officer' ? undefined : department, CLOSED_SHOWN_DAYS, ticketVersion, live.status === 'connected');
  const [filter, setFilter] = useState<TicketFilter>({ status: 'all', text: '' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [isEscalating, setEscalating] = useState(false);
  const [escalatedTo, setEscalatedTo] = useState<string | null>(null);
  const ordered = useMemo(() => orderTickets(queue.tickets, now), [queue.tickets, now]);
  const shown = useMemo(() => filterTickets(ordered, filter, (code) => catalogue.service(code)?.name ?? code), [ordered, filter, catalogue]);
  const selected = selectedId ? (queue.tickets.find((t) => t.id === selectedId) ?? null) : null;
  const mayUpdate = isCommandAllowed('ticket:update', session.role);
  const departmentName = catalogue.department(department)?.name ?? department;

  useEffect(() => {
    setEscalating(false);
  }, [selectedId]);

  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (ownsKeys(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      const ids = shown.map((t) => t.id);
      if (event.key === 'ArrowDown' || event.key === 'j') setSelectedId((id) => moveSelection(ids, id, 1));
      else if (event.key === 'ArrowUp' || event.key === 'k') setSelectedId((id) => moveSelection(ids, id, -1));
      else if (event.key === '/') document.querySelector<HTMLElement>('[data-field="ticket-filter"]')?.focus();
      else if (event.key === 'u' || event.key === 'U') document.querySelector<HTMLElement>('[data-field="ticket-status"]')?.focus();
      else if ((event.key === 'e' || event.key === 'E') && selected && selected.incidentId === null) setEscalating(true);
      else if (event.key === 'Escape') {
        if (isEscalating) setEscalating(false);
        else setSelectedId(null);
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [shown, selected, isEscalating]);

  function changed(ticket: Ticket) {
    queue.replace(ticket);
  }

  function escalated(escalation: Escalation) {
    queue.replace(escalation.ticket);
    setEscalatedTo(escalation.incident.reference);
    setEscalating(false);
  }

  const openTickets = useMemo(() => queue.tickets.filter((t) => t.closedAt === null), [queue.tickets]);
  return (
    <main className={showMap ? 'board care-queue-board' : 'board care-queue-board no-map'} data-testid="department-queue" data-department={department}>
      <TicketQueueList
        title={`${departmentName} · tickets`}
        tickets={shown}
        total={queue.tickets.length}
        catalogue={catalogue}
        selectedId={selectedId}
        now={now}
        filter={filter}
        onFilter={setFilter}
        onSelect={setSelectedId}
      />
      {showMap && (
        <section className="map-panel">
          {city ? (
            <TicketMap city={city} tickets={openTickets} selectedId={selectedId} now={now} onTicketClick={setSelectedId} />
          ) : (
            <div className="map-placeholder" data-testid="map-loading">
              {cityError ? `City map unavailable: ${cityError}. Retrying…` : 'Loading the city map…'}
            </div>
          )}
        </section>
      )}
      <aside className="side">
        {queue.error && (
          <p className="error-text" data-testid="ticket-queue-error">
            {queue.error}
          </p>
        )}
        {selected ? (
          <TicketPanel
            key={selected.id}
            title="Selected ticket"
            ticket={selected}
            catalogue={catalogue}
            commands={live.commands}
            now={now}
            mayRecordCallbacks={isCommandAllowed('ticket:callback', session.role)}
            mayEscalate={isCommandAllowed('ticket:escalate', session.role)}
            isEscalating={isEscalating}
            onEscalating={setEscalating}
            escalatedTo={escalatedTo}
            onEscalated={escalated}
            onChanged={changed}
            onClose={() => setSelectedId(null)}
          >
            {mayUpdate && <TicketUpdateForm key={`${selected.id}:${selected.status}:${selected.history.length}`} ticket={selected} commands={live.commands} onUpdated={changed} />}
          </TicketPanel>
        ) : (
          <section className="panel">
            <p className="muted empty">Select a ticket in the queue or on the map.</p>
          </section>
        )}
        <div className="key-hints" data-testid="queue-keyboard-hints">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd>/<kbd>k</kbd>
            <kbd>j</kbd> move
          </span>
          <span>
            <kbd>/</kbd> filter
          </span>
          {mayUpdate && (
            <span>
              <kbd>U</kbd> move it on · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> save
            </span>
          )}
          <span>
            <kbd>E</kbd> escalate
          </span>
          <span>
            <kbd>Esc</kbd> clear
          </span>
        </div>
      </aside>
    </main>
  );
}
