import { describe, expect, it } from 'vitest';
import { EMPTY_LIVE_STATE, applyDelta, applyDeltas, applyFixes, applySnapshot, applySyncDeltas, applyTick } from '../../dispatch-console/src/realtime/liveState.ts';
import { T0, makeDelta, makeIncident, makeSnapshot, makeUnit, unitId } from './fixtures.ts';

describe('applySnapshot', () => {
  it('replaces the state and leaves closed incidents out of the queue', () => {
    const state = applySnapshot(makeSnapshot(7, [makeIncident('A'), makeIncident('B', { status: 'closed' })], [makeUnit('u1')]));
    expect(state.version).toBe(7);
    expect(Object.keys(state.incidents)).toEqual(['A']);
    expect(Object.keys(state.units)).toEqual(['u1']);
  });
});

describe('applyDelta', () => {
  const base = applySnapshot(makeSnapshot(5, [makeIncident('A')], [makeUnit('u1')]));

  it('applies the next version and upserts the after-states', () => {
    const assigned = makeIncident('A', { status: 'dispatched' });
    const unit = makeUnit('u1', { status: 'dispatched', incidentId: 'A' });
    const { state, outcome } = applyDelta(base, makeDelta(6, { incidents: [assigned, makeIncident('B')], units: [unit] }, 'dispatch:assigned'));
    expect(outcome).toBe('applied');
    expect(state.version).toBe(6);
    expect(state.incidents['A']?.status).toBe('dispatched');
    expect(state.incidents['B']).toBeDefined();
    expect(state.units['u1']?.status).toBe('dispatched');
    expect(base.incidents['A']?.status).toBe('pending');
  });

  it('ignores a version already seen', () => {
    const result = applyDelta(base, makeDelta(5, { incidents: [makeIncident('Z')] }));
    expect(result.outcome).toBe('stale');
    expect(result.state).toBe(base);
  });

  it('reports a gap without changing the state', () => {
    const result = applyDelta(base, makeDelta(8, { incidents: [makeIncident('Z')] }));
    expect(result.outcome).toBe('gap');
    expect(result.state).toBe(base);
  });

  it('treats any delta before the first snapshot as a gap', () => {
    expect(applyDelta(EMPTY_LIVE_STATE, makeDelta(1)).outcome).toBe('gap');
  });

  it('removes a closed incident from the queue', () => {
    const { state } = applyDelta(base, makeDelta(6, { incidents: [makeIncident('A', { status: 'closed', closedAt: T0 })] }, 'incident:closed'));
    expect(state.incidents['A']).toBeUndefined();
  });

  it('keeps a newer position fix that overtook the delta', () => {
    const moved = applyFixes(base, [{ unitId: unitId('u1'), position: [28.3, -26.1], fixAt: T0 + 9000 }]);
    const { state } = applyDelta(moved, makeDelta(6, { units: [makeUnit('u1', { status: 'dispatched' })] }));
    expect(state.units['u1']?.status).toBe('dispatched');
    expect(state.units['u1']?.position).toEqual([28.3, -26.1]);
  });
});

describe('applyDeltas', () => {
  it('applies deltas in version order and stops at a gap', () => {
    const base = applySnapshot(makeSnapshot(1));
    const done = applyDeltas(base, [makeDelta(3, { incidents: [makeIncident('C')] }), makeDelta(2, { incidents: [makeIncident('B')] })]);
    expect(done.outcome).toBe('applied');
    expect(done.state.version).toBe(3);
    const gap = applyDeltas(base, [makeDelta(2), makeDelta(4)]);
    expect(gap.outcome).toBe('gap');
    expect(gap.state.version).toBe(2);
  });
});

describe('applyFixes', () => {
  const base = applySnapshot(makeSnapshot(2, [], [makeUnit('u1'), makeUnit('u2')]));

  it('moves units without changing the version', () => {
    const state = applyFixes(base, [{ unitId: unitId('u1'), position: [28.1, -26.3], fixAt: T0 + 1000 }]);
    expect(state.units['u1']?.position).toEqual([28.1, -26.3]);
    expect(state.units['u2']).toBe(base.units['u2']);
    expect(state.version).toBe(2);
  });

  it('ignores older fixes and unknown units, returning the same state', () => {
    const state = applyFixes(base, [
      { unitId: unitId('u1'), position: [1, 1], fixAt: T0 - 1 },
      { unitId: unitId('nope'), position: [1, 1], fixAt: T0 + 1 },
    ]);
    expect(state).toBe(base);
  });
});

describe('[DK2] applyTick', () => {
  const base = applySnapshot(makeSnapshot(5, [makeIncident('A')]));

  it('advances to the next version and changes nothing else', () => {
    const { state, outcome } = applyTick(base, { from: 6, version: 6 });
    expect(outcome).toBe('applied');
    expect(state.version).toBe(6);
    expect(state.incidents).toBe(base.incidents);
  });

  it('moves over a range of versions that began at or before the next one', () => {
    expect(applyTick(base, { from: 6, version: 9 })).toMatchObject({ outcome: 'applied', state: { version: 9 } });
    // Versions 3..5 were vouched for already (the console holds them): still only what is new counts.
    expect(applyTick(base, { from: 3, version: 7 })).toMatchObject({ outcome: 'applied', state: { version: 7 } });
  });

  it('ignores a version already seen and reports a gap when versions were missed', () => {
    expect(applyTick(base, { from: 5, version: 5 }).outcome).toBe('stale');
    expect(applyTick(base, { from: 2, version: 4 }).outcome).toBe('stale');
    expect(applyTick(base, { from: 8, version: 8 })).toEqual({ state: base, outcome: 'gap' });
    expect(applyTick(base, { from: 7, version: 12 })).toEqual({ state: base, outcome: 'gap' });
    expect(applyTick(EMPTY_LIVE_STATE, { from: 1, version: 1 }).outcome).toBe('gap');
  });
});

describe('[RT3][DK2] applySyncDeltas', () => {
  const base = applySnapshot(makeSnapshot(5, [makeIncident('A')]));

  it('applies filtered deltas across the versions left out, then sets the answer version', () => {
    const { state, applied } = applySyncDeltas(base, [makeDelta(9, { incidents: [makeIncident('C')] }), makeDelta(7, { incidents: [makeIncident('B')] })], 11);
    expect(applied.map((d) => d.version)).toEqual([7, 9]);
    expect(state.version).toBe(11);
    expect(Object.keys(state.incidents).sort()).toEqual(['A', 'B', 'C']);
  });

  it('skips deltas already seen and never moves the version back', () => {
    const { state, applied } = applySyncDeltas(base, [makeDelta(4, { incidents: [makeIncident('OLD')] })], 3);
    expect(applied).toEqual([]);
    expect(state.version).toBe(5);
    expect(state.incidents['OLD']).toBeUndefined();
  });

  it('with no deltas, just moves to the answer version', () => {
    expect(applySyncDeltas(base, [], 8).state.version).toBe(8);
  });
});

describe('live settings and acknowledgements', () => {
  it('[AK2] keeps the snapshot’s settings through deltas', () => {
    const state = applySnapshot(makeSnapshot(3, [makeIncident('A')]));
    expect(state.settings?.ackDeadlineSeconds).toBe(60);
    const acked = makeIncident('A', { status: 'dispatched' });
    const { state: next, outcome } = applyDelta(state, makeDelta(4, { incidents: [acked] }, 'unit:acknowledged'));
    expect(outcome).toBe('applied');
    expect(next.settings).toBe(state.settings);
    expect(next.incidents['A']?.status).toBe('dispatched');
    expect(EMPTY_LIVE_STATE.settings).toBeNull();
  });
});
