import { describe, expect, it } from 'vitest';
import { formatWait, overdueAcknowledgements, overdueKey, replacementFor } from '../../dispatch-console/src/dispatch/overdueAcks.ts';
import { T0, candidate, makeAssignment, makeIncident, makeRecommendation, makeUnit } from './fixtures.ts';

const DEADLINE = 60;

describe('[AK2] overdueAcknowledgements', () => {
  it('lists an active assignment unacknowledged for longer than the deadline, with how long it has waited', () => {
    const incident = makeIncident('EC-1', { status: 'dispatched', assignments: [makeAssignment('als-f03', T0)] });
    expect(overdueAcknowledgements([incident], DEADLINE, T0 + 60_000)).toEqual([]);
    const overdue = overdueAcknowledgements([incident], DEADLINE, T0 + 72_000);
    expect(overdue).toEqual([{ incidentId: 'EC-1', reference: 'EC-1', unitId: 'als-f03', callSign: 'ALS-F03', kind: 'als', assignedAt: T0, waitedMs: 72_000 }]);
    expect(formatWait(overdue[0]?.waitedMs ?? 0)).toBe('1:12');
  });

  it('leaves out acknowledged, cleared and closed-incident assignments, and knows nothing before the snapshot', () => {
    const incidents = [
      makeIncident('EC-1', { assignments: [makeAssignment('a1', T0, { acknowledgedAt: T0 + 5000 })] }),
      makeIncident('EC-2', { assignments: [makeAssignment('a2', T0, { clearedAt: T0 + 5000 })] }),
      makeIncident('EC-3', { status: 'closed', assignments: [makeAssignment('a3', T0)] }),
    ];
    expect(overdueAcknowledgements(incidents, DEADLINE, T0 + 600_000)).toEqual([]);
    expect(overdueAcknowledgements([makeIncident('EC-4', { assignments: [makeAssignment('a4')] })], null, T0 + 600_000)).toEqual([]);
  });

  it('orders the longest silent first', () => {
    const incidents = [
      makeIncident('EC-1', { assignments: [makeAssignment('late', T0 + 30_000)] }),
      makeIncident('EC-2', { assignments: [makeAssignment('early', T0)] }),
    ];
    expect(overdueAcknowledgements(incidents, DEADLINE, T0 + 200_000).map((o) => o.unitId)).toEqual(['early', 'late']);
  });

  it('does not alarm for a unit already past dispatched on that incident, nor for another agency at an agency desk', () => {
    const incident = makeIncident('EC-1', { assignments: [makeAssignment('als-1'), makeAssignment('eng-1', T0, { kind: 'fire_engine' })] });
    const units = { 'als-1': makeUnit('als-1', { status: 'en_route', incidentId: 'EC-1' }), 'eng-1': makeUnit('eng-1', { kind: 'fire_engine', agency: 'fire', status: 'dispatched', incidentId: 'EC-1' }) };
    expect(overdueAcknowledgements([incident], DEADLINE, T0 + 120_000, { units }).map((o) => o.unitId)).toEqual(['eng-1']);
    expect(overdueAcknowledgements([incident], DEADLINE, T0 + 120_000, { units, agency: 'ems' })).toEqual([]);
  });

  it('keys an overdue assignment by incident, unit and assignment time', () => {
    expect(overdueKey({ incidentId: 'EC-1', unitId: makeAssignment('a').unitId, assignedAt: 5 })).toBe('EC-1|a|5');
  });
});

describe('[AK2] replacementFor', () => {
  it('picks the best candidate of the same kind that is not the silent unit', () => {
    const rec = makeRecommendation([
      { kind: 'bls', needed: 0, committed: 0, candidates: [candidate('bls-1', 'bls')], passedOver: [], divertCandidates: [] },
      { kind: 'als', needed: 1, committed: 1, candidates: [candidate('als-f03'), candidate('als-f05')], passedOver: [], divertCandidates: [] },
    ]);
    const silent = { incidentId: 'EC-1', kind: 'als' as const, unitId: makeAssignment('als-f03').unitId };
    expect(replacementFor(rec, silent)?.unitId).toBe('als-f05');
    expect(replacementFor(rec, { ...silent, incidentId: 'EC-2' })).toBeNull();
    expect(replacementFor(rec, { ...silent, kind: 'rescue' })).toBeNull();
    expect(replacementFor(null, silent)).toBeNull();
  });
});
