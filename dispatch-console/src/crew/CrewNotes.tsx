import { useMemo, useState } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { incidentTimeline } from '../../../shared/incidents/incidentTimeline.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { narrativeTime } from '../incidents/narrativeTime.ts';
import { NoteBox } from '../incidents/NoteBox.tsx';
import { useIncidentNote } from '../incidents/useIncidentNote.ts';
import { useCityZone } from '../time/cityZone.ts';

/** How many narrative lines the phone shows before "Show all": the latest matter on the road. */
const RECENT_LINES = 6;

/**
 * [NR5] The crew's notes on its current job: a box to tell the control room (large, for a phone) and the job's
 * narrative, newest first and compact. Notes from the desks arrive live with the incident.
 */
export function CrewNotes({ incident, commands }: { incident: Incident; commands: CommandClient }) {
  const timeZone = useCityZone();
  const note = useIncidentNote(commands, incident.id);
  const [isShowingAll, setShowingAll] = useState(false);
  const entries = useMemo(() => incidentTimeline(incident).reverse(), [incident]);
  const shown = isShowingAll ? entries : entries.slice(0, RECENT_LINES);

  return (
    <section className="crew-card crew-notes" data-testid="crew-notes-card" data-incident-id={incident.id}>
      <h3>Notes &amp; narrative</h3>
      <NoteBox note={note} variant="crew" />
      <ol className="crew-narrative" data-testid="crew-narrative">
        {shown.map((entry, i) => (
          <li key={`${entry.at}-${i}`} className={`crew-narrative-entry kind-${entry.kind}`} data-testid="crew-narrative-entry" data-kind={entry.kind}>
            <span className="crew-narrative-head">
              {narrativeTime(entry.at, incident.createdAt, timeZone)} · {entry.who}
            </span>
            <span className="crew-narrative-what">{entry.what}</span>
          </li>
        ))}
      </ol>
      {entries.length > RECENT_LINES && (
        <button type="button" className="crew-secondary wide" data-testid="crew-narrative-toggle" onClick={() => setShowingAll((all) => !all)}>
          {isShowingAll ? 'Show the latest only' : `Show all ${entries.length}`}
        </button>
      )}
    </section>
  );
}
