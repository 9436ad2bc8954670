import type { Actor, Session } from '../../shared/auth/roles.ts';
import { takesNotes, withNote } from '../../shared/incidents/incidentNotes.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { MAX_NOTES_PER_INCIDENT, NOTE_WINDOW_HOURS, type IncidentAddNoteInput, type NoteAuthor } from '../../shared/incidents/noteSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, untilSettled, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { firstIncident } from './createIncident.ts';
import { readIncident } from './readIncident.ts';

/**
 * [NR1][NR2] Adds a free-text note to an incident's narrative, with who wrote it and from which desk or vehicle:
 * the document, its revision and the journal entry (`incident:note_added`) change in one atomic step. Who may
 * note which incident is the contract's per-record rule (a desk its incidents, a crew its vehicle's).
 */
export function addIncidentNote(ctx: CadContext, input: IncidentAddNoteInput, actor: Actor, session: Session | null): Promise<CommandOutcome<Incident>> {
  return untilSettled(async () => {
    const current = await readIncident(ctx, input.incidentId);
    if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
    const { incident } = current;
    const now = ctx.now();
    if (!takesNotes(incident, now)) {
      return refusal('note_window_passed', `${incident.reference} closed more than ${NOTE_WINDOW_HOURS} hours ago; it takes no more notes`);
    }
    if (incident.narrative.length >= MAX_NOTES_PER_INCIDENT) {
      return refusal('incident_notes_full', `${incident.reference} already has ${MAX_NOTES_PER_INCIDENT} notes, the most an incident keeps`);
    }
    const next = withNote(incident, { at: now, by: noteAuthor(actor, session, incident), text: input.text });
    const { keys } = ctx;
    const reply = await SCRIPTS.updateIncident.run(
      ctx.redis,
      [keys.command(input.commandId), keys.incident(incident.id), keys.journal, keys.version],
      ['incident:add_note', current.rev, JSON.stringify(next), now, JSON.stringify(actor), 'incident:note_added'],
    );
    return parseScriptAnswer(reply);
  }, firstIncident);
}

/** Who wrote a note: a dispatcher's desk, or a crew's vehicle with its call sign as committed to the incident. */
function noteAuthor(actor: Actor, session: Session | null, incident: Incident): NoteAuthor {
  const author: NoteAuthor = { operatorId: actor.operatorId, role: actor.role };
  if (session?.role === 'dispatcher' && session.desk) author.desk = session.desk;
  if (actor.unitId) {
    author.unitId = actor.unitId;
    const callSign = incident.assignments.find((a) => a.unitId === actor.unitId)?.callSign;
    if (callSign) author.callSign = callSign;
  }
  return author;
}
