import { useCallback, useEffect, useState } from 'react';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { isTopPriority } from '../../../shared/incidents/priority.ts';
import type { LiveStore } from '../realtime/liveStore.ts';
import { playAlertBeep } from './alertSound.ts';

const ALERTING_FACTS: ReadonlySet<string> = new Set(['incident:created', 'incident:updated', 'incident:reopened']);

/** New (or newly top-priority) incidents, raised with a beep and kept until acknowledged. */
export function useTopPriorityAlerts(store: LiveStore, enabled = true): { alerts: Incident[]; acknowledge: () => void } {
  const [alerts, setAlerts] = useState<Incident[]>([]);

  useEffect(
    () =>
      enabled ? store.onDelta((delta) => {
        // [LC3][LC6] An incident reopened or reclassified at Echo needs the desk's eyes as much as a new one.
        if (!ALERTING_FACTS.has(delta.fact)) return;
        const urgent = delta.incidents.filter((incident) => isTopPriority(incident.priority) && incident.status !== 'closed');
        if (urgent.length === 0) return;
        playAlertBeep();
        setAlerts((current) => [...current, ...urgent.filter((u) => !current.some((c) => c.id === u.id))]);
      }) : undefined,
    [store, enabled],
  );

  const acknowledge = useCallback(() => setAlerts([]), []);
  return { alerts, acknowledge };
}
