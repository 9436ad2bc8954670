import type { CadContext } from '../app/cadContext.ts';
import { recordPosition } from './recordPosition.ts';
import { readUnits } from './readUnits.ts';
import type { PositionFrames } from '../realtime/positionFrames.ts';

/**
 * Demo only: vehicles parked at their base report where they are every `intervalMs`, as their
 * vehicle trackers would, so that their positions stay fresh for recommendation. Fixes go through
 * the same position path as a crew's device.
 */
export function startAvlHeartbeat(ctx: CadContext, frames: PositionFrames, intervalMs: number): () => void {
  const beat = async (): Promise<void> => {
    const ids = await ctx.redis.smembers(ctx.keys.unitIds);
    const units = await readUnits(ctx, ids);
    for (const unit of units) {
      if (!unit) continue;
      const outcome = await recordPosition(ctx, { commandId: `avl-${unit.id}-${ctx.now()}`, unitId: unit.id, position: unit.position, fixAt: ctx.now() });
      if (outcome.fix) frames.add(outcome.fix);
    }
  };
  const logFailure = (error: unknown): void => ctx.ops.log.error({ err: error }, 'AVL heartbeat failed');
  const run = (): void => {
    beat().catch(logFailure);
  };
  run();
  // [RL2] On a replay clock the trackers report every `intervalMs` of replayed time.
  if (ctx.replayClock) return ctx.replayClock.every(intervalMs, beat, logFailure);
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
