import { describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { DraftStorage } from '../../dispatch-console/src/calls/draftStore.ts';
import { echoAlerts, echoWaitingSince, prunedAcknowledgements, withAcknowledged } from '../../dispatch-console/src/incidents/echoAlerts.ts';
import { alertAckKey, loadAcknowledgements, saveAcknowledgements } from '../../dispatch-console/src/incidents/alertAckStore.ts';
import { T0, makeAssignment, makeIncident } from './fixtures.ts';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const echo = (id: string, overrides: Partial<Incident> = {}): Incident => makeIncident(id, { priority: 'echo', ...overrides });

describe('[IQ2] which incidents raise the Echo alert', () => {
  it('[IQ2] an open Echo incident with no unit alerts, from the state alone, oldest wait first', () => {
    const alerts = echoAlerts(
      [
        echo('echo-new', { createdAt: T0 + 9000 }),
        echo('echo-old', { createdAt: T0 }),
        makeIncident('delta-pending', { priority: 'delta' }),
        echo('echo-dispatched', { status: 'dispatched', assignments: [makeAssignment('als1', T0 + 100)] }),
        echo('echo-awaiting-close', { status: 'awaiting_close', assignments: [makeAssignment('als2', T0, { clearedAt: T0 + 50 })] }),
      ],
      [],
    );
    expect(alerts.map((a) => a.incident.id)).toEqual(['echo-old', 'echo-new']);
    expect(alerts.map((a) => a.waitingSince)).toEqual([T0, T0 + 9000]);
  });

  it('[IQ2] a unit assigned ends the alert; the unit leaving while still needed raises it again', () => {
    const waiting = echo('e1');
    expect(echoAlerts([waiting], [])).toHaveLength(1);
    const dispatched = { ...waiting, status: 'dispatched' as const, assignments: [makeAssignment('als1', T0 + 1000)] };
    expect(echoAlerts([dispatched], [])).toEqual([]);
    // [AK2][LC7] The silent crew stood down: pending again, a new wait from the moment it cleared.
    const standDown = { ...waiting, status: 'pending' as const, assignments: [makeAssignment('als1', T0 + 1000, { clearedAt: T0 + 70_000 })] };
    expect(echoWaitingSince(standDown)).toBe(T0 + 70_000);
  });

  it('[IQ2] an acknowledgement covers one wait: a reopened, sent-back or raised-to-Echo incident alerts again', () => {
    const waiting = echo('e1');
    const acknowledged = withAcknowledged([], echoAlerts([waiting], []));
    expect(acknowledged).toEqual([{ incidentId: 'e1', waitingSince: T0 }]);
    expect(echoAlerts([waiting], acknowledged)).toEqual([]);

    // [LC3] Reopened: a new wait.
    const reopened = echo('e1', { lifecycle: [{ at: T0 + 600_000, by: 'd1', action: 'reopened', reason: 'caller rang back' }] });
    expect(echoAlerts([reopened], acknowledged).map((a) => a.waitingSince)).toEqual([T0 + 600_000]);
    // [LC8] Sent back for more units: a new wait.
    const sentBack = echo('e1', { lifecycle: [{ at: T0 + 700_000, by: 'd1', action: 'more_units', reason: 'second patient' }] });
    expect(echoAlerts([sentBack], acknowledged)).toHaveLength(1);
    // [LC6] Raised from Delta to Echo: a new wait; a change that keeps Echo is not.
    const raised = echo('e1', {
      lifecycle: [{ at: T0 + 800_000, by: 'd1', action: 'reclassified', reason: 'not breathing', change: { from: { type: 'medical_emergency', priority: 'delta' }, to: { type: 'cardiac_arrest', priority: 'echo' } } }],
    });
    expect(echoWaitingSince(raised)).toBe(T0 + 800_000);
    const kept = echo('e1', {
      lifecycle: [{ at: T0 + 900_000, by: 'd1', action: 'reclassified', reason: 'type', change: { from: { type: 'medical_emergency', priority: 'echo' }, to: { type: 'cardiac_arrest', priority: 'echo' } } }],
    });
    expect(echoAlerts([kept], acknowledged)).toEqual([]);
  });

  it('[IQ2] acknowledging some alerts leaves the others standing', () => {
    const alerts = echoAlerts([echo('a', { createdAt: T0 }), echo('b', { createdAt: T0 + 1 })], []);
    const first = alerts.filter((a) => a.incident.id === 'a');
    const acknowledged = withAcknowledged([{ incidentId: 'a', waitingSince: T0 - 5 }], first);
    expect(acknowledged).toEqual([{ incidentId: 'a', waitingSince: T0 }]);
    expect(echoAlerts([echo('a'), echo('b', { createdAt: T0 + 1 })], acknowledged).map((a) => a.incident.id)).toEqual(['b']);
  });
});

describe('[IQ4] the desk’s acknowledgements kept in the browser', () => {
  it('[IQ4] survive a reload, per signed-in user and desk', () => {
    const storage = memoryStorage();
    const key = alertAckKey('user-d1', 'ems');
    saveAcknowledgements(storage, key, [{ incidentId: 'EC-1', waitingSince: T0 }]);
    expect(loadAcknowledgements(storage, key)).toEqual([{ incidentId: 'EC-1', waitingSince: T0 }]);
    expect(loadAcknowledgements(storage, alertAckKey('user-d2', 'ems'))).toEqual([]);
    expect(loadAcknowledgements(storage, alertAckKey('user-d1', 'fire'))).toEqual([]);
    expect(alertAckKey('user-d1', undefined)).not.toBe(key);
  });

  it('[IQ4] are forgotten when their incident leaves the board, and none leaves no key', () => {
    const acknowledged = [
      { incidentId: 'open', waitingSince: T0 },
      { incidentId: 'closed', waitingSince: T0 },
    ];
    expect(prunedAcknowledgements(acknowledged, { open: echo('open') })).toEqual([{ incidentId: 'open', waitingSince: T0 }]);
    const storage = memoryStorage();
    const key = alertAckKey('u', 'combined');
    saveAcknowledgements(storage, key, acknowledged);
    saveAcknowledgements(storage, key, []);
    expect(storage.items.size).toBe(0);
  });

  it('[IQ4] an unreadable list is dropped, so its alerts show again', () => {
    const storage = memoryStorage();
    const key = alertAckKey('u', 'combined');
    storage.setItem(key, '{"not": "a list"}');
    expect(loadAcknowledgements(storage, key)).toEqual([]);
    expect(storage.items.has(key)).toBe(false);
    storage.setItem(key, 'not json');
    expect(loadAcknowledgements(storage, key)).toEqual([]);
  });
});
