import type { Incident, IncidentStatus } from '../../../shared/incidents/incidentSchema.ts';
import type { PriorityLevel } from '../../../shared/incidents/priority.ts';
import type { Unit, UnitId } from '../../../shared/units/unitSchema.ts';
import { AGENCIES } from '../../../shared/units/unitKinds.ts';
import type { Agency, UnitKind } from '../../../shared/units/unitKinds.ts';

/** The statuses of an open incident, in the order a response runs. */
export const OPEN_STATUSES = ['pending', 'dispatched', 'awaiting_close'] as const satisfies readonly IncidentStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export interface Backlog {
  total: number;
  byStatus: Record<OpenStatus, number>;
  /** Priority × status; every level and status present, zero when none. */
  byPriority: Record<PriorityLevel, Record<OpenStatus, number>>;
}

function zeroStatuses(): Record<OpenStatus, number> {
  return { pending: 0, dispatched: 0, awaiting_close: 0 };
}

/** [SF5] The open incidents counted by status and by priority (a closed one is not backlog). */
export function backlog(incidents: Iterable<Incident>): Backlog {
  const byStatus = zeroStatuses();
  const byPriority: Record<PriorityLevel, Record<OpenStatus, number>> = {
    echo: zeroStatuses(),
    delta: zeroStatuses(),
    charlie: zeroStatuses(),
    bravo: zeroStatuses(),
    alpha: zeroStatuses(),
    omega: zeroStatuses(),
  };
  let total = 0;
  for (const incident of incidents) {
    if (incident.status === 'closed') continue;
    total += 1;
    byStatus[incident.status] += 1;
    byPriority[incident.priority][incident.status] += 1;
  }
  return { total, byStatus, byPriority };
}

export interface WaitingIncident {
  incident: Incident;
  /** Since when it has had no unit: logged, reopened, sent more units, or its last unit cleared. */
  since: number;
  waitedMs: number;
}

/**
 * [SF5] When an incident last started waiting for a unit: the latest of its logging, a reopen or a call for more
 * units, and the clearing of a unit (a unit stood down for not acknowledging puts it back in the queue).
 */
export function waitingSince(incident: Pick<Incident, 'createdAt' | 'lifecycle' | 'assignments'>): number {
  let since = incident.createdAt;
  for (const entry of incident.lifecycle) if (entry.action === 'reopened' || entry.action === 'more_units') since = Math.max(since, entry.at);
  for (const a of incident.assignments) if (a.clearedAt !== null) since = Math.max(since, a.clearedAt);
  return since;
}

/** [SF5] Open incidents with no unit committed, the longest waiting first. Ages never read negative (clock skew). */
export function waitingForUnits(incidents: Iterable<Incident>, now: number): WaitingIncident[] {
  const waiting: WaitingIncident[] = [];
  for (const incident of incidents) {
    if (incident.status !== 'pending' || incident.assignments.some((a) => a.clearedAt === null)) continue;
    const since = waitingSince(incident);
    waiting.push({ incident, since, waitedMs: Math.max(0, now - since) });
  }
  return waiting.sort((a, b) => a.since - b.since || a.incident.reference.localeCompare(b.incident.reference));
}

export interface UnacknowledgedAssignment {
  incidentId: string;
  reference: string;
  priority: PriorityLevel;
  unitId: UnitId;
  callSign: string;
  kind: UnitKind;
  assignedAt: number;
  waitedMs: number;
  /** [AK2] Past the acknowledgement deadline: the dispatch desk's alarm is sounding for it. */
  isOverdue: boolean;
}

/**
 * [SF5] Every assignment still waiting for its crew's acknowledgement, overdue or not, the longest first. As the
 * desk's alarm (AK2): a unit already past dispatched on the incident has plainly received it, a cleared one is gone.
 * No deadline known yet (before the snapshot): nothing is overdue.
 */
export function unacknowledgedAssignments(incidents: Iterable<Incident>, units: Readonly<Record<string, Unit>>, now: number, deadlineSeconds: number | null): UnacknowledgedAssignment[] {
  const list: UnacknowledgedAssignment[] = [];
  for (const incident of incidents) {
    if (incident.status === 'closed') continue;
    for (const a of incident.assignments) {
      if (a.clearedAt !== null || a.acknowledgedAt !== null) continue;
      const unit = units[a.unitId];
      if (unit && (unit.incidentId !== incident.id || unit.status !== 'dispatched')) continue;
      const waitedMs = Math.max(0, now - a.assignedAt);
      list.push({
        incidentId: incident.id,
        reference: incident.reference,
        priority: incident.priority,
        unitId: a.unitId,
        callSign: a.callSign,
        kind: a.kind,
        assignedAt: a.assignedAt,
        waitedMs,
        isOverdue: deadlineSeconds !== null && waitedMs > deadlineSeconds * 1000,
      });
    }
  }
  return list.sort((x, y) => x.assignedAt - y.assignedAt || x.callSign.localeCompare(y.callSign));
}

export interface RosterFilter {
  /** null: every agency. */
  agency: Agency | null;
  /** Only vehicles someone is signed on to. */
  crewedOnly: boolean;
}

export interface RosterCounts {
  units: number;
  crewed: number;
  available: number;
  committed: number;
  outOfService: number;
}

/** [SF5] The fleet for the roster: filtered, by agency (EMS, Fire & Rescue, Metro Police) then call sign. */
export function roster(units: Iterable<Unit>, filter: RosterFilter): Unit[] {
  const agencyRank = (agency: Agency) => AGENCIES.indexOf(agency);
  return [...units]
    .filter((u) => (filter.agency === null || u.agency === filter.agency) && (!filter.crewedOnly || u.crew.length > 0))
    .sort((a, b) => agencyRank(a.agency) - agencyRank(b.agency) || a.callSign.localeCompare(b.callSign, 'en', { numeric: true }));
}

/** [SF5] What the roster's header counts over the units shown. */
export function rosterCounts(units: readonly Unit[]): RosterCounts {
  const counts: RosterCounts = { units: units.length, crewed: 0, available: 0, committed: 0, outOfService: 0 };
  for (const u of units) {
    if (u.crew.length > 0) counts.crewed += 1;
    if (u.status === 'available') counts.available += 1;
    else if (u.status === 'out_of_service') counts.outOfService += 1;
    else counts.committed += 1;
  }
  return counts;
}
