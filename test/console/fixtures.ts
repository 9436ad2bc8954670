import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { Unit, UnitId } from '../../shared/units/unitSchema.ts';
import type { Delta, Snapshot } from '../../shared/protocol/stateSchema.ts';
import type { Recommendation } from '../../shared/dispatch/dispatchSchema.ts';

export const T0 = Date.UTC(2026, 10, 26, 8, 0, 0);

export function unitId(id: string): UnitId {
  return id as UnitId;
}

export function makeUnit(id: string, overrides: Partial<Unit> = {}): Unit {
  return {
    id: unitId(id),
    callSign: id.toUpperCase(),
    kind: 'als',
    agency: 'ems',
    baseId: 'base-1',
    baseName: 'Helen Joseph Hospital',
    status: 'available',
    statusAt: T0,
    incidentId: null,
    position: [28.0, -26.2],
    fixAt: T0,
    destinationId: null,
    unansweredAt: null,
    crew: [],
    ...overrides,
  };
}

export function makeIncident(id: string, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    reference: id,
    type: 'medical_emergency',
    priority: 'delta',
    priorityReasons: [],
    answers: {},
    agencies: ['ems'],
    plan: [{ kind: 'als', count: 1 }],
    location: [28.05, -26.2],
    locationNotes: '',
    ward: 74,
    region: 'F',
    isInsideMetro: true,
    callerName: 'Thandi',
    callbackNumber: '082 555 0123',
    callbackStatus: 'given',
    notes: '',
    status: 'pending',
    callStartedAt: null,
    createdAt: T0,
    createdBy: 'ct1',
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
    ...overrides,
  };
}

export function makeSnapshot(version: number, incidents: Incident[] = [], units: Unit[] = []): Snapshot {
  return { version, at: T0, settings: { ackDeadlineSeconds: 60, stalePositionSeconds: 600 }, incidents, units };
}

export function makeDelta(version: number, change: { incidents?: Incident[]; units?: Unit[] } = {}, fact: Delta['fact'] = 'incident:created'): Delta {
  return {
    version,
    at: T0 + version * 1000,
    fact,
    actor: { role: 'dispatcher', operatorId: 'd1' },
    incidents: change.incidents ?? [],
    units: change.units ?? [],
    calls: [],
    tickets: [],
  };
}

export function makeRecommendation(byKind: Recommendation['byKind']): Recommendation {
  return { incidentId: 'EC-1', computedAt: T0, ranking: 'straight_line', byKind, routes: [] };
}

export function candidate(id: string, kind: Unit['kind'] = 'als', distanceMeters = 1000) {
  return { unitId: unitId(id), callSign: id.toUpperCase(), kind, position: [28, -26.2] as [number, number], distanceMeters, etaSeconds: distanceMeters / 10, positionAgeSeconds: 5, reason: 'nearest available' };
}

/** An assignment of `unit` made at `assignedAt`, not acknowledged and not cleared unless overridden. */
export function makeAssignment(unit: string, assignedAt = T0, overrides: Partial<Incident['assignments'][number]> = {}): Incident['assignments'][number] {
  return { unitId: unitId(unit), callSign: unit.toUpperCase(), kind: 'als', assignedAt, assignedBy: 'd1', acknowledgedAt: null, clearedAt: null, ...overrides };
}
