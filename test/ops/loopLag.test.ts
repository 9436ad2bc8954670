import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { CadMetrics } from '../../server/ops/cadMetrics.ts';
import { CommandGate } from '../../server/ops/commandGate.ts';
import { createLogger } from '../../server/ops/logger.ts';
import { LoopLag } from '../../server/ops/loopLag.ts';
import { DEFAULT_SETTINGS } from '../../server/app/cadContext.ts';
import { ConnectionLoad } from '../../server/realtime/connectionLoad.ts';

const busyFor = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // the event loop is held, as by work that takes more CPU than there is
  }
};
const nextTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('[OPS12] while the event loop runs late, position fixes give way to commands', () => {
  it('[OPS12] the loop lag notes how late its timer fired after the loop was held', async () => {
    const loop = new LoopLag();
    loop.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      busyFor(150);
      await nextTimer();
      expect(loop.lastLateMs).toBeGreaterThanOrEqual(100);
    } finally {
      loop.stop();
    }
  });

  it('[OPS12] a late loop sheds a position fix (answered, counted) and admits every command', async () => {
    const loop = new LoopLag();
    const gate = new CommandGate();
    const metrics = new CadMetrics({ socketRoles: () => [], commandsInFlight: () => gate.inFlight, isDraining: () => gate.isDraining });
    const ops = { log: createLogger({ level: 'silent' }), metrics, gate, loop };
    const load = new ConnectionLoad({ ops, settings: DEFAULT_SETTINGS }, { socketId: 's-1', userId: 'u-1' });
    loop.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(load.admit('unit:position')).toBeNull();
      load.done();
      busyFor(DEFAULT_SETTINGS.shedPositionsLoopLateMs + 100);
      await nextTimer();
      const shedBefore = (await metrics.positionsShed.get()).values[0]?.value ?? 0;
      const shed = load.admit('unit:position');
      expect(shed).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      expect(shed && !shed.ok ? shed.error.message : '').toMatch(/position fix not stored/);
      expect((await metrics.positionsShed.get()).values[0]?.value).toBe(shedBefore + 1);
      expect(load.admit('incident:create')).toBeNull();
      expect(load.admit('unit:status')).toBeNull();
      // Set to 0, a late loop sheds nothing.
      const never = new ConnectionLoad({ ops, settings: { shedPositionsLoopLateMs: 0 } }, { socketId: 's-2', userId: 'u-1' });
      busyFor(DEFAULT_SETTINGS.shedPositionsLoopLateMs + 100);
      await nextTimer();
      expect(never.admit('unit:position')).toBeNull();
    } finally {
      loop.stop();
    }
  });
});
