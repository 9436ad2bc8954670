import type { Agency } from '../units/unitKinds.ts';
import type { Delta, Snapshot } from './stateSchema.ts';

/**
 * [DK1] Whether a change concerns an agency's dispatch desk: it touches an incident that goes to
 * that agency, or a unit of that agency. An incident for EMS and Fire reaches both desks and not
 * Metro Police's.
 */
export function deltaConcernsDesk(delta: Pick<Delta, 'incidents' | 'units'>, agency: Agency): boolean {
  return delta.incidents.some((incident) => incident.agencies.includes(agency)) || delta.units.some((unit) => unit.agency === agency);
}

/** The agencies a change concerns. */
export function agenciesOfDelta(delta: Pick<Delta, 'incidents' | 'units'>): Set<Agency> {
  const agencies = new Set<Agency>();
  for (const incident of delta.incidents) for (const agency of incident.agencies) agencies.add(agency);
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
