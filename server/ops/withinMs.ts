/** What a bounded wait came to: the value, or why there is none (the time ran out, or the promise failed). */
export type Bounded<T> = { ok: true; value: T; ms: number } | { ok: false; reason: 'timeout' | 'error'; error?: unknown; ms: number };

/**
 * [OPS3] Waits for `promise` at most `boundMs`. A probe must answer in time whatever Redis is doing: ioredis queues a
 * command while it reconnects, so a PING can hang for as long as the outage lasts. The promise is left to settle on
 * its own (its failure is swallowed here, not left unhandled).
 */
export function withinMs<T>(promise: Promise<T>, boundMs: number): Promise<Bounded<T>> {
  const startedAt = performance.now();
  const elapsed = (): number => performance.now() - startedAt;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, reason: 'timeout', ms: elapsed() }), boundMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ ok: true, value, ms: elapsed() });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ ok: false, reason: 'error', error, ms: elapsed() });
      },
    );
  });
}
