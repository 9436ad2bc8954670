import type { CallerHistory, CallRecord } from '../../../shared/callers/callerSchema.ts';
import { DISPOSITION_LABELS } from '../../../shared/callers/callerSchema.ts';
import { formatDayTime } from '../incidents/incidentIntervals.ts';
import { useCityZone } from '../time/cityZone.ts';

const SHOWN = 3;

function outcomeText(call: CallRecord): string {
  if (call.outcome === 'disposition' && call.disposition) return DISPOSITION_LABELS[call.disposition];
  if (call.outcome === 'linked') return `linked to ${call.incidentId ?? '?'}`;
  return call.incidentId ?? 'incident';
}

/**
 * The callback number's earlier calls, compactly, and for a number flagged for repeated hoaxes an amber warning.
 * Information only: it never blocks or slows the call.
 */
export function CallerHistoryNotice({ history }: { history: CallerHistory | null }) {
  const timeZone = useCityZone();
  if (!history) return null;
  const { calls } = history;
  return (
    <div className="caller-history" data-testid="caller-history">
      {history.isFlagged && (
        <div className="hoax-warning" role="status" data-testid="hoax-warning">
          <strong>⚠ Repeated hoax calls — answer as usual, verify details</strong>
          {history.flagReason && <div className="small">{history.flagReason.split(' — ')[0]}</div>}
        </div>
      )}
      {calls.length === 0 ? (
        <div className="muted small">No earlier calls from this number.</div>
      ) : (
        <div className="small">
          <span className="muted">{calls.length} earlier call{calls.length === 1 ? '' : 's'}:</span>
          <ul className="history-list">
            {calls.slice(0, SHOWN).map((call) => (
              <li key={call.id} className={call.disposition === 'hoax' ? 'hoax' : undefined}>
                {formatDayTime(call.at, timeZone)} · {outcomeText(call)}
                {call.callerName && <span className="muted"> · {call.callerName}</span>}
              </li>
            ))}
          </ul>
          {calls.length > SHOWN && <span className="muted">+{calls.length - SHOWN} more</span>}
        </div>
      )}
    </div>
  );
}
