import { describe, expect, it } from 'vitest';
import { backlog, roster, rosterCounts, unacknowledgedAssignments, waitingForUnits, waitingSince } from '../../dispatch-console/src/supervisor/liveOperations.ts';
import { T0, makeAssignment, makeIncident, makeUnit } from './fixtures.ts';

const MIN = 60_000;

describe('[SF5] the backlog', () => {
  it('counts the open incidents by status and by priority, leaving out closed ones', () => {
    const counts = backlog([
      makeIncident('EC-1', { priority: 'echo', status: 'pending' }),
      makeIncident('EC-2', { priority: 'echo', status: 'dispatched' }),
      makeIncident('EC-3', { priority: 'charlie', status: 'pending' }),
      makeIncident('EC-4', { priority: 'alpha', status: 'awaiting_close' }),
      makeIncident('EC-5', { priority: 'alpha', status: 'closed' }),
    ]);
    expect(counts.total).toBe(4);
    expect(counts.byStatus).toEqual({ pending: 2, dispatched: 1, awaiting_close: 1 });
    expect(counts.byPriority.echo).toEqual({ pending: 1, dispatched: 1, awaiting_close: 0 });
    expect(counts.byPriority.charlie.pending).toBe(1);
    expect(counts.byPriority.alpha).toEqual({ pending: 0, dispatched: 0, awaiting_close: 1 });
    expect(counts.byPriority.omega).toEqual({ pending: 0, dispatched: 0, awaiting_close: 0 });
    expect(backlog([]).total).toBe(0);
  });
});

describe('[SF5] incidents waiting for a unit', () => {
  it('lists pending incidents with no unit committed, the longest waiting first, with their waits', () => {
    const list = waitingForUnits(
      [
        makeIncident('EC-NEW', { status: 'pending', createdAt: T0 + 5 * MIN }),
        makeIncident('EC-OLD', { status: 'pending', createdAt: T0 }),
        makeIncident('EC-SENT', { status: 'dispatched', assignments: [makeAssignment('als-1')] }),
        makeIncident('EC-AWAIT', { status: 'awaiting_close' }),
      ],
      T0 + 10 * MIN,
    );
    expect(list.map((w) => [w.incident.id, w.waitedMs])).toEqual([
      ['EC-OLD', 10 * MIN],
      ['EC-NEW', 5 * MIN],
    ]);
  });

  it('waits from the latest reopen, call for more units or unit cleared, never a negative age', () => {
    const reopened = makeIncident('EC-1', {
      createdAt: T0,
      lifecycle: [{ at: T0 + 3 * MIN, by: 'd1', action: 'reopened', reason: 'called back' }],
      assignments: [makeAssignment('als-1', T0 + MIN, { clearedAt: T0 + 2 * MIN })],
    });
    expect(waitingSince(reopened)).toBe(T0 + 3 * MIN);
    const stoodDown = makeIncident('EC-2', { assignments: [makeAssignment('als-2', T0, { clearedAt: T0 + 4 * MIN })] });
    expect(waitingSince(stoodDown)).toBe(T0 + 4 * MIN);
    expect(waitingForUnits([makeIncident('EC-3', { createdAt: T0 + MIN })], T0)[0]?.waitedMs).toBe(0);
  });
});

describe('[SF5][AK2] assignments not acknowledged', () => {
  it('lists every one still silent, marks those past the deadline, the longest first', () => {
    const incidents = [
      makeIncident('EC-1', { priority: 'echo', status: 'dispatched', assignments: [makeAssignment('als-1', T0 + 50_000), makeAssignment('als-2', T0, { acknowledgedAt: T0 + 1000 })] }),
      makeIncident('EC-2', { status: 'dispatched', assignments: [makeAssignment('eng-1', T0, { kind: 'fire_engine' })] }),
      makeIncident('EC-3', { status: 'dispatched', assignments: [makeAssignment('als-3', T0, { clearedAt: T0 + 5000 })] }),
    ];
    const list = unacknowledgedAssignments(incidents, {}, T0 + 100_000, 60);
    expect(list.map((a) => [a.unitId, a.reference, a.waitedMs, a.isOverdue])).toEqual([
      ['eng-1', 'EC-2', 100_000, true],
      ['als-1', 'EC-1', 50_000, false],
    ]);
    expect(list[1]?.priority).toBe('echo');
    // Before the snapshot no deadline is known: listed, none overdue.
    expect(unacknowledgedAssignments(incidents, {}, T0 + 100_000, null).some((a) => a.isOverdue)).toBe(false);
  });

  it('leaves out a unit already past dispatched on the incident (it has the job), as the desk alarm does', () => {
    const incident = makeIncident('EC-1', { status: 'dispatched', assignments: [makeAssignment('als-1'), makeAssignment('als-2')] });
    const units = { 'als-1': makeUnit('als-1', { status: 'en_route', incidentId: 'EC-1' }), 'als-2': makeUnit('als-2', { status: 'dispatched', incidentId: 'EC-1' }) };
    expect(unacknowledgedAssignments([incident], units, T0 + 1000, 60).map((a) => a.unitId)).toEqual(['als-2']);
  });
});

describe('[SF5][CR2] the roster', () => {
  const crewMember = { userId: 'u-crew', name: 'Bongani Zulu', since: T0 };
  const units = [
    makeUnit('jmpd-2', { agency: 'metro_police', kind: 'metro_police', callSign: 'JMPD-2' }),
    makeUnit('als-10', { callSign: 'ALS-10', status: 'dispatched', incidentId: 'EC-1', crew: [crewMember] }),
    makeUnit('als-9', { callSign: 'ALS-9', status: 'out_of_service' }),
    makeUnit('eng-1', { agency: 'fire', kind: 'fire_engine', callSign: 'ENG-1' }),
  ];

  it('orders the fleet by agency then call sign (numbers in order), and filters by agency and crew', () => {
    expect(roster(units, { agency: null, crewedOnly: false }).map((u) => u.callSign)).toEqual(['ALS-9', 'ALS-10', 'ENG-1', 'JMPD-2']);
    expect(roster(units, { agency: 'fire', crewedOnly: false }).map((u) => u.callSign)).toEqual(['ENG-1']);
    expect(roster(units, { agency: null, crewedOnly: true }).map((u) => u.callSign)).toEqual(['ALS-10']);
    expect(roster(units, { agency: 'metro_police', crewedOnly: true })).toEqual([]);
  });

  it('counts the units shown: crewed, available, committed and out of service', () => {
    expect(rosterCounts(units)).toEqual({ units: 4, crewed: 1, available: 2, committed: 1, outOfService: 1 });
  });
});
