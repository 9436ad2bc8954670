import { describe, expect, it } from 'vitest';
import { incidentActionRights } from '../../dispatch-console/src/dispatch/incidentActionRights.ts';
import type { Assignment } from '../../shared/incidents/incidentSchema.ts';
import { makeIncident, T0 } from './fixtures.ts';

const assignment = (unitId: string, kind: Assignment['kind'], clearedAt: number | null = null): Assignment => ({
  unitId: unitId as Assignment['unitId'],
  callSign: unitId.toUpperCase(),
  kind,
  assignedAt: T0,
  assignedBy: 'd1',
  acknowledgedAt: null,
  clearedAt,
});

describe('[LC1]–[LC8] the board offers only the lifecycle steps the server would accept', () => {
  it('[LC2][LC1] a pending incident with no unit ever: close, cancel and type; no more units', () => {
    const rights = incidentActionRights(makeIncident('A'), 'dispatcher', undefined);
    expect(rights).toMatchObject({ close: true, cancel: true, moreUnits: false, updateType: true });
  });

  it('[LC1][LC4] a dispatched incident: no close while a unit is committed; the desk releases only its own agency’s units', () => {
    const incident = makeIncident('B', { status: 'dispatched', assignments: [assignment('als-1', 'als'), assignment('jmpd-1', 'metro_police')] });
    const ems = incidentActionRights(incident, 'dispatcher', 'ems');
    expect(ems).toMatchObject({ close: false, cancel: false, moreUnits: false });
    expect([...ems.releasable]).toEqual(['als-1']);
    expect([...incidentActionRights(incident, 'dispatcher', undefined).releasable]).toEqual(['als-1', 'jmpd-1']);
    expect([...incidentActionRights(incident, 'supervisor', undefined).releasable]).toEqual([]);
  });

  it('[LC7][LC8] awaiting close: close and send more units, never cancel', () => {
    const incident = makeIncident('C', { status: 'awaiting_close', assignments: [assignment('als-1', 'als', T0 + 1)] });
    expect(incidentActionRights(incident, 'supervisor', undefined)).toMatchObject({ close: true, cancel: false, moreUnits: true, updateType: true });
  });

  it('[LC2] a call-taker may cancel but not close, reopen or change type', () => {
    expect(incidentActionRights(makeIncident('D'), 'call_taker', undefined)).toMatchObject({ close: false, cancel: true, moreUnits: false, updateType: false });
  });

  it('[EI5] whoever may read the incident is offered its EIDO hand-off, open or closed; a crew is not', () => {
    for (const role of ['dispatcher', 'supervisor', 'call_taker'] as const) expect(incidentActionRights(makeIncident('E', { status: 'closed' }), role, undefined).handOff).toBe(true);
    expect(incidentActionRights(makeIncident('F'), 'crew', undefined).handOff).toBe(false);
  });
});
