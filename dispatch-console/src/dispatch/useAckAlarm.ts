import { useEffect, useMemo, useRef, useState } from 'react';
import type { Candidate } from '../../../shared/dispatch/dispatchSchema.ts';
import type { Agency } from '../../../shared/units/unitKinds.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { playAlertBeep } from '../incidents/alertSound.ts';
import { useNow } from '../incidents/useNow.ts';
import { useRecommendation } from './useRecommendation.ts';
import { overdueAcknowledgements, overdueKey, replacementFor } from './overdueAcks.ts';
import type { OverdueAck } from './overdueAcks.ts';

/** What the last replace did, in words for the banner. */
export interface ReplaceOutcome {
  state: 'sending' | 'done' | 'failed';
  message: string;
}

export interface AckAlarm {
  overdue: OverdueAck[];
  /** The next recommended unit of the first overdue assignment's kind. */
  replacement: Candidate | null;
  isFinding: boolean;
  outcome: ReplaceOutcome | null;
  replace: () => void;
  dismissOutcome: () => void;
}

/**
 * [AK2] Watches for crews that have not acknowledged in time: beeps once for each newly overdue assignment, keeps
 * the next recommended unit of that kind ready, and replaces the silent unit in one go (stand down, then assign).
 */
export function useAckAlarm(live: LiveConnection, enabled: boolean, agency: Agency | undefined): AckAlarm {
  const now = useNow();
  const { incidents, units, settings, version } = live.state;
  const overdue = useMemo(
    () => (enabled ? overdueAcknowledgements(Object.values(incidents), settings?.ackDeadlineSeconds ?? null, now, { units, agency }) : []),
    [enabled, incidents, units, settings, now, agency],
  );
  const first = overdue[0] ?? null;
  const rec = useRecommendation(live.commands, first ? first.incidentId : null, version);
  const replacement = first ? replacementFor(rec.recommendation, first) : null;
  const [outcome, setOutcome] = useState<ReplaceOutcome | null>(null);
  const beeped = useRef(new Set<string>());

  useEffect(() => {
    const fresh = overdue.filter((o) => !beeped.current.has(overdueKey(o)));
    if (fresh.length === 0) return;
    for (const o of fresh) beeped.current.add(overdueKey(o));
    playAlertBeep();
  }, [overdue]);

  const callSignOf = (unitId: string) => units[unitId]?.callSign;

  async function replaceSilent(silent: OverdueAck, next: Candidate) {
    setOutcome({ state: 'sending', message: `Standing down ${silent.callSign}…` });
    const stood = await live.commands.sendCommand('unit:status', { unitId: silent.unitId, status: 'available', reason: 'no_acknowledgement' });
    if (!stood.ok) {
      setOutcome({ state: 'failed', message: `${silent.callSign} was not stood down: ${formatCommandError(stood.error, callSignOf)}` });
      return;
    }
    setOutcome({ state: 'sending', message: `${silent.callSign} stood down · assigning ${next.callSign}…` });
    const assigned = await live.commands.sendCommand('dispatch:assign', { incidentId: silent.incidentId, unitIds: [next.unitId] });
    setOutcome(
      assigned.ok
        ? { state: 'done', message: `${silent.callSign} stood down · ${next.callSign} assigned to ${silent.reference}` }
        : { state: 'failed', message: `${silent.callSign} stood down, but ${next.callSign} was not assigned: ${formatCommandError(assigned.error, callSignOf)}` },
    );
  }

  return {
    overdue,
    replacement,
    isFinding: first !== null && rec.isLoading,
    outcome,
    replace: () => {
      if (!first || !replacement || outcome?.state === 'sending') return;
      void replaceSilent(first, replacement);
    },
    dismissOutcome: () => setOutcome(null),
  };
}
