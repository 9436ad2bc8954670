import { describe, expect, it } from 'vitest';
import {
  activeAssignmentOf,
  crewActions,
  formatDriveTime,
  needsAcknowledgement,
  newerUnit,
  routeKey,
  shouldAskRoute,
  shouldSendFix,
  telHref,
  withKnownAcknowledgement,
} from '../../dispatch-console/src/crew/crewFlow.ts';
import { UNIT_STATUSES, UNIT_STATUS_TRANSITIONS } from '../../shared/units/unitStatus.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import { T0, makeAssignment, makeIncident, makeUnit } from './fixtures.ts';

describe('[US1] crewActions', () => {
  it('offers exactly the allowed transitions, the job’s next step first and big', () => {
    for (const status of UNIT_STATUSES) {
      const actions = crewActions(status);
      expect(actions.map((a) => a.status).sort()).toEqual([...UNIT_STATUS_TRANSITIONS[status]].sort());
      expect(actions.filter((a) => a.isPrimary).length).toBeLessThanOrEqual(1);
    }
    const next = (status: (typeof UNIT_STATUSES)[number]) => crewActions(status).find((a) => a.isPrimary)?.label;
    expect(next('dispatched')).toBe('En route');
    expect(next('en_route')).toBe('On scene');
    expect(next('on_scene')).toBe('Transporting');
    expect(next('transporting')).toBe('At hospital');
    expect(next('at_hospital')).toBe('Available');
    expect(next('out_of_service')).toBe('Back in service');
    expect(next('available')).toBeUndefined();
  });

  it('asks for a hospital only before Transporting, and names a stand-down plainly', () => {
    expect(crewActions('on_scene').filter((a) => a.needsHospital).map((a) => a.status)).toEqual(['transporting']);
    expect(crewActions('on_scene').find((a) => a.status === 'available')?.label).toBe('Clear · no transport');
    expect(crewActions('dispatched').find((a) => a.status === 'available')?.label).toBe('Stand down · available');
  });
});

describe('[AK1] acknowledgement on the crew screen', () => {
  const incident = makeIncident('EC-1', { assignments: [makeAssignment('old', T0, { clearedAt: T0 + 1 }), makeAssignment('als-f03', T0 + 10)] });

  it('finds the unit’s active assignment and whether it still needs acknowledging', () => {
    expect(activeAssignmentOf(incident, 'als-f03')?.assignedAt).toBe(T0 + 10);
    expect(activeAssignmentOf(incident, 'old')).toBeNull();
    expect(needsAcknowledgement(incident, 'als-f03')).toBe(true);
    expect(needsAcknowledgement(null, 'als-f03')).toBe(false);
  });

  it('keeps an acknowledgement the command answered before its broadcast arrived', () => {
    const answered = makeIncident('EC-1', { assignments: [makeAssignment('als-f03', T0 + 10, { acknowledgedAt: T0 + 20 })] });
    const merged = withKnownAcknowledgement(incident, answered, 'als-f03');
    expect(needsAcknowledgement(merged, 'als-f03')).toBe(false);
    expect(withKnownAcknowledgement(incident, makeIncident('EC-9'), 'als-f03')).toBe(incident);
  });

  it('shows the later of the broadcast unit and the command’s answer', () => {
    const stored = makeUnit('u1', { status: 'dispatched', statusAt: T0, fixAt: T0 + 50, position: [1, 1] as LngLat });
    const answered = makeUnit('u1', { status: 'en_route', statusAt: T0 + 10, fixAt: T0 });
    expect(newerUnit(stored, answered)).toMatchObject({ status: 'en_route', position: [1, 1] });
    expect(newerUnit(answered, stored)?.status).toBe('en_route');
    expect(newerUnit(null, answered)).toBe(answered);
  });
});

describe('route and position throttles', () => {
  const at = (key: string, position: LngLat, time: number) => ({ key, position, at: time });
  const here: LngLat = [1.5218, 42.5075] as LngLat;
  const there: LngLat = [1.5238, 42.5075] as LngLat;

  it('asks again at once when the job changes, and at most every 15 s when the vehicle only moves', () => {
    const key = routeKey(makeUnit('u1', { status: 'en_route', incidentId: 'EC-1' }));
    expect(key).toBe('en_route|EC-1|');
    expect(shouldAskRoute(null, at(key, here, T0))).toBe(true);
    expect(shouldAskRoute(at(key, here, T0), at('on_scene|EC-1|', here, T0 + 1000))).toBe(true);
    expect(shouldAskRoute(at(key, here, T0), at(key, there, T0 + 5000))).toBe(false);
    expect(shouldAskRoute(at(key, here, T0), at(key, there, T0 + 15_000))).toBe(true);
    expect(shouldAskRoute(at(key, here, T0), at(key, here, T0 + 60_000))).toBe(false);
  });

  it('sends a device fix at most every 5 s', () => {
    expect(shouldSendFix(null, T0)).toBe(true);
    expect(shouldSendFix(T0, T0 + 4999)).toBe(false);
    expect(shouldSendFix(T0, T0 + 5000)).toBe(true);
  });
});

describe('crew formatting', () => {
  it('dials the callback number as digits', () => {
    expect(telHref('082 555 0123')).toBe('tel:0825550123');
    expect(telHref('+27 (82) 555-0123')).toBe('tel:+27825550123');
  });

  it('says drive times plainly', () => {
    expect(formatDriveTime(42)).toBe('42 s');
    expect(formatDriveTime(4 * 60 + 10)).toBe('4 min');
    expect(formatDriveTime(65 * 60)).toBe('1 h 05 min');
  });
});
