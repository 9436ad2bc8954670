import { describe, expect, it } from 'vitest';
import { formatElapsed, moveSelection, orderQueue, placeLabel, QUEUE_GROUP_LABELS, QUEUE_GROUPS, queueGroupOf } from '../../dispatch-console/src/incidents/queueOrder.ts';
import { T0, makeAssignment, makeIncident } from './fixtures.ts';

describe('orderQueue', () => {
  it('[IQ1] within a group: echo first, then the oldest within a priority, leaving closed out', () => {
    const queue = orderQueue([
      makeIncident('charlie-old', { priority: 'charlie', createdAt: T0 }),
      makeIncident('delta-new', { priority: 'delta', createdAt: T0 + 5000 }),
      makeIncident('echo-new', { priority: 'echo', createdAt: T0 + 9000 }),
      makeIncident('delta-old', { priority: 'delta', createdAt: T0 + 1000 }),
      makeIncident('closed', { priority: 'echo', status: 'closed' }),
    ]);
    expect(queue.map((i) => i.id)).toEqual(['echo-new', 'delta-old', 'delta-new', 'charlie-old']);
  });
});

describe('[IQ1] the queue puts what needs action first', () => {
  it('[IQ1] no unit yet, then acknowledgement overdue, then awaiting close, then in hand; each by priority then age', () => {
    const dispatched = { status: 'dispatched' as const, assignments: [makeAssignment('u1', T0)] };
    const overdueIds = new Set(['overdue-delta', 'overdue-echo']);
    const queue = orderQueue(
      [
        makeIncident('in-hand-echo-old', { priority: 'echo', createdAt: T0 - 60_000, ...dispatched }),
        makeIncident('awaiting-echo', { priority: 'echo', createdAt: T0 - 50_000, status: 'awaiting_close', assignments: [makeAssignment('u2', T0, { clearedAt: T0 + 1 })] }),
        makeIncident('overdue-delta', { priority: 'delta', createdAt: T0 - 90_000, ...dispatched }),
        makeIncident('overdue-echo', { priority: 'echo', createdAt: T0, ...dispatched }),
        makeIncident('pending-alpha-new', { priority: 'alpha', createdAt: T0 + 9_000 }),
        makeIncident('pending-echo-new', { priority: 'echo', createdAt: T0 + 8_000 }),
        makeIncident('pending-alpha-old', { priority: 'alpha', createdAt: T0 + 1_000 }),
        makeIncident('in-hand-charlie', { priority: 'charlie', createdAt: T0 - 99_000, ...dispatched }),
      ],
      overdueIds,
    );
    expect(queue.map((i) => i.id)).toEqual([
      'pending-echo-new',
      'pending-alpha-old',
      'pending-alpha-new',
      'overdue-echo',
      'overdue-delta',
      'awaiting-echo',
      'in-hand-echo-old',
      'in-hand-charlie',
    ]);
    expect(queue.map((i) => queueGroupOf(i, overdueIds))).toEqual([
      'needs_units',
      'needs_units',
      'needs_units',
      'ack_overdue',
      'ack_overdue',
      'awaiting_close',
      'in_hand',
      'in_hand',
    ]);
  });

  it('[IQ1] a new pending incident sorts above an older dispatched one, whatever their priorities', () => {
    const queue = orderQueue([
      makeIncident('old-dispatched-echo', { priority: 'echo', createdAt: T0, status: 'dispatched', assignments: [makeAssignment('u1', T0)] }),
      makeIncident('new-pending-charlie', { priority: 'charlie', createdAt: T0 + 60_000 }),
    ]);
    expect(queue.map((i) => i.id)).toEqual(['new-pending-charlie', 'old-dispatched-echo']);
  });

  it('[IQ1] a reopened incident waits with the new ones; every group has a label', () => {
    const reopened = makeIncident('reopened', { lifecycle: [{ at: T0, by: 'd1', action: 'reopened', reason: 'caller rang back' }] });
    expect(queueGroupOf(reopened)).toBe('needs_units');
    for (const group of QUEUE_GROUPS) expect(QUEUE_GROUP_LABELS[group]).toMatch(/^[A-Z][a-z ]+$/);
  });
});

describe('formatElapsed', () => {
  it('shows mm:ss, then h:mm:ss, never negative', () => {
    expect(formatElapsed(T0, T0 + 65_000)).toBe('01:05');
    expect(formatElapsed(T0, T0 + 3_725_000)).toBe('1:02:05');
    expect(formatElapsed(T0, T0 - 5000)).toBe('00:00');
  });
});

describe('moveSelection', () => {
  it('starts at the top and clamps at the ends', () => {
    expect(moveSelection(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(moveSelection(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(moveSelection(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(moveSelection(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(moveSelection([], null, 1)).toBeNull();
  });
});

describe('placeLabel', () => {
  it('names region and ward', () => {
    expect(placeLabel(makeIncident('x', { region: 'F', ward: 74 }))).toBe('Region F · Ward 74');
    expect(placeLabel(makeIncident('x', { region: null, ward: null, isInsideMetro: false }))).toBe('Outside the metro');
  });
});
