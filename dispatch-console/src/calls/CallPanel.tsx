import { flushSync } from 'react-dom';
import type { KeyboardEvent, ReactNode } from 'react';
import type { CallerHistory } from '../../../shared/callers/callerSchema.ts';
import { incidentType } from '../../../shared/incidents/incidentTypes.ts';
import type { CityIndexes } from '../map/useCityIndexes.ts';
import type { CallControls } from './useCall.ts';
import { answersForType } from './callDraft.ts';
import { focusField } from './focusField.ts';
import type { CallField } from './focusField.ts';
import { CallTimer } from './CallTimer.tsx';
import { CallerHistoryNotice } from './CallerHistoryNotice.tsx';
import { LocationInput } from './LocationInput.tsx';
import { TypePicker } from './TypePicker.tsx';
import { KeyQuestions } from './KeyQuestions.tsx';
import { DisposePanel } from './DisposePanel.tsx';
import { DiscardConfirm } from './DiscardConfirm.tsx';
import { LengthCounter } from './LengthCounter.tsx';
import { callbackWarning } from './callDraft.ts';
import { IncidentCreateInputSchema } from '../../../shared/incidents/incidentSchema.ts';

/** The limits the server holds the call's free text to (one schema), for the counters. */
const NOTES_MAX = IncidentCreateInputSchema.shape.notes.unwrap().maxLength ?? 2000;
const LANDMARK_MAX = IncidentCreateInputSchema.shape.locationNotes.unwrap().maxLength ?? 300;
/** [IC9] What the one-key "Withheld" choice writes into the number field (the server reads it as withheld). */
const WITHHELD_TEXT = 'Withheld';

interface CallPanelProps {
  call: CallControls;
  history: CallerHistory | null;
  indexes: CityIndexes | null;
  /** Shown between calls, above the "press N" line: the last call's outcome. */
  children?: ReactNode;
  /** [CS11] A non-emergency call may be referred to Care Connect as a ticket. */
  mayRefer?: boolean;
}

/** Enter in a one-line field goes on to the next field of the call. */
function nextOnEnter(next: CallField) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    focusField(next);
  };
}

/**
 * The call, field by field in the order it is taken: callback number (with the number's history), caller name,
 * location, landmark, type, key questions, notes. Keyboard-first: Enter goes on, Ctrl+Enter creates, Ctrl+D closes
 * the call with a disposition.
 */
export function CallPanel({ call, history, indexes, children, mayRefer = false }: CallPanelProps) {
  const { draft } = call;
  if (!draft) {
    return (
      <section className="panel call-panel" data-testid="call-panel" data-phase="idle">
        <header className="panel-head">
          <h2>Call</h2>
        </header>
        {children}
        <div className="idle-call">
          <button type="button" className="primary big" data-testid="start-call" onClick={call.start}>
            Answer a new call <kbd>N</kbd>
          </button>
          <p className="muted small">
            <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>F</kbd> finds an incident by its reference.
          </p>
        </div>
      </section>
    );
  }
  const type = draft.type;
  const warning = callbackWarning(draft);

  function chooseWithheld() {
    call.update({ callbackNumber: WITHHELD_TEXT });
    focusField('caller');
  }

  /** [IC9] W in the empty number field: the number is withheld; Enter goes on as in every field. */
  function handleCallbackKeys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key.toLowerCase() === 'w' && !event.ctrlKey && !event.altKey && !event.metaKey && event.currentTarget.value.trim() === '') {
      event.preventDefault();
      chooseWithheld();
      return;
    }
    nextOnEnter('caller')(event);
  }

  return (
    <section className="panel call-panel" data-testid="call-panel" data-phase="active">
      <header className="panel-head">
        <h2>Call in progress</h2>
        <CallTimer startedAt={draft.startedAt} />
      </header>
      {call.isRestored && (
        <div className="draft-restored" role="status" data-testid="draft-restored">
          Draft restored: this call was kept when the page reloaded. Carry on where you left off.
        </div>
      )}
      {call.pendingDiscard && <DiscardConfirm intent={call.pendingDiscard} onConfirm={call.confirmDiscard} onKeep={call.keepDraft} />}
      <div className="call-keys small muted">
        <kbd>Enter</kbd> next field · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> create · <kbd>Ctrl</kbd>+<kbd>D</kbd> no incident · <kbd>Esc</kbd> leave field
      </div>
      {call.isDisposing ? (
        <DisposePanel isSending={call.isSending} onDispose={(d, notes, referral) => void call.dispose(d, notes, referral)} onCancel={call.cancelDispose} mayRefer={mayRefer} callNotes={draft.notes} />
      ) : (
        <form className="capture" data-testid="create-form" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span className="field-label">
              <span>1 · Callback number</span>
              <span className="muted small">
                <kbd>W</kbd> withheld · empty if none
              </span>
            </span>
            <span className="field-row">
              <input
                data-field="callback"
                data-testid="create-callback"
                inputMode="tel"
                autoComplete="off"
                value={draft.callbackNumber}
                placeholder="082 555 0123"
                onChange={(e) => call.update({ callbackNumber: e.target.value })}
                onKeyDown={handleCallbackKeys}
              />
              <button type="button" tabIndex={-1} data-testid="callback-withheld" onClick={chooseWithheld}>
                Withheld
              </button>
            </span>
          </label>
          {warning && (
            <div className="callback-warning" role="status" data-testid="callback-warning">
              ⚠ {warning}
            </div>
          )}
          <CallerHistoryNotice history={history} />
          <label className="field">
            <span className="field-label">
              <span>2 · Caller name</span>
            </span>
            <input
              data-field="caller"
              data-testid="create-caller-name"
              autoComplete="off"
              placeholder="leave empty if the caller will not say"
              value={draft.callerName}
              onChange={(e) => call.update({ callerName: e.target.value })}
              onKeyDown={nextOnEnter('location')}
            />
          </label>
          <LocationInput
            text={draft.locationText}
            position={draft.position}
            source={draft.locationSource}
            gazetteer={indexes?.gazetteer ?? null}
            areas={indexes?.areas ?? null}
            cityArea={indexes?.cityArea ?? null}
            cityWords={indexes?.cityWords}
            onChange={call.update}
            onDone={() => focusField('landmark')}
          />
          <label className="field">
            <span className="field-label">
              <span>4 · Landmark / access notes</span>
              <LengthCounter value={draft.locationNotes} max={LANDMARK_MAX} testId="landmark-counter" />
            </span>
            <input
              data-field="landmark"
              data-testid="create-location-notes"
              autoComplete="off"
              value={draft.locationNotes}
              placeholder="corner, gate code, what to look for"
              onChange={(e) => call.update({ locationNotes: e.target.value })}
              onKeyDown={nextOnEnter('type')}
            />
          </label>
          <TypePicker
            type={type}
            onChoose={(chosen) => {
              // Render the key questions now, so focus moves before the caller's next key arrives.
              flushSync(() => call.update({ type: chosen, answers: answersForType(chosen, draft.answers) }));
              focusField(incidentType(chosen).questions.length > 0 ? 'questions' : 'notes');
            }}
          />
          {type !== null && (
            <KeyQuestions key={type} type={type} answers={draft.answers} onAnswer={(answers) => call.update({ answers })} onDone={() => focusField('notes')} />
          )}
          <label className="field">
            <span className="field-label">
              <span>7 · Notes</span>
              <LengthCounter value={draft.notes} max={NOTES_MAX} testId="notes-counter" />
            </span>
            <textarea data-field="notes" data-testid="create-notes" rows={2} value={draft.notes} onChange={(e) => call.update({ notes: e.target.value })} />
          </label>
          {call.error && (
            <p className="error-text" data-testid="create-error">
              {call.error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" data-testid="create-submit" disabled={call.isSending} onClick={() => void call.create()}>
              {call.isSending ? 'Sending…' : 'Create incident'} <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" data-testid="dispose-start" onClick={call.beginDispose}>
              No incident… <kbd>Ctrl+D</kbd>
            </button>
          </div>
        </form>
      )}
      {call.isDisposing && call.error && (
        <p className="error-text" data-testid="create-error">
          {call.error}
        </p>
      )}
    </section>
  );
}
