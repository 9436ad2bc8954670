import type { UnitFix } from '../../shared/units/unitSchema.ts';
import type { CadMetrics } from '../ops/cadMetrics.ts';
import type { CadIo } from './cadIo.ts';
import { DESK_ROOMS, ROOMS } from './rooms.ts';

/**
 * [RT4] Coalesces position fixes into frames: consoles get at most one message per interval
 * holding the latest fix of each unit that moved, not one message per fix. [OPS2] A fix replaced before
 * its frame went out is counted as coalesced.
 */
export class PositionFrames {
  private pending = new Map<string, UnitFix>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly io: CadIo,
    intervalMs: number,
    private readonly metrics: Pick<CadMetrics, 'positionsCoalesced'>,
  ) {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  /** Queues a fix; a later fix of the same unit in the same frame replaces it. */
  add(fix: UnitFix): void {
    if (this.pending.has(fix.unitId)) this.metrics.positionsCoalesced.inc();
    this.pending.set(fix.unitId, fix);
  }

  /** Sends the pending frame, if any. */
  flush(): void {
    if (this.pending.size === 0) return;
    const frame = [...this.pending.values()];
    this.pending = new Map();
    // Desks get every fix too: a desk follows other agencies' units committed to its incidents.
    this.io.to([ROOMS.consoles, ...DESK_ROOMS]).emit('units:moved', frame);
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
