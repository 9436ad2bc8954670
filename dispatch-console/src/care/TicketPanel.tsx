import type { ReactNode } from 'react';
import type { CareCatalogue } from '../../../shared/tickets/careServiceSchema.ts';
import { isTicketClosed, type Escalation, type Ticket } from '../../../shared/tickets/ticketSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { CallbackList } from './CallbackList.tsx';
import { EscalateForm } from './EscalateForm.tsx';
import { TicketView } from './TicketView.tsx';

interface TicketPanelProps {
  title: string;
  ticket: Ticket;
  catalogue: CareCatalogue;
  commands: CommandClient;
  now: number;
  mayRecordCallbacks: boolean;
  mayEscalate: boolean;
  isEscalating: boolean;
  onEscalating: (isOpen: boolean) => void;
  /** The incident the last escalation created, to name it. */
  escalatedTo: string | null;
  onEscalated: (escalation: Escalation) => void;
  onChanged: (ticket: Ticket) => void;
  onClose?: () => void;
  /** A department's status form, under the escalation. */
  children?: ReactNode;
}

/** [CS4][CS5][CS7] A ticket on screen with what this role may do to it: record callbacks, escalate, change its state. */
export function TicketPanel(props: TicketPanelProps) {
  const { ticket, catalogue, commands, now } = props;
  const canEscalate = props.mayEscalate && !isTicketClosed(ticket.status) && ticket.incidentId === null;
  return (
    <section className="panel ticket-panel" data-testid="ticket-panel" aria-label={props.title}>
      <header className="panel-head">
        <h2>{props.title}</h2>
        {props.onClose && (
          <button type="button" className="small" data-testid="ticket-panel-close" onClick={props.onClose}>
            Close <kbd>Esc</kbd>
          </button>
        )}
      </header>
      <TicketView ticket={ticket} catalogue={catalogue} now={now}>
        {props.escalatedTo && props.escalatedTo === ticket.incidentId && (
          <div className="ok-text escalated-banner" role="status" data-testid="escalated-banner">
            Emergency Connect incident <strong>{props.escalatedTo}</strong> created: the emergency desks have it now.
          </div>
        )}
        {canEscalate &&
          (props.isEscalating ? (
            <EscalateForm ticket={ticket} commands={commands} onEscalated={props.onEscalated} onCancel={() => props.onEscalating(false)} />
          ) : (
            <div className="ticket-section">
              <button type="button" className="danger" data-testid="escalate-open" onClick={() => props.onEscalating(true)}>
                Escalate to Emergency Connect… <kbd>E</kbd>
              </button>
              {!ticket.location && <span className="muted small"> (an emergency needs a place: this ticket has none)</span>}
            </div>
          ))}
        <CallbackList ticket={ticket} commands={commands} now={now} mayRecord={props.mayRecordCallbacks} onChanged={props.onChanged} />
        {props.children}
      </TicketView>
    </section>
  );
}
