import type { KeyboardEvent } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { NOTE_MAX_LENGTH } from '../../../shared/incidents/noteSchema.ts';
import { LengthCounter } from '../calls/LengthCounter.tsx';
import type { IncidentNoteBox } from './useIncidentNote.ts';

interface NoteBoxProps {
  note: IncidentNoteBox;
  /** `desk`: Enter adds the note (Shift+Enter a new line); `crew`: a phone's Enter makes a new line, the big button adds. */
  variant: 'desk' | 'crew';
  onNoted?: (incident: Incident) => void;
}

/** [NR5] Where a note is written: the text, its length against the limit, and Add. Ctrl+Enter adds it everywhere. */
export function NoteBox({ note, variant, onNoted }: NoteBoxProps) {
  const isCrew = variant === 'crew';

  function add() {
    void note.send().then((incident) => {
      if (incident) onNoted?.(incident);
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
    if (isCrew && !event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    // Ctrl+Enter is also "create the incident" while a call is open: in the note box it adds the note only.
    event.stopPropagation();
    add();
  }

  const isEmpty = note.text.trim().length === 0;
  return (
    <form
      className={`note-box note-box-${variant}`}
      data-testid="note-box"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <label className="field">
        <span className="field-label">
          <span>Add a note</span>
          <LengthCounter value={note.text} max={NOTE_MAX_LENGTH} testId="note-counter" />
        </span>
        <textarea
          data-testid="note-text"
          rows={isCrew ? 3 : 2}
          value={note.text}
          placeholder={isCrew ? 'What the control room should know' : 'What every desk on this incident should know'}
          onChange={(event) => note.setText(event.target.value)}
          onKeyDown={handleKeyDown}
        />
      </label>
      {note.error && (
        <p className="error-text" role="alert" data-testid="note-error">
          {note.error}
        </p>
      )}
      <button type="submit" className={isCrew ? 'crew-secondary wide note-add' : 'primary note-add'} data-testid="note-add" disabled={isEmpty || note.isSending}>
        {note.isSending ? 'Adding…' : 'Add note'}
        {!isCrew && !note.isSending && <kbd>Enter</kbd>}
      </button>
    </form>
  );
}
