import type { Actor } from '../auth/roles.ts';
import { classifyIncident } from './classifyIncident.ts';
import type { Incident } from './incidentSchema.ts';
import { withAssignedUnits, withClearedUnit, type CommittedUnit } from './incidentLifecycle.ts';
import { agenciesForPlan, incidentType } from './incidentTypes.ts';
import { REOPEN_WINDOW_MS, type IncidentUpdateTypeInput, type ReleaseInput } from './lifecycleSchema.ts';
import { PRIORITY_LABELS } from './priority.ts';

/** [LC3] Whether a closed incident is still within the reopen window at `now`. */
export function isWithinReopenWindow(incident: Pick<Incident, 'closedAt'>, now: number): boolean {
  return incident.closedAt !== null && now - incident.closedAt <= REOPEN_WINDOW_MS;
}

/**
 * [LC3] A closed incident reopened, or one awaiting close sent back for more units: either way no unit is
 * committed, so it is `pending` (waiting for units) and back in the open queue; the close is forgotten on the
 * incident (the journal and its lifecycle keep it).
 */
export function reopenedIncident(incident: Incident, reason: string, actor: Actor, now: number): Incident {
  const action = incident.status === 'closed' ? 'reopened' : 'more_units';
  return {
    ...incident,
    status: 'pending',
    closedAt: null,
    closedBy: null,
    disposition: null,
    closeNote: '',
    lifecycle: [...incident.lifecycle, { at: now, by: actor.operatorId, action, reason }],
  };
}

/**
 * [LC6] The incident with a new type (its plan and agencies follow the catalogue; its priority is classified
 * again from the answers it has) and/or a priority set by the dispatcher, which wins over the classification.
 */
export function reclassifiedIncident(incident: Incident, change: Pick<IncidentUpdateTypeInput, 'type' | 'priority' | 'reason'>, actor: Actor, now: number): Incident {
  const type = change.type ?? incident.type;
  const isNewType = type !== incident.type;
  const plan = isNewType ? incidentType(type).plan.map((line) => ({ kind: line.kind, count: line.count })) : incident.plan;
  const classification = isNewType ? classifyIncident(type, incident.answers) : { priority: incident.priority, reasons: incident.priorityReasons };
  const priority = change.priority ?? classification.priority;
  const priorityReasons = change.priority !== undefined ? [`Set to ${PRIORITY_LABELS[change.priority]} by ${actor.operatorId}: ${change.reason}`] : classification.reasons;
  const agencies = agenciesFor(plan, incident);
  const droppedAgencies = incident.agencies.filter((agency) => !agencies.includes(agency));
  return {
    ...incident,
    type,
    plan,
    agencies,
    priority,
    priorityReasons,
    lifecycle: [
      ...incident.lifecycle,
      {
        at: now, by: actor.operatorId, action: 'reclassified', reason: change.reason, change: { from: { type: incident.type, priority: incident.priority }, to: { type, priority } },
        ...(droppedAgencies.length > 0 ? { droppedAgencies } : {}),
      },
    ],
  };
}

/**
 * [IC3][LC6] The plan's agencies, plus the agency of any unit still committed: a desk never loses sight of an
 * incident its own unit is working.
 */
function agenciesFor(plan: Incident['plan'], incident: Incident): Incident['agencies'] {
  const committed = incident.assignments.filter((a) => a.clearedAt === null).map((a) => ({ kind: a.kind, count: 1 }));
  return agenciesForPlan([...plan, ...committed]);
}

/** [LC4][LC7] The incident after a desk stands `unitId` down: the assignment cleared, the reason kept. */
export function releasedIncident(incident: Incident, release: Pick<ReleaseInput, 'unitId' | 'reason' | 'note'>, actor: Actor, now: number): Incident {
  const cleared = withClearedUnit(incident, release.unitId, now);
  const reason = release.note ? `${release.reason}: ${release.note}` : release.reason;
  return { ...cleared, lifecycle: [...cleared.lifecycle, { at: now, by: actor.operatorId, action: 'released', reason, unitId: release.unitId }] };
}

/**
 * [DV1] The two incidents of a divert: the unit's assignment on `from` cleared (the incident goes back to `pending`
 * when it was its last unit: it still needs one), and a new assignment on `to`, each with the reason and the other
 * incident in its lifecycle.
 */
export function divertedIncidents(from: Incident, to: Incident, unit: CommittedUnit, reason: string, actor: Actor, now: number): { from: Incident; to: Incident } {
  const cleared = withClearedUnit(from, unit.id, now, true);
  const assigned = withAssignedUnits(to, [unit], actor, now);
  return {
    from: { ...cleared, lifecycle: [...cleared.lifecycle, { at: now, by: actor.operatorId, action: 'diverted_away', reason, unitId: unit.id, otherIncidentId: to.id }] },
    to: { ...assigned, lifecycle: [...assigned.lifecycle, { at: now, by: actor.operatorId, action: 'diverted_in', reason, unitId: unit.id, otherIncidentId: from.id }] },
  };
}
