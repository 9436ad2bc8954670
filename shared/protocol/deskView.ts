import type { Agency } from '../units/unitKinds.ts';
import type { Delta, Snapshot } from './stateSchema.ts';

/**
 * [DK1] Whether a change concerns an agency's dispatch desk: it touches an incident that goes to
 * that agency, or a unit of that agency. An incident for EMS and Fire reaches both desks and not
 * Metro Police's.
 */
export function deltaConcernsDesk(delta: DeskDelta, agency: Agency): boolean {
  return agenciesOfDelta(delta).has(agency);
}

type DeskDelta = Pick<Delta, 'incidents' | 'units'> & Partial<Pick<Delta, 'at'>>;

/**
 * The agencies a change concerns. [LC6] A type change that takes an incident away from a desk concerns that desk
 * once more (the change itself, found by its lifecycle step at the change's time), so that it drops the incident.
 */
export function agenciesOfDelta(delta: DeskDelta): Set<Agency> {
  const agencies = new Set<Agency>();
  for (const incident of delta.incidents) {
    for (const agency of incident.agencies) agencies.add(agency);
    const last = incident.lifecycle.at(-1);
    if (last?.droppedAgencies && last.at === delta.at) for (const agency of last.droppedAgencies) agencies.add(agency);
  }
  for (const unit of delta.units) agencies.add(unit.agency);
  return agencies;
}

/** [DK1] What an agency desk sees of the board: its incidents, its own units and the units committed to its incidents. */
export function snapshotForDesk(snapshot: Snapshot, agency: Agency): Snapshot {
  const incidents = snapshot.incidents.filter((incident) => incident.agencies.includes(agency));
  const incidentIds = new Set(incidents.map((incident) => incident.id));
  const units = snapshot.units.filter((unit) => unit.agency === agency || (unit.incidentId !== null && incidentIds.has(unit.incidentId)));
  return { ...snapshot, incidents, units };
}

/** [CR1] Whether a change concerns a crew: it touches the crew's unit, or an incident the unit is committed to. */
export function deltaConcernsCrew(delta: Pick<Delta, 'incidents' | 'units'>, unitId: string): boolean {
  return delta.units.some((unit) => unit.id === unitId) || delta.incidents.some((incident) => incident.assignments.some((a) => a.unitId === unitId && a.clearedAt === null));
}

/** The units whose crews a change concerns. */
export function crewsOfDelta(delta: Pick<Delta, 'incidents' | 'units'>): Set<string> {
  const crews = new Set(delta.units.map((unit) => unit.id));
  for (const incident of delta.incidents) for (const a of incident.assignments) if (a.clearedAt === null) crews.add(a.unitId);
  return crews;
}

/** The roles that see the board at all (an administrator manages users and sees no incident). */
const BOARD_VIEWERS: ReadonlySet<string> = new Set(['call_taker', 'dispatcher', 'crew', 'supervisor']);

/** Whether a role sees units and incidents at all (the others' snapshots hold neither). */
export const seesBoard = (role: string): boolean => BOARD_VIEWERS.has(role);

/** Who is looking at the board: a role, a dispatcher's agency desk, a crew's vehicle. */
export interface Viewer {
  role: string;
  agency?: Agency | undefined;
  unitId?: string | undefined;
  /** [CC6] A department officer's department. */
  department?: string | undefined;
}

/** Viewers with the same key see the same part of the board (`snapshotForViewer` gives them the same snapshot). */
export function boardViewKey(viewer: Viewer): string {
  if (!BOARD_VIEWERS.has(viewer.role)) return 'none';
  if (viewer.role === 'dispatcher' && viewer.agency) return `desk:${viewer.agency}`;
  if (viewer.role === 'crew') return `crew:${viewer.unitId ?? ''}`;
  return 'board';
}

/** [CR1][DK1] What a console sees of the board: a crew its own unit and its incident, an agency desk its part, others everything. */
export function snapshotForViewer(viewer: Viewer, snapshot: Snapshot): Snapshot {
  if (!BOARD_VIEWERS.has(viewer.role)) return { ...snapshot, units: [], incidents: [] };
  if (viewer.role === 'dispatcher' && viewer.agency) return snapshotForDesk(snapshot, viewer.agency);
  if (viewer.role !== 'crew') return snapshot;
  const units = snapshot.units.filter((unit) => unit.id === viewer.unitId);
  const incidentIds = new Set(units.map((unit) => unit.incidentId));
  return { ...snapshot, units, incidents: snapshot.incidents.filter((incident) => incidentIds.has(incident.id)) };
}

/** [CR1][DK1] Whether a viewer sees a change at all. */
export function deltaConcernsViewer(viewer: Viewer, delta: DeskDelta & Partial<Pick<Delta, 'tickets'>>): boolean {
  // [CC6] Care Connect agents see every ticket's changes, a department officer its department's.
  const tickets = delta.tickets ?? [];
  if (viewer.role === 'care_agent') return tickets.length > 0;
  if (viewer.role === 'department_officer') return tickets.some((ticket) => ticket.department === viewer.department);
  if (!BOARD_VIEWERS.has(viewer.role)) return false;
  if (viewer.role === 'crew') return viewer.unitId !== undefined && deltaConcernsCrew(delta, viewer.unitId);
  if (viewer.role === 'dispatcher' && viewer.agency) return deltaConcernsDesk(delta, viewer.agency);
  return true;
}

/** [RT3][RT6] Viewers with the same key are sent the same changes (`deltaConcernsViewer`, and a crew's `deltaForCrew`). */
export function changesViewKey(viewer: Viewer): string {
  if (viewer.role === 'care_agent') return 'care';
  if (viewer.role === 'department_officer') return `department:${viewer.department ?? ''}`;
  return boardViewKey(viewer);
}

/** [AU7] What a crew receives of a change: its incident and unit, but not the call records (callers' histories) or tickets it added. */
export function deltaForCrew(delta: Delta): Delta {
  return delta.calls.length === 0 && delta.tickets.length === 0 ? delta : { ...delta, calls: [], tickets: [] };
}
