/**
 * [OPS4] Counts the commands this instance is running and, once it drains, admits no new one. The drain waits for
 * the commands already admitted (each holds its answer and its audit line) up to a timeout; a command refused at the
 * gate never ran, so a client may send it again, with the same command id, to another instance.
 */
export class CommandGate {
  private running = 0;
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlight(): number {
    return this.running;
  }

  /** Admits a command (true), or refuses it while draining (false); an admitted command must `leave()` once answered. */
  enter(): boolean {
    if (this.draining) return false;
    this.running += 1;
    return true;
  }

  leave(): void {
    this.running = Math.max(0, this.running - 1);
    if (this.running > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  /** Stops admitting commands and waits for those running, at most `timeoutMs`; answers how many were still running. */
  async drain(timeoutMs: number): Promise<{ unfinished: number }> {
    this.draining = true;
    if (this.running > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return { unfinished: this.running };
  }
}
