import { performance } from 'node:perf_hooks';

/** How often the loop's lateness is sampled. */
const SAMPLE_EVERY_MS = 20;

/**
 * [OPS12] How late this instance's event loop is running: a timer due every 20 ms notes by how much it fired late.
 * While it runs late the instance has more work than CPU, and position fixes give way to commands (ConnectionLoad)
 * before the commands themselves wait. The timer does not keep the process alive.
 */
export class LoopLag {
  private lateMs = 0;
  private timer: NodeJS.Timeout | null = null;

  start(): void {
    if (this.timer) return;
    let due = performance.now() + SAMPLE_EVERY_MS;
    this.timer = setInterval(() => {
      const now = performance.now();
      this.lateMs = Math.max(0, now - due);
      due = now + SAMPLE_EVERY_MS;
    }, SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** How late the last sample fired, in ms. */
  get lastLateMs(): number {
    return this.lateMs;
  }
}
