import type { CoverageIndex } from '../coverage/computeCoverage.ts';
import type { CoverageTracker } from '../coverage/coverageTracker.ts';
import type { Logger } from '../ops/logger.ts';
import type { CadIo } from './cadIo.ts';
import { ROOMS } from './rooms.ts';

/**
 * [CV5] Keeps the consoles' coverage current: every `intervalMs` this instance asks the tracker for the coverage
 * (which reads the available sets and computes only when they changed) and, when it is not the one last pushed,
 * sends it to its own sockets in the coverage room. Each instance serves its own sockets, so a change made through
 * any instance (or the simulator) reaches every console once, within an interval, and nothing is computed for an
 * instance nobody listens to.
 */
export class CoveragePush {
  private readonly timer: NodeJS.Timeout;
  private lastPushed: CoverageIndex | null = null;
  private isChecking = false;

  constructor(
    private readonly io: CadIo,
    private readonly tracker: CoverageTracker,
    intervalMs: number,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  /** One check: pushes the coverage if it changed since the last push. */
  async check(): Promise<void> {
    if (this.isChecking || (this.io.of('/').adapter.rooms.get(ROOMS.coverage)?.size ?? 0) === 0) return;
    this.isChecking = true;
    try {
      const { index, answer } = await this.tracker.current();
      if (index === this.lastPushed) return;
      this.lastPushed = index;
      this.io.local.to(ROOMS.coverage).emit('coverage:updated', answer);
    } catch (error: unknown) {
      this.log.error({ err: error }, 'coverage check failed');
    } finally {
      this.isChecking = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
