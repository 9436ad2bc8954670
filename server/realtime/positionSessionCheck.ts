import type { GatedSession } from '../auth/resolveSession.ts';

/** How long one check of a connection's session stands for the position fixes it sends next. */
export const POSITION_SESSION_CHECK_MS = 1_000;

/**
 * [AU6][OPS12] The session check of a connection's position fixes, read at most once a second. A device sends a fix
 * every few seconds and the AVL gateway many a second; each fix changes nothing but a position, while the round trip
 * that checks its session cost about as much of the server as storing it. A session ended elsewhere still stops the
 * device's fixes: its sockets are dropped at once (`session:ended`), and at worst a second's fixes already sent are
 * stored. Commands are still checked one by one. Fixes sent while a check is on its way wait for that one.
 */
export class PositionSessionCheck {
  private last: { at: number; gated: GatedSession } | null = null;
  private reading: Promise<GatedSession | null> | null = null;

  constructor(private readonly read: () => Promise<GatedSession | null>) {}

  /** The connection's session as last checked within the second, or checked now; null when it has ended. */
  check(): Promise<GatedSession | null> {
    const { last } = this;
    if (last && performance.now() - last.at < POSITION_SESSION_CHECK_MS) return Promise.resolve(last.gated);
    this.reading ??= this.read()
      .then((gated) => {
        this.last = gated ? { at: performance.now(), gated } : null;
        return gated;
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }
}
