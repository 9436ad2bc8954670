import { describe, expect, it } from 'vitest';
import { formatElapsed, moveSelection, orderQueue, placeLabel } from '../../dispatch-console/src/incidents/queueOrder.ts';
import { T0, makeIncident } from './fixtures.ts';

describe('orderQueue', () => {
  it('puts echo first, then the oldest within a priority, leaving closed out', () => {
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
