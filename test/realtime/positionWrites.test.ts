import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SCRIPTS } from '../../server/redis/scripts.ts';
import { UnitIdSchema } from '../../shared/units/unitSchema.ts';
import { recordPosition } from '../../server/units/recordPosition.ts';
import { recordPositions } from '../../server/units/recordPositions.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/**
 * [UP1] Devices' single fixes that reach an instance together are written by one call of the batch script, each
 * still answered with its own outcome, exactly as if it had been written alone.
 */
describe('[UP1] single fixes written together', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('[UP1] fixes of one turn: one script call; each its own answer: stored, an older fix of the same unit ignored, an unknown unit refused', async () => {
    const { ctx } = app.server;
    const units = (await ctx.redis.smembers(ctx.keys.unitIds)).sort().slice(0, 40).map((id) => UnitIdSchema.parse(id));
    const [first, second, third] = units;
    if (!first || !second || !third) throw new Error('the fleet has fewer than 40 units');
    // Later than the fixes the fleet was seeded with, and within the allowance for a device clock ahead (CM5).
    const at = ctx.now();
    // The kinds are read once and kept (units do not change kind), so every fix below reaches the writes in one turn.
    await Promise.all(units.map((unitId) => ctx.unitKinds.kindOf(unitId)));
    // Counts the calls of the real script (it still runs): the store is not stood in for.
    const calls = vi.spyOn(SCRIPTS.recordPositions, 'run');
    const answers = await Promise.all([
      ...units.map((unitId, i) => recordPosition(ctx, { commandId: `pw-${i}`, unitId, position: [28.04 + i / 1000, -26.2], fixAt: at + 1_000 })),
      // The same unit again, with an older fix, in the same turn: the stored (later) fix wins.
      recordPosition(ctx, { commandId: 'pw-older', unitId: first, position: [28.5, -26.5], fixAt: at + 500 }),
    ]);
    expect(calls).toHaveBeenCalledTimes(1);
    calls.mockRestore();
    for (const answer of answers.slice(0, 40)) expect(answer.result).toEqual({ ok: true, data: { isAccepted: true, fixAt: at + 1_000 } });
    expect(answers[40]?.result).toEqual({ ok: true, data: { isAccepted: false, fixAt: at + 500 } });
    expect(answers[40]?.fix).toBeUndefined();
    const stored = await ctx.redis.hmget(ctx.keys.unit(first), 'lng', 'fixAt');
    expect(stored.map(Number)).toEqual([28.04, at + 1_000]);
    // A unit the kind cache knows but the store no longer holds is refused alone; the others of its turn are stored.
    const [gone, kept] = await Promise.all([
      (async () => {
        await ctx.redis.del(ctx.keys.unit(second));
        return recordPosition(ctx, { commandId: 'pw-gone', unitId: second, position: [28.1, -26.1], fixAt: at + 2_000 });
      })(),
      recordPosition(ctx, { commandId: 'pw-kept', unitId: third, position: [28.1, -26.1], fixAt: at + 2_000 }),
    ]);
    expect(gone.result).toMatchObject({ ok: false, error: { code: 'unit_not_found' } });
    expect(kept.result).toEqual({ ok: true, data: { isAccepted: true, fixAt: at + 2_000 } });
  });
  it('[UP3] gateway batches of one turn share calls of at most 500 fixes, a batch never split; each batch answered with its own fixes', async () => {
    const { ctx } = app.server;
    // The fleet's units still in the store (the test above took one out).
    const ids = (await ctx.redis.smembers(ctx.keys.unitIds)).sort();
    const present = await Promise.all(ids.map((id) => ctx.redis.exists(ctx.keys.unit(id))));
    const units = ids.filter((_, i) => present[i] === 1).map((id) => UnitIdSchema.parse(id));
    await Promise.all(units.map((unitId) => ctx.unitKinds.kindOf(unitId)));
    // The fleet's units in turn, each fix a millisecond after the one before, so that every one is newer than the last stored.
    let at = ctx.now() + 5_000;
    const batch = (count: number) => ({
      commandId: `gw-${at}`,
      fixes: Array.from({ length: count }, (_, i) => ({ unitId: units[i % units.length] ?? units[0] ?? UnitIdSchema.parse('none'), position: [28.0 + i / 10_000, -26.2] as [number, number], fixAt: (at += 1) })),
    });
    const calls = vi.spyOn(SCRIPTS.recordPositions, 'run');
    // 200 + 200 fit one call; the third batch of 300 would pass 500, so it goes in a call of its own, whole.
    const answers = await Promise.all([recordPositions(ctx, batch(200)), recordPositions(ctx, batch(200)), recordPositions(ctx, batch(300))]);
    const sizes = calls.mock.calls.map(([, , args]) => args.length / 4);
    calls.mockRestore();
    expect(sizes).toEqual([400, 300]);
    expect(answers.map((answer) => answer.result)).toEqual([
      { ok: true, data: { stored: 200, ignored: 0, rejected: [] } },
      { ok: true, data: { stored: 200, ignored: 0, rejected: [] } },
      { ok: true, data: { stored: 300, ignored: 0, rejected: [] } },
    ]);
    expect(Number(await ctx.redis.hget(ctx.keys.unit(units[299 % units.length] ?? ''), 'fixAt'))).toBe(at);
  });
});
