import type { TestIdentity } from './testSession.ts';
import type { TicketCreatePayload } from '../../shared/tickets/ticketSchema.ts';
import type { IncidentCreatePayload } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import { commandId } from './testClient.ts';

/** Johannesburg CBD, near Park Station. */
export const CBD: LngLat = [28.0473, -26.2041];

/** A valid `incident:create` payload; override what the test is about. */
export function incidentInput(overrides: Partial<Omit<IncidentCreatePayload, 'type'>> & { type?: IncidentTypeId } = {}): IncidentCreatePayload {
  return {
    commandId: commandId(),
    type: 'medical_emergency',
    location: CBD,
    locationNotes: 'opposite the taxi rank',
    callerName: 'Thandi Mokoena',
    callbackNumber: '082 555 0147',
    notes: 'man collapsed, breathing',
    ...overrides,
  };
}

/** [CC2] A burst pipe reported to Care Connect in the CBD, with `overrides`. */
export function ticketInput(overrides: Partial<TicketCreatePayload> = {}): TicketCreatePayload {
  return {
    commandId: commandId(),
    serviceCode: 'WATER-BURST',
    channel: 'phone',
    callerName: 'Mpho Sithole',
    callbackNumber: '082 555 0311',
    description: 'water gushing from the pavement outside number 12',
    location: CBD,
    address: '12 Rissik Street',
    ...overrides,
  };
}

export const DISPATCHER = { role: 'dispatcher', operatorId: 'disp-1' } as const;
export const CALL_TAKER = { role: 'call_taker', operatorId: 'ct-1' } as const;

/** A crew session for one unit. */
export function crewSession(unitId: string, operatorId = `crew-${unitId}`): TestIdentity {
  return { role: 'crew', operatorId, unitId };
}
