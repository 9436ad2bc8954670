import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveState } from '../realtime/liveState.ts';
import { browserStorage } from '../calls/draftStore.ts';
import { loadAcknowledgements, saveAcknowledgements } from './alertAckStore.ts';
import { afterBeep, NO_BEEP_YET, planBeep } from './alertBeepSchedule.ts';
import { playAlertBeep, primeAudioOnFirstGesture } from './alertSound.ts';
import { echoAlerts, prunedAcknowledgements, withAcknowledged } from './echoAlerts.ts';
import type { AlertAcknowledgement, EchoAlert } from './echoAlerts.ts';

export interface EchoAlertsHandle {
  alerts: EchoAlert[];
  /** Acknowledges the alerts standing now, or only those of `incidentIds`. */
  acknowledge: (incidentIds?: readonly string[]) => void;
}

/**
 * [IQ2][IQ3][IQ4] The desk's Echo alerts, derived from the live state (so a board opened or reloaded later shows
 * them too), with this desk's acknowledgements kept in the browser under `storageKey` (null: no alerts, as for a
 * call-taker), and the sound repeated while any alert stands.
 */
export function useEchoAlerts(state: Pick<LiveState, 'version' | 'incidents'>, storageKey: string | null): EchoAlertsHandle {
  const storage = useMemo(() => browserStorage(), []);
  const [acknowledged, setAcknowledged] = useState<AlertAcknowledgement[]>(() => (storage && storageKey ? loadAcknowledgements(storage, storageKey) : []));
  const { incidents, version } = state;
  const isEnabled = storageKey !== null;

  const store = useCallback(
    (next: AlertAcknowledgement[]) => {
      setAcknowledged(next);
      if (storage && storageKey) saveAcknowledgements(storage, storageKey, next);
    },
    [storage, storageKey],
  );

  // [IQ4] Another tab of the same sign-in acknowledged: follow it.
  useEffect(() => {
    if (!storage || !storageKey) return undefined;
    const follow = (event: StorageEvent) => {
      if (event.key === storageKey) setAcknowledged(loadAcknowledgements(storage, storageKey));
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [storage, storageKey]);

  // [IQ4] Once the board holds a snapshot, forget acknowledgements of incidents that have left it (closed).
  useEffect(() => {
    if (version < 0) return;
    const pruned = prunedAcknowledgements(acknowledged, incidents);
    if (pruned.length !== acknowledged.length) store(pruned);
  }, [version, incidents, acknowledged, store]);

  const alerts = useMemo(() => (isEnabled ? echoAlerts(Object.values(incidents), acknowledged) : []), [isEnabled, incidents, acknowledged]);

  const acknowledge = useCallback(
    (incidentIds?: readonly string[]) => {
      const chosen = incidentIds ? alerts.filter((alert) => incidentIds.includes(alert.incident.id)) : alerts;
      if (chosen.length > 0) store(withAcknowledged(acknowledged, chosen));
    },
    [alerts, acknowledged, store],
  );

  useEffect(() => (isEnabled ? primeAudioOnFirstGesture(window) : undefined), [isEnabled]);

  // [IQ3] The sound: at once for a new alert, then every ALERT_REPEAT_SECONDS while any stands.
  const memory = useRef(NO_BEEP_YET);
  const keyList = alerts.map((alert) => alert.key).join('\n');
  useEffect(() => {
    const keys = keyList === '' ? [] : keyList.split('\n');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const now = Date.now();
      if (planBeep(memory.current, keys, now).isDue) {
        playAlertBeep();
        memory.current = afterBeep(keys, now);
      }
      const { dueAt } = planBeep(memory.current, keys, now);
      if (dueAt !== null) timer = setTimeout(tick, Math.max(0, dueAt - now));
    };
    tick();
    return () => clearTimeout(timer);
  }, [keyList]);

  return { alerts, acknowledge };
}
