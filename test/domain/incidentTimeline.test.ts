import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/auth/roles.ts';
import { buildIncident, closedIncident, withAcknowledgedUnit, withAssignedUnits, withClearedUnit, withStatusStep } from '../../shared/incidents/incidentLifecycle.ts';
import { takesNotes, withNote } from '../../shared/incidents/incidentNotes.ts';
import { NOTE_MAX_LENGTH, NOTE_WINDOW_MS, NoteTextSchema } from '../../shared/incidents/noteSchema.ts';
import { IncidentCreateInputSchema, IncidentSchema, type Incident } from '../../shared/incidents/incidentSchema.ts';
import { incidentTimeline, noteAuthorLabel, UNRECORDED } from '../../shared/incidents/incidentTimeline.ts';
import { reclassifiedIncident, releasedIncident, reopenedIncident } from '../../shared/incidents/lifecycleSteps.ts';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';
import { incidentInput } from '../support/builders.ts';

const T0 = Date.UTC(2026, 4, 12, 8, 0, 0);
const min = (n: number): number => T0 + n * 60_000;

const CALL_TAKER: Actor = { role: 'call_taker', operatorId: 'thandi' };
const DESK: Actor = { role: 'dispatcher', operatorId: 'sipho', agency: 'ems' };
const CREW = 'bongani';
const ALS = { id: 'als-a01', callSign: 'ALS-A01', kind: 'als' } as const;
const BLS = { id: 'bls-a02', callSign: 'BLS-A02', kind: 'bls' } as const;

/** A new medical emergency, as `incident:create` builds it. */
function newIncident(): Incident {
  const input = IncidentCreateInputSchema.parse(incidentInput({ callStartedAt: min(-2) }));
  return { ...buildIncident(input, { ward: 60, region: 'F', isInsideMetro: true }, CALL_TAKER, min(0)), id: 'EC-260512-0001-4', reference: 'EC-260512-0001-4' };
}

/** An incident's whole day through the same pure steps the server commits. */
function workedIncident(): Incident {
  let incident = newIncident();
  incident = { ...incident, additionalCallers: [{ callerName: null, callbackNumber: null, callbackStatus: 'withheld', notes: 'neighbour', linkedAt: min(1), linkedBy: 'lindiwe' }] };
  incident = withAssignedUnits(incident, [ALS, BLS], DESK, min(2));
  incident = withAcknowledgedUnit(incident, ALS.id, min(3), CREW);
  incident = withStatusStep(incident, ALS.id, { status: 'en_route', at: min(3), by: CREW });
  incident = withNote(incident, { at: min(4), by: { operatorId: 'thandi', role: 'call_taker' }, text: 'Caller rang back: patient now unconscious' });
  incident = reclassifiedIncident(incident, { priority: 'echo', reason: 'patient unconscious' }, DESK, min(5));
  incident = releasedIncident(incident, { unitId: UnitIdSchema.parse(BLS.id), reason: 'not_needed', note: 'ALS enough' }, DESK, min(6));
  incident = withStatusStep(incident, ALS.id, { status: 'on_scene', at: min(9), by: CREW });
  incident = withNote(incident, { at: min(10), by: { operatorId: CREW, role: 'crew', unitId: ALS.id, callSign: ALS.callSign }, text: 'CPR in progress.\nDefib x2.' });
  incident = withStatusStep(incident, ALS.id, { status: 'transporting', at: min(20), by: CREW, to: 'Helen Joseph Hospital' });
  incident = withStatusStep(incident, ALS.id, { status: 'at_hospital', at: min(35), by: CREW });
  incident = withClearedUnit(withStatusStep(incident, ALS.id, { status: 'available', at: min(50), by: CREW }), ALS.id, min(50));
  incident = closedIncident(incident, { disposition: 'transported', note: 'handed over at resus' }, DESK, min(52));
  return withNote(incident, { at: min(70), by: { operatorId: 'sipho', role: 'dispatcher', desk: 'ems' }, text: 'Hospital: patient stable' });
}

describe('[NR4] the narrative of an incident', () => {
  it('[NR4] lists every event of the document, oldest first, with who and what', () => {
    const lines = incidentTimeline(workedIncident()).map(({ at, who, what, kind }) => [(at - T0) / 60_000, kind, who, what]);
    expect(lines).toEqual([
      [-2, 'call', 'thandi', 'Call answered'],
      [0, 'created', 'thandi', 'Incident created: Serious medical emergency (other), Delta'],
      [1, 'caller', 'lindiwe', 'Another caller linked: Unknown caller'],
      [2, 'assigned', 'sipho', 'ALS-A01 assigned'],
      [2, 'assigned', 'sipho', 'BLS-A02 assigned'],
      [3, 'acknowledged', 'bongani', 'ALS-A01 acknowledged'],
      [3, 'status', 'bongani', 'ALS-A01 en route'],
      [4, 'note', 'thandi · Call taker', 'Caller rang back: patient now unconscious'],
      [5, 'reclassified', 'sipho', 'Changed from Serious medical emergency (other), Delta to Serious medical emergency (other), Echo: patient unconscious'],
      [6, 'released', 'sipho', 'BLS-A02 released: Not needed: ALS enough'],
      [9, 'status', 'bongani', 'ALS-A01 on scene'],
      [10, 'note', 'bongani · ALS-A01', 'CPR in progress.\nDefib x2.'],
      [20, 'status', 'bongani', 'ALS-A01 transporting to Helen Joseph Hospital'],
      [35, 'status', 'bongani', 'ALS-A01 at hospital'],
      [50, 'cleared', 'bongani', 'ALS-A01 cleared: available'],
      [52, 'closed', 'sipho', 'Closed: Transported · handed over at resus'],
      [70, 'note', 'sipho · EMS dispatch', 'Hospital: patient stable'],
    ]);
  });

  it('[NR4] a cancel, a reopen and an earlier close keep their own words', () => {
    let incident = newIncident();
    incident = closedIncident(incident, { disposition: 'false_alarm', note: '' }, DESK, min(5));
    incident = reopenedIncident(incident, 'second call: patient worse', DESK, min(8));
    incident = closedIncident(incident, { disposition: 'cancelled', note: 'caller rang back: fine' }, CALL_TAKER, min(9));
    const lines = incidentTimeline(incident).map(({ kind, what }) => [kind, what]);
    expect(lines.slice(2)).toEqual([
      ['closed', 'Closed: False alarm'],
      ['reopened', 'Reopened: second call: patient worse'],
      ['cancelled', 'Cancelled: caller rang back: fine'],
    ]);
  });

  it('[NR4] a document stored before the narrative reads, and says what it did not record', () => {
    // As stored before [NR4]: no narrative, no steps, no acknowledger, a reclassification without before and after.
    const stored: unknown = JSON.parse(
      JSON.stringify({
        ...newIncident(),
        narrative: undefined,
        status: 'awaiting_close',
        assignments: [{ unitId: 'als-a01', callSign: 'ALS-A01', kind: 'als', assignedAt: min(2), assignedBy: 'sipho', acknowledgedAt: min(3), clearedAt: min(30) }],
        lifecycle: [{ at: min(4), by: 'sipho', action: 'reclassified', reason: 'more detail' }],
      }),
    );
    const incident = IncidentSchema.parse(stored);
    expect(incident.narrative).toEqual([]);
    const lines = incidentTimeline(incident).map(({ kind, who, what }) => [kind, who, what]);
    expect(lines).toEqual([
      ['call', 'thandi', 'Call answered'],
      ['created', 'thandi', 'Incident created'],
      ['assigned', 'sipho', 'ALS-A01 assigned'],
      ['acknowledged', UNRECORDED, 'ALS-A01 acknowledged'],
      ['reclassified', 'sipho', 'Type or priority changed: more detail'],
      ['cleared', UNRECORDED, 'ALS-A01 cleared'],
    ]);
  });

  it('[NR1] a note names its writer and the desk or vehicle they wrote from', () => {
    expect(noteAuthorLabel({ operatorId: 'crew', role: 'crew', unitId: 'als-a01', callSign: 'ALS-A01' })).toBe('crew · ALS-A01');
    expect(noteAuthorLabel({ operatorId: 'crew', role: 'crew', unitId: 'als-a01' })).toBe('crew · ALS-A01');
    expect(noteAuthorLabel({ operatorId: 'dispatcher', role: 'dispatcher', desk: 'combined' })).toBe('dispatcher · Combined dispatch');
    expect(noteAuthorLabel({ operatorId: 'ayesha', role: 'supervisor' })).toBe('ayesha · Supervisor');
  });

  it('[NR1] notes are numbered in order and never renumbered', () => {
    const once = withNote(newIncident(), { at: min(1), by: { operatorId: 'a', role: 'call_taker' }, text: 'first' });
    const twice = withNote(once, { at: min(2), by: { operatorId: 'b', role: 'supervisor' }, text: 'second' });
    expect(twice.narrative.map((note) => [note.id, note.text])).toEqual([
      ['n1', 'first'],
      ['n2', 'second'],
    ]);
  });

  it('[NR1] a note is trimmed, 1 to NOTE_MAX_LENGTH characters, line breaks allowed, no other control characters', () => {
    expect(NoteTextSchema.parse('  Patient stable.\nFamily informed.  ')).toBe('Patient stable.\nFamily informed.');
    expect(NoteTextSchema.safeParse('x'.repeat(NOTE_MAX_LENGTH)).success).toBe(true);
    for (const bad of ['', '  \n ', 'x'.repeat(NOTE_MAX_LENGTH + 1), 'tab\there', 'carriage\rreturn', 'bell\u0007', 'escape \u001b[31m red', 'C1 \u0085 next line']) {
      expect(NoteTextSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('[NR2] an open incident takes notes; a closed one for NOTE_WINDOW_HOURS after its close', () => {
    const open = newIncident();
    expect(takesNotes(open, min(10_000))).toBe(true);
    const closed = closedIncident(open, { disposition: 'false_alarm', note: '' }, DESK, min(5));
    expect(takesNotes(closed, min(5) + NOTE_WINDOW_MS)).toBe(true);
    expect(takesNotes(closed, min(5) + NOTE_WINDOW_MS + 1)).toBe(false);
  });
});
