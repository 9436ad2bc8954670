import { flushSync } from 'react-dom';
import type { KeyboardEvent, ReactNode } from 'react';
import type { CareCatalogue, CareService } from '../../../shared/tickets/careServiceSchema.ts';
import { TICKET_CHANNEL_LABELS, TicketCreateInputSchema } from '../../../shared/tickets/ticketSchema.ts';
import type { CityIndexes } from '../map/useCityIndexes.ts';
import { LocationInput } from '../calls/LocationInput.tsx';
import { LengthCounter } from '../calls/LengthCounter.tsx';
import { CallTimer } from '../calls/CallTimer.tsx';
import { ExtraFields } from './ExtraFields.tsx';
import { PhoneMenu } from './PhoneMenu.tsx';
import { ServicePicker } from './ServicePicker.tsx';
import { DESK_CHANNELS, ticketCallbackWarning, type DeskChannel } from './ticketDraft.ts';
import { focusTicketField, hasTicketField, type TicketField } from './focusTicketField.ts';
import type { TicketDeskControls } from './useTicketDesk.ts';

/** The limits the server holds the request's free text to (one schema), for the counters. */
const DESCRIPTION_MAX = TicketCreateInputSchema.shape.description.maxLength ?? 2000;
const ADDRESS_MAX = TicketCreateInputSchema.shape.address.unwrap().maxLength ?? 200;
/** [IC9] What the one-key "Withheld" choice writes into the number field. */
const WITHHELD_TEXT = 'Withheld';

interface TicketFormProps {
  desk: TicketDeskControls;
  catalogue: CareCatalogue;
  indexes: CityIndexes | null;
  /** Shown between requests, above the "press a menu digit" line: the last request's outcome. */
  children?: ReactNode;
}

function nextOnEnter(next: () => void) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    next();
  };
}

/**
 * [CS1] One Care Connect request, field by field in the order it is taken: the menu option the caller chose, the
 * service (searched within that option's group), the caller and how to reach them, the service's own fields, the
 * place, what is wrong, and how the request came in. Keyboard-first: Enter goes on, Ctrl+Enter creates the ticket.
 */
export function TicketForm({ desk, catalogue, indexes, children }: TicketFormProps) {
  const { draft } = desk;
  const menu = catalogue.file.phoneMenu;

  function startWith(digit: string | null) {
    flushSync(() => desk.start(digit));
    focusTicketField(digit === null ? 'menu' : 'service');
  }

  if (!draft) {
    return (
      <section className="panel call-panel care-form" data-testid="care-form" data-phase="idle">
        <header className="panel-head">
          <h2>{catalogue.file.line.name} · {catalogue.file.line.phone}</h2>
        </header>
        {children}
        <div className="idle-call">
          <p className="muted">A new request: press the menu option the caller chose.</p>
          <div className="care-menu idle">
            {menu.map((option) => (
              <button type="button" key={option.digit} className="care-menu-option" data-testid={`care-start-${option.digit}`} onClick={() => startWith(option.digit)}>
                <kbd>{option.digit}</kbd> {option.label}
              </button>
            ))}
            <button type="button" className="care-menu-option" data-testid="care-start" onClick={() => startWith(null)}>
              <kbd>N</kbd> No option / walk-in
            </button>
          </div>
          <p className="muted small">
            <kbd>/</kbd> finds a ticket by its reference (CC-…) when a resident phones back.
          </p>
        </div>
      </section>
    );
  }

  const option = menu.find((o) => o.digit === draft.menuDigit) ?? null;
  const service = draft.serviceCode ? (catalogue.service(draft.serviceCode) ?? null) : null;
  const warning = ticketCallbackWarning(draft);
  const afterContact: TicketField = 'extra';
  const goAfterContact = () => focusTicketField(hasTicketField(afterContact) ? afterContact : 'location');

  function chooseService(chosen: CareService) {
    flushSync(() => desk.update({ serviceCode: chosen.code, extra: chosen.code === draft?.serviceCode ? draft.extra : {} }));
    focusTicketField('callback');
  }

  function chooseWithheld() {
    desk.update({ callbackNumber: WITHHELD_TEXT });
    focusTicketField('caller');
  }

  function handleCallbackKeys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key.toLowerCase() === 'w' && !event.ctrlKey && !event.altKey && !event.metaKey && event.currentTarget.value.trim() === '') {
      event.preventDefault();
      chooseWithheld();
      return;
    }
    nextOnEnter(() => focusTicketField('caller'))(event);
  }

  return (
    <section className="panel call-panel care-form" data-testid="care-form" data-phase="active">
      <header className="panel-head">
        <h2>New request</h2>
        <label className="care-channel">
          <span className="muted small">Came by</span>
          <select data-field="channel" data-testid="care-channel" value={draft.channel} onChange={(e) => desk.update({ channel: DESK_CHANNELS.find((c) => c === e.target.value) ?? 'phone' })}>
            {DESK_CHANNELS.map((channel: DeskChannel) => (
              <option key={channel} value={channel}>
                {TICKET_CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
        </label>
        <CallTimer startedAt={draft.startedAt} />
      </header>
      {desk.isRestored && (
        <div className="draft-restored" role="status" data-testid="care-draft-restored">
          Draft restored: this request was kept when the page reloaded. Carry on where you left off.
        </div>
      )}
      {desk.isDiscarding && <TicketDiscardConfirm onConfirm={desk.confirmDiscard} onKeep={desk.keepDraft} />}
      <div className="call-keys small muted">
        <kbd>Enter</kbd> next field · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> create ticket · <kbd>Ctrl</kbd>+<kbd>L</kbd> link to a duplicate · <kbd>Esc</kbd> leave field
      </div>
      <form className="capture" data-testid="care-create-form" onSubmit={(e) => e.preventDefault()}>
        <PhoneMenu
          menu={menu}
          digit={draft.menuDigit}
          onChoose={(digit) => {
            flushSync(() => desk.update({ menuDigit: digit }));
            focusTicketField('service');
          }}
        />
        <ServicePicker catalogue={catalogue} group={option?.group ?? null} groupLabel={option?.label ?? null} service={service} onChoose={chooseService} />
        <label className="field">
          <span className="field-label">
            <span>3 · Callback number</span>
            <span className="muted small">
              <kbd>W</kbd> withheld · empty if none
            </span>
          </span>
          <span className="field-row">
            <input data-field="callback" data-testid="care-callback" inputMode="tel" autoComplete="off" value={draft.callbackNumber} placeholder="082 555 0123" onChange={(e) => desk.update({ callbackNumber: e.target.value })} onKeyDown={handleCallbackKeys} />
            <button type="button" tabIndex={-1} data-testid="care-callback-withheld" onClick={chooseWithheld}>
              Withheld
            </button>
          </span>
        </label>
        {warning && (
          <div className="callback-warning" role="status" data-testid="care-callback-warning">
            ⚠ {warning}
          </div>
        )}
        <label className="field">
          <span className="field-label">
            <span>4 · Caller name</span>
          </span>
          <input data-field="caller" data-testid="care-caller-name" autoComplete="off" placeholder="leave empty if the caller will not say" value={draft.callerName} onChange={(e) => desk.update({ callerName: e.target.value })} onKeyDown={nextOnEnter(() => focusTicketField('email'))} />
        </label>
        <label className="field">
          <span className="field-label">
            <span>5 · Email (optional)</span>
          </span>
          <input data-field="email" data-testid="care-email" type="email" autoComplete="off" placeholder="name@example.com" value={draft.email} onChange={(e) => desk.update({ email: e.target.value })} onKeyDown={nextOnEnter(goAfterContact)} />
        </label>
        {service && <ExtraFields service={service} values={draft.extra} isFinal={desk.error !== null} onChange={(extra) => desk.update({ extra })} onDone={() => focusTicketField('location')} />}
        <LocationInput
          label={`6 · Location${service && !service.needsLocation ? ' (optional)' : ''} — place, street, corner, address or coordinates`}
          text={draft.locationText}
          position={draft.position}
          source={draft.locationSource}
          gazetteer={indexes?.gazetteer ?? null}
          areas={indexes?.areas ?? null}
          cityArea={indexes?.cityArea ?? null}
          cityWords={indexes?.cityWords}
          onChange={desk.update}
          onDone={() => focusTicketField('address')}
        />
        <label className="field">
          <span className="field-label">
            <span>7 · Address / landmark</span>
            <LengthCounter value={draft.address} max={ADDRESS_MAX} testId="care-address-counter" />
          </span>
          <input data-field="address" data-testid="care-address" autoComplete="off" placeholder="house number, street, suburb; what to look for" value={draft.address} onChange={(e) => desk.update({ address: e.target.value })} onKeyDown={nextOnEnter(() => focusTicketField('description'))} />
        </label>
        <label className="field">
          <span className="field-label">
            <span>8 · What is wrong</span>
            <LengthCounter value={draft.description} max={DESCRIPTION_MAX} testId="care-description-counter" />
          </span>
          <textarea data-field="description" data-testid="care-description" rows={3} value={draft.description} placeholder="in the caller's words: what, since when, how bad" onChange={(e) => desk.update({ description: e.target.value })} />
        </label>
        {desk.error && (
          <p className="error-text" data-testid="care-create-error">
            {desk.error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="primary" data-testid="care-create" disabled={desk.isSending} onClick={() => void desk.create()}>
            {desk.isSending ? 'Sending…' : 'Create ticket'} <kbd>Ctrl+Enter</kbd>
          </button>
          <button
            type="button"
            data-testid="care-discard"
            onClick={() => {
              desk.requestDiscard();
              focusTicketField('discard-confirm');
            }}
          >
            Discard… <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </section>
  );
}

/** [CS2] The confirm step before a request's draft is thrown away: Enter or Y discards, Esc or N keeps it. */
function TicketDiscardConfirm({ onConfirm, onKeep }: { onConfirm: () => void; onKeep: () => void }) {
  function handleKeys(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'enter' || key === 'y') onConfirm();
    else if (key === 'escape' || key === 'n') onKeep();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }
  return (
    <div className="discard-confirm" role="alertdialog" aria-labelledby="care-discard-title" tabIndex={0} data-field="discard-confirm" data-own-keys="" data-testid="care-discard-confirm" onKeyDown={handleKeys}>
      <strong id="care-discard-title">Discard this request? No ticket has been created.</strong>
      <div className="small">Its details will be lost and the caller has no reference.</div>
      <div className="actions">
        <button type="button" className="danger" data-testid="care-discard-yes" onClick={onConfirm}>
          Discard the request <kbd>Enter</kbd>
        </button>
        <button type="button" data-testid="care-discard-no" onClick={onKeep}>
          Keep it <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
