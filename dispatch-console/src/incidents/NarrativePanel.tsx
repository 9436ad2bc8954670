import { useEffect, useMemo, useRef } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { takesNotes } from '../../../shared/incidents/incidentNotes.ts';
import { incidentTimeline } from '../../../shared/incidents/incidentTimeline.ts';
import { NOTE_WINDOW_HOURS } from '../../../shared/incidents/noteSchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { narrativeTime } from './narrativeTime.ts';
import { NoteBox } from './NoteBox.tsx';
import { useIncidentNote } from './useIncidentNote.ts';
import { useNow } from './useNow.ts';
import { useCityZone } from '../time/cityZone.ts';

interface NarrativePanelProps {
  incident: Incident;
  commands: CommandClient;
  /** Whether this console's role may add notes (the incident itself may have stopped taking them). */
  mayNote: boolean;
  /** The incident as the server keeps it after a note (for a view the live board does not hold: a closed incident). */
  onNoted?: (incident: Incident) => void;
}

/**
 * [NR4][NR5] One incident's narrative for a desk: every event and note, oldest first with the newest at the
 * bottom (kept in view as lines arrive live), and the note box.
 */
export function NarrativePanel({ incident, commands, mayNote, onNoted }: NarrativePanelProps) {
  const timeZone = useCityZone();
  const now = useNow(60_000);
  const isTakingNotes = takesNotes(incident, now);
  const entries = useMemo(() => incidentTimeline(incident), [incident]);
  const note = useIncidentNote(commands, incident.id);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [entries.length, incident.id]);

  return (
    <section className="panel narrative" data-testid="narrative-panel" data-incident-id={incident.id} aria-label={`Narrative of ${incident.reference}`}>
      <header className="panel-head">
        <h2>Narrative</h2>
        <span className="muted small" data-testid="narrative-count">
          {incident.narrative.length} note{incident.narrative.length === 1 ? '' : 's'} · {incident.reference}
        </span>
      </header>
      <ol className="narrative-list" ref={list} data-testid="narrative-list">
        {entries.map((entry, i) => (
          <li key={`${entry.at}-${i}`} className={`narrative-entry kind-${entry.kind}`} data-testid="narrative-entry" data-kind={entry.kind}>
            <span className="narrative-time">{narrativeTime(entry.at, incident.createdAt, timeZone)}</span>
            <span className="narrative-body">
              <span className="narrative-who">{entry.who}</span> <span className="narrative-what">{entry.what}</span>
            </span>
          </li>
        ))}
      </ol>
      {mayNote && isTakingNotes && <NoteBox note={note} variant="desk" onNoted={onNoted} />}
      {mayNote && !isTakingNotes && (
        <p className="muted small narrative-closed" data-testid="narrative-closed">
          Closed more than {NOTE_WINDOW_HOURS} hours ago: it takes no more notes.
        </p>
      )}
    </section>
  );
}
