import { formatElapsed } from '../incidents/queueOrder.ts';
import { useNow } from '../incidents/useNow.ts';

/** mm:ss since the call was answered. */
export function CallTimer({ startedAt }: { startedAt: number }) {
  const now = useNow(500);
  return (
    <span className="call-timer" data-testid="call-timer" title="Time since the call was answered">
      {formatElapsed(startedAt, now)}
    </span>
  );
}
