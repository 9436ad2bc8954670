import { describe, expect, it, vi } from 'vitest';
import { LiveStore } from '../../dispatch-console/src/realtime/liveStore.ts';
import type { SyncAnswer } from '../../shared/protocol/stateSchema.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { makeDelta, makeIncident, makeSnapshot } from './fixtures.ts';

function flush() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('LiveStore', () => {
  it('fills a gap with the missed deltas, then applies what was held back', async () => {
    const sync = vi.fn((): Promise<Result<SyncAnswer>> => Promise.resolve({
      ok: true,
      data: { kind: 'deltas', deltas: [makeDelta(2, { incidents: [makeIncident('B')] }), makeDelta(3, { incidents: [makeIncident('C')] })], version: 3 },
    }));
    const store = new LiveStore(sync);
    const seen: number[] = [];
    store.onDelta((d) => seen.push(d.version));
    store.receiveSnapshot(makeSnapshot(1, [makeIncident('A')]));
    store.receiveDelta(makeDelta(4, { incidents: [makeIncident('D')] }));
    expect(sync).toHaveBeenCalledWith(1);
    await flush();
    expect(store.getState().version).toBe(4);
    expect(Object.keys(store.getState().incidents).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(seen).toEqual([2, 3, 4]);
  });

  it('replaces the state when the answer is a snapshot', async () => {
    const store = new LiveStore(() => Promise.resolve({ ok: true, data: { kind: 'snapshot', snapshot: makeSnapshot(10, [makeIncident('S')]) } }));
    store.receiveSnapshot(makeSnapshot(1));
    store.receiveDelta(makeDelta(5));
    await flush();
    expect(store.getState().version).toBe(10);
    expect(Object.keys(store.getState().incidents)).toEqual(['S']);
  });

  it('[RT6] while its socket resumes, a delta ahead waits for the resume instead of asking sync:since; then both apply in order', () => {
    const sync = vi.fn((): Promise<Result<SyncAnswer>> => Promise.resolve({ ok: true, data: { kind: 'deltas', deltas: [], version: 1 } }));
    const store = new LiveStore(sync);
    const seen: number[] = [];
    store.onDelta((d) => seen.push(d.version));
    store.receiveSnapshot(makeSnapshot(1, [makeIncident('A')]));
    store.beginResume();
    // Live again before the server's answer: version 4 arrives ahead of 2 and 3.
    store.receiveDelta(makeDelta(4, { incidents: [makeIncident('D')] }));
    expect(sync).not.toHaveBeenCalled();
    expect(store.getState().version).toBe(1);
    store.receiveSyncAnswer({ kind: 'deltas', deltas: [makeDelta(2, { incidents: [makeIncident('B')] }), makeDelta(3, { incidents: [makeIncident('C')] }), makeDelta(4, { incidents: [makeIncident('D')] })], version: 4 });
    expect(store.getState().version).toBe(4);
    expect(Object.keys(store.getState().incidents).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(seen).toEqual([2, 3, 4]);
    expect(sync).not.toHaveBeenCalled();
  });

  it('[RT6] a resume answered with a snapshot replaces the state; a socket dropped before the answer fills gaps by sync:since again', () => {
    const sync = vi.fn((): Promise<Result<SyncAnswer>> => Promise.resolve({ ok: true, data: { kind: 'deltas', deltas: [], version: 9 } }));
    const store = new LiveStore(sync);
    store.receiveSnapshot(makeSnapshot(1, [makeIncident('A')]));
    store.beginResume();
    store.receiveSyncAnswer({ kind: 'snapshot', snapshot: makeSnapshot(8, [makeIncident('S')]) });
    expect(store.getState().version).toBe(8);
    expect(Object.keys(store.getState().incidents)).toEqual(['S']);
    store.beginResume();
    store.endResume();
    store.receiveDelta(makeDelta(10));
    expect(sync).toHaveBeenCalledWith(8);
  });

  it('notifies subscribers and ignores stale deltas', () => {
    const store = new LiveStore(() => Promise.resolve({ ok: false, error: { code: 'internal_error', message: 'x' } }));
    const listener = vi.fn();
    store.subscribe(listener);
    store.receiveSnapshot(makeSnapshot(3));
    store.receiveDelta(makeDelta(3));
    expect(listener).toHaveBeenCalledTimes(1);
    store.receiveDelta(makeDelta(4));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getState().version).toBe(4);
  });

  it('[DK2] advances the version on a tick over a range of versions', () => {
    const sync = vi.fn((): Promise<Result<SyncAnswer>> => Promise.resolve({ ok: true, data: { kind: 'deltas', deltas: [], version: 9 } }));
    const store = new LiveStore(sync);
    store.receiveSnapshot(makeSnapshot(3, [makeIncident('A')]));
    store.receiveTick({ from: 4, version: 8 });
    store.receiveDelta(makeDelta(9, { incidents: [makeIncident('B')] }));
    expect(store.getState().version).toBe(9);
    expect(sync).not.toHaveBeenCalled();
  });

  it('[DK2] advances the version on a tick without a gap, and holds a tick that arrives ahead of a gap', async () => {
    const sync = vi.fn((): Promise<Result<SyncAnswer>> => Promise.resolve({ ok: true, data: { kind: 'deltas', deltas: [], version: 6 } }));
    const store = new LiveStore(sync);
    store.receiveSnapshot(makeSnapshot(3, [makeIncident('A')]));
    store.receiveTick({ from: 4, version: 4 });
    expect(store.getState().version).toBe(4);
    expect(sync).not.toHaveBeenCalled();
    store.receiveDelta(makeDelta(5, { incidents: [makeIncident('B')] }));
    expect(store.getState().version).toBe(5);
    store.receiveTick({ from: 7, version: 7 });
    expect(sync).toHaveBeenCalledWith(5);
    await flush();
    expect(store.getState().version).toBe(7);
    expect(Object.keys(store.getState().incidents).sort()).toEqual(['A', 'B']);
  });

  it('[DK2] applies an agency desk\'s filtered deltas and moves to the answer\'s version', async () => {
    // The desk is at 2; versions 3 and 5 did not concern it, 4 did; the head is 6.
    const sync = vi.fn((): Promise<Result<SyncAnswer>> => Promise.resolve({ ok: true, data: { kind: 'deltas', deltas: [makeDelta(4, { incidents: [makeIncident('D')] })], version: 6 } }));
    const store = new LiveStore(sync);
    const seen: number[] = [];
    store.onDelta((d) => seen.push(d.version));
    store.receiveSnapshot(makeSnapshot(2));
    store.receiveDelta(makeDelta(7, { incidents: [makeIncident('G')] }));
    await flush();
    expect(seen).toEqual([4, 7]);
    expect(store.getState().version).toBe(7);
    expect(Object.keys(store.getState().incidents).sort()).toEqual(['D', 'G']);
  });

  it('[CR2] forgets the old vehicle on clear, and a held-back delta with it, until the next snapshot', () => {
    const store = new LiveStore(() => new Promise(() => undefined));
    store.receiveSnapshot(makeSnapshot(5, [makeIncident('OLD')]));
    store.receiveDelta(makeDelta(7, { incidents: [makeIncident('GAP')] }));
    store.clear();
    expect(store.getState()).toMatchObject({ version: -1, incidents: {}, units: {} });
    store.receiveSnapshot(makeSnapshot(3, [makeIncident('NEW')]));
    expect(Object.keys(store.getState().incidents)).toEqual(['NEW']);
  });
});
