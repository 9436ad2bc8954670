import type { Incident } from './incidentSchema.ts';
import { NOTE_WINDOW_MS, type IncidentNote } from './noteSchema.ts';

/** [NR2] Whether an incident takes notes at `now`: while open, and for `NOTE_WINDOW_HOURS` after its close. */
export function takesNotes(incident: Pick<Incident, 'status' | 'closedAt'>, now: number): boolean {
  if (incident.status !== 'closed') return true;
  return incident.closedAt !== null && now - incident.closedAt <= NOTE_WINDOW_MS;
}

/** [NR1] The incident with one more note at the end of its narrative; notes are never removed, so the count numbers them. */
export function withNote(incident: Incident, note: Omit<IncidentNote, 'id'>): Incident {
  return { ...incident, narrative: [...incident.narrative, { id: `n${incident.narrative.length + 1}`, ...note }] };
}
