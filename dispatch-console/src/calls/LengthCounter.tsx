import { formatCount } from '../realtime/issueSentences.ts';

/** From this share of the limit the counter turns amber, so the call-taker sees the end coming. */
const NEAR_SHARE = 0.9;

/** [IC11] "1,234 / 2,000" beside a free-text field: amber near the limit, red (and said in words) past it. */
export function LengthCounter({ value, max, testId }: { value: string; max: number; testId?: string }) {
  const length = value.trim().length;
  const state = length > max ? 'over' : length >= max * NEAR_SHARE ? 'near' : 'ok';
  return (
    <span className={`length-counter ${state}`} data-testid={testId} data-state={state} aria-live={state === 'ok' ? 'off' : 'polite'}>
      {formatCount(length)} / {formatCount(max)}
      {state === 'over' && ` · ${formatCount(length - max)} too many`}
    </span>
  );
}
