import type { Candidate } from '../../../shared/dispatch/dispatchSchema.ts';
import type { OverdueAck } from './overdueAcks.ts';
import { formatWait } from './overdueAcks.ts';
import type { ReplaceOutcome } from './useAckAlarm.ts';

interface AckAlarmBannerProps {
  overdue: readonly OverdueAck[];
  replacement: Candidate | null;
  isFinding: boolean;
  outcome: ReplaceOutcome | null;
  canReplace: boolean;
  onReplace: () => void;
  onShow: (incidentId: string) => void;
  onDismissOutcome: () => void;
}

/** [AK2] "ALS-F03 has not acknowledged EC-… (1:12)", flashing, with the one-key replacement; then what it did. */
export function AckAlarmBanner({ overdue, replacement, isFinding, outcome, canReplace, onReplace, onShow, onDismissOutcome }: AckAlarmBannerProps) {
  const first = overdue[0];
  return (
    <>
      {first && (
        <div className="alert-banner ack-alarm" role="alert" data-testid="ack-alarm" data-unit-id={first.unitId} data-incident-id={first.incidentId}>
          <strong>NO ACK</strong>
          <button type="button" className="linklike" data-testid="ack-alarm-text" onClick={() => onShow(first.incidentId)}>
            {first.callSign} has not acknowledged {first.reference} ({formatWait(first.waitedMs)})
          </button>
          {overdue.length > 1 && <span>+{overdue.length - 1} more</span>}
          {canReplace && (
            <button
              type="button"
              className="ack"
              data-testid="ack-replace"
              disabled={!replacement || outcome?.state === 'sending'}
              onClick={onReplace}
            >
              {replacement ? `Stand down ${first.callSign}, assign ${replacement.callSign}` : isFinding ? 'Finding the next unit…' : 'No other unit of this kind'} <kbd>R</kbd>
            </button>
          )}
        </div>
      )}
      {outcome && (
        <div className={`replace-outcome replace-${outcome.state}`} role="status" data-testid="ack-replace-outcome" data-state={outcome.state}>
          <span>{outcome.message}</span>
          {outcome.state !== 'sending' && (
            <button type="button" className="small" onClick={onDismissOutcome}>
              OK
            </button>
          )}
        </div>
      )}
    </>
  );
}
