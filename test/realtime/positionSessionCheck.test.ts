import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GatedSession } from '../../server/auth/resolveSession.ts';
import { POSITION_SESSION_CHECK_MS, PositionSessionCheck } from '../../server/realtime/positionSessionCheck.ts';

const GOOD: GatedSession = {
  session: { userId: 'u1', username: 'crew-eng-f01', displayName: 'Crew of ENG-F01', role: 'crew', unitId: 'eng-f01', sessionId: 's1', signedInAt: 0, expiresAt: Date.now() + 60_000 },
  limit: { isAllowed: true },
};

describe('[AU6][OPS12] a connection’s position fixes are checked against its session at most once a second', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fixes within the second share one check, fixes sent while it is on its way wait for it, and the next second checks again', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const read = vi.fn(() => Promise.resolve(GOOD));
    const check = new PositionSessionCheck(read);
    const together = await Promise.all([check.check(), check.check(), check.check()]);
    expect(together).toEqual([GOOD, GOOD, GOOD]);
    expect(read).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(POSITION_SESSION_CHECK_MS - 1);
    expect(await check.check()).toBe(GOOD);
    expect(read).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(await check.check()).toBe(GOOD);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('an ended session is never kept: every fix after it is checked again (and refused while it stays ended)', async () => {
    const read = vi.fn((): Promise<GatedSession | null> => Promise.resolve(null));
    const check = new PositionSessionCheck(read);
    expect(await check.check()).toBeNull();
    expect(await check.check()).toBeNull();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a check that fails is not kept either: the next fix reads again', async () => {
    let calls = 0;
    const check = new PositionSessionCheck(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('Redis away')) : Promise.resolve(GOOD);
    });
    await expect(check.check()).rejects.toThrow('Redis away');
    expect(await check.check()).toBe(GOOD);
  });
});
