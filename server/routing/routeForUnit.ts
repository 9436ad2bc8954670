import type { LngLat } from '../../shared/geo/position.ts';
import { straightLineEstimate } from '../../shared/dispatch/rankCandidates.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { HospitalOption, Route, RouteDestination, RouteHospitalsInput, RouteUnitInput } from '../../shared/routing/routeSchema.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { facilityCapabilities, patientNeeds } from '../../shared/hospitals/capabilities.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { readUnits } from '../units/readUnits.ts';
import type { Router } from './router/createRouter.ts';

/** A drive from `from` to `to`: on the road network when there is one and it connects, else a straight line. */
export function driveBetween(router: Router | null, from: LngLat, to: LngLat): Omit<Route, 'destination'> {
  const routed = router?.route(from, to);
  if (routed?.ok) {
    const geometry = routed.geometry.coordinates.map(([lng, lat]) => [lng ?? 0, lat ?? 0] as LngLat);
    return { method: 'road_network', etaSeconds: Math.round(routed.etaSeconds), distanceMeters: Math.round(routed.distanceMeters), geometry: [from, ...geometry, to] };
  }
  const meters = distanceMeters(from, to);
  const etaSeconds = Math.round(straightLineEstimate(meters).etaSeconds);
  return { method: 'straight_line', etaSeconds, distanceMeters: Math.round(meters), geometry: [from, to] };
}

/** Where the unit is going now: its hospital when transporting, its incident while committed, else its base. */
async function destinationOf(ctx: CadContext, unit: Unit): Promise<RouteDestination | null> {
  const facility = (id: string | null, kind: 'hospital' | 'base'): RouteDestination | null => {
    const found = ctx.city.data.facilities.find((f) => f.id === id);
    return found ? { kind, id: found.id, name: found.name, position: found.position } : null;
  };
  if ((unit.status === 'transporting' || unit.status === 'at_hospital') && unit.destinationId) return facility(unit.destinationId, 'hospital');
  if (unit.incidentId) {
    const current = await readIncident(ctx, unit.incidentId);
    if (current) return { kind: 'incident', id: current.incident.id, name: current.incident.locationNotes || current.incident.reference, position: current.incident.location };
  }
  return facility(unit.baseId, 'base');
}

/** [RO9] The route of a unit from its last position to where it is going now. */
export async function routeForUnit(ctx: CadContext, input: RouteUnitInput): Promise<CommandOutcome<Route>> {
  const [unit] = await readUnits(ctx, [input.unitId]);
  if (!unit) return refusal('unit_not_found', `no unit ${input.unitId}`, { unitId: input.unitId });
  const destination = await destinationOf(ctx, unit);
  if (!destination) return refusal('unit_not_assigned', `${unit.callSign} has nowhere to go`, { unitId: unit.id });
  return { result: ok({ ...driveBetween(ctx.city.router, unit.position, destination.position), destination }) };
}

/**
 * [RO10][HO3] The city's 24-hour emergency units for a unit's patient: those that can take what the incident's
 * patient needs (trauma, burns, maternity…) first, each group nearest by ETA, with what each can take.
 */
export async function hospitalsForUnit(ctx: CadContext, input: RouteHospitalsInput): Promise<CommandOutcome<HospitalOption[]>> {
  const [unit] = await readUnits(ctx, [input.unitId]);
  if (!unit) return refusal('unit_not_found', `no unit ${input.unitId}`, { unitId: input.unitId });
  const incident = unit.incidentId ? await readIncident(ctx, unit.incidentId) : null;
  const needs = patientNeeds(incident?.incident.type ?? null);
  const options: HospitalOption[] = ctx.city.data.facilities
    .filter((facility) => facility.hasEmergencyUnit24h)
    .map((facility) => {
      const drive = driveBetween(ctx.city.router, unit.position, facility.position);
      const capabilities = facilityCapabilities(facility);
      const lacks = needs.filter((need) => !capabilities.includes(need));
      return { facilityId: facility.id, name: facility.name, etaSeconds: drive.etaSeconds, distanceMeters: drive.distanceMeters, method: drive.method, capabilities, isSuitable: lacks.length === 0, lacks };
    });
  const bySuitability = (o: HospitalOption): number => (o.isSuitable ? 0 : 1);
  return { result: ok(options.sort((a, b) => bySuitability(a) - bySuitability(b) || a.etaSeconds - b.etaSeconds || a.name.localeCompare(b.name))) };
}
