import type { Actor } from '../auth/roles.ts';
import type { UnitKind } from '../units/unitKinds.ts';
import type { Assignment, AssignmentStep, Incident, IncidentCreateInput, Region } from './incidentSchema.ts';
import { agenciesForPlan, incidentType } from './incidentTypes.ts';
import { priorityRank } from './priority.ts';
import { classifyIncident } from './classifyIncident.ts';
import { callerIdentity } from '../callers/callerIdentity.ts';
import type { IncidentDisposition } from './lifecycleSchema.ts';

/** Where an incident lies in the city, as the area index answers. */
export interface AreaLookup {
  ward: number | null;
  region: Region | null;
  isInsideMetro: boolean;
}

/** Placeholder the store replaces with the reference it issues, atomically with the write. */
export const REFERENCE_PLACEHOLDER = '__REFERENCE__';

/** [IC1] Builds a new incident from a validated call capture; `id` and `reference` are filled by the store. */
export function buildIncident(input: IncidentCreateInput, area: AreaLookup, actor: Actor, now: number): Incident {
  const type = incidentType(input.type);
  const plan = type.plan.map((line) => ({ kind: line.kind, count: line.count }));
  const classification = classifyIncident(input.type, input.answers);
  return {
    id: REFERENCE_PLACEHOLDER,
    reference: REFERENCE_PLACEHOLDER,
    type: input.type,
    priority: classification.priority,
    priorityReasons: classification.reasons,
    answers: input.answers,
    agencies: agenciesForPlan(plan),
    plan,
    location: input.location,
    locationNotes: input.locationNotes,
    ward: area.ward,
    region: area.region,
    isInsideMetro: area.isInsideMetro,
    ...callerIdentity(input),
    notes: input.notes,
    status: 'pending',
    callStartedAt: input.callStartedAt ?? null,
    createdAt: now,
    createdBy: actor.operatorId,
    firstDispatchAt: null,
    closedAt: null,
    closedBy: null,
    disposition: null,
    closeNote: '',
    careTicketId: null,
    assignments: [],
    additionalCallers: [],
    lifecycle: [],
    narrative: [],
  };
}

/** [IQ1] Queue order: most urgent priority first, then oldest first. Lower score sorts first. */
export function queueScore(incident: Pick<Incident, 'priority' | 'createdAt'>): number {
  return priorityRank(incident.priority) * 1e13 + incident.createdAt;
}

/** A unit being committed, as the incident records it. */
export interface CommittedUnit {
  id: string;
  callSign: string;
  kind: UnitKind;
}

/** [DS2] The incident after `units` are assigned to it at `now`. */
export function withAssignedUnits(incident: Incident, units: readonly CommittedUnit[], actor: Actor, now: number): Incident {
  const added: Assignment[] = units.map((unit) => ({
    unitId: unit.id as Assignment['unitId'],
    callSign: unit.callSign,
    kind: unit.kind,
    assignedAt: now,
    assignedBy: actor.operatorId,
    acknowledgedAt: null,
    clearedAt: null,
  }));
  return {
    ...incident,
    status: 'dispatched',
    firstDispatchAt: incident.firstDispatchAt ?? now,
    assignments: [...incident.assignments, ...added],
  };
}

/**
 * The incident after `unitId` stands down or finishes (its assignment is cleared at `now`). [LC7] When the last
 * committed unit clears, the incident awaits its close; but a unit stood down because its crew never answered
 * (`isStillNeeded`) leaves it pending, as the incident still needs the unit that never came. [AK2]
 */
export function withClearedUnit(incident: Incident, unitId: string, now: number, isStillNeeded = false): Incident {
  const assignments = incident.assignments.map((a) => (a.unitId === unitId && a.clearedAt === null ? { ...a, clearedAt: now } : a));
  const isLastCleared = incident.status === 'dispatched' && assignments.every((a) => a.clearedAt !== null);
  const status = isLastCleared ? (isStillNeeded ? 'pending' : 'awaiting_close') : incident.status;
  return { ...incident, status, assignments };
}

/** Assignments still active (not cleared). */
export function activeAssignments(incident: Incident): Assignment[] {
  return incident.assignments.filter((a) => a.clearedAt === null);
}

/** [IC4][LC1][LC2] The incident closed at `now` by `actor` with its disposition and note. */
export function closedIncident(incident: Incident, close: { disposition: IncidentDisposition; note: string }, actor: Actor, now: number): Incident {
  const action = close.disposition === 'cancelled' ? 'cancelled' : 'closed';
  return {
    ...incident,
    status: 'closed',
    closedAt: now,
    closedBy: actor.operatorId,
    disposition: close.disposition,
    closeNote: close.note,
    lifecycle: [...incident.lifecycle, { at: now, by: actor.operatorId, action, reason: close.note || close.disposition }],
  };
}

/**
 * [AK1] The incident after `unitId`'s crew acknowledges its active assignment at `now` (the first acknowledgement
 * stands); `by` says who, for the narrative [NR4].
 */
export function withAcknowledgedUnit(incident: Incident, unitId: string, now: number, by?: string): Incident {
  return {
    ...incident,
    assignments: incident.assignments.map((a) =>
      a.unitId === unitId && a.clearedAt === null && a.acknowledgedAt === null ? { ...a, acknowledgedAt: now, ...(by === undefined ? {} : { acknowledgedBy: by }) } : a,
    ),
  };
}

/** [NR4] The incident with a status `unitId` reported kept on its active assignment, for the narrative. */
export function withStatusStep(incident: Incident, unitId: string, step: AssignmentStep): Incident {
  return {
    ...incident,
    assignments: incident.assignments.map((a) => (a.unitId === unitId && a.clearedAt === null ? { ...a, steps: [...(a.steps ?? []), step] } : a)),
  };
}
