import type { EidoDocument, EidoInput } from '../../shared/eido/eidoSchema.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { driveBetween } from '../routing/routeForUnit.ts';
import { readUnits } from '../units/readUnits.ts';
import { incidentEido, type UnitEta, type UnitOnIncident } from './incidentEido.ts';

/**
 * [EI2] When a unit on its way should arrive, by the estimate the board uses (drive time on the road network when the
 * city has one, else the straight-line estimate, DS1): to the scene while dispatched or en route, to its hospital while
 * transporting. A unit on scene, at hospital or with no known hospital is not on its way.
 */
function etaOf(ctx: CadContext, unit: Unit, scene: Unit['position'], now: number): UnitEta | undefined {
  if (unit.status === 'dispatched' || unit.status === 'en_route') {
    const drive = driveBetween(ctx.city.router, unit.position, scene);
    return { at: now + drive.etaSeconds * 1000, method: drive.method, destination: 'scene' };
  }
  if (unit.status === 'transporting') {
    const hospital = ctx.city.data.facilities.find((facility) => facility.id === unit.destinationId);
    if (!hospital) return undefined;
    const drive = driveBetween(ctx.city.router, unit.position, hospital.position);
    return { at: now + drive.etaSeconds * 1000, method: drive.method, destination: hospital };
  }
  return undefined;
}

/**
 * [EI1][EI4] `incident:eido`: the incident, open or closed, as a NENA EIDO document, with its units as they stand
 * now (status, last position, ETA). The per-record rule has already refused a desk another desk's incident.
 */
export async function readIncidentEido(ctx: CadContext, input: EidoInput): Promise<CommandOutcome<EidoDocument>> {
  const found = await readIncident(ctx, input.incidentId);
  if (!found) return refusal('incident_not_found', `no incident ${input.incidentId}`);
  const { incident } = found;
  const now = ctx.now();
  const active = incident.assignments.filter((a) => a.clearedAt === null).map((a) => a.unitId as string);
  const records = await readUnits(ctx, active);
  const units = new Map<string, UnitOnIncident>();
  for (const unit of records) {
    if (unit) units.set(unit.id, { unit, eta: etaOf(ctx, unit, incident.location, now) });
  }
  return { result: ok(incidentEido(incident, { cityName: ctx.city.data.name, now, units })) };
}
