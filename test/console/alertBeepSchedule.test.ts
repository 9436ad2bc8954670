import { describe, expect, it } from 'vitest';
import { ALERT_REPEAT_MS, ALERT_REPEAT_SECONDS, NO_BEEP_YET, afterBeep, planBeep } from '../../dispatch-console/src/incidents/alertBeepSchedule.ts';
import type { BeepMemory } from '../../dispatch-console/src/incidents/alertBeepSchedule.ts';
import { T0 } from './fixtures.ts';

/** Runs the schedule as the board does, second by second, and answers when the sound played. */
function beepTimes(keysAt: (now: number) => string[], from: number, to: number): number[] {
  let memory: BeepMemory = NO_BEEP_YET;
  const played: number[] = [];
  for (let now = from; now <= to; now += 1000) {
    const keys = keysAt(now);
    if (planBeep(memory, keys, now).isDue) {
      played.push(now - from);
      memory = afterBeep(keys, now);
    }
  }
  return played;
}

describe('[IQ3] the Echo alert sound', () => {
  it(`[IQ3] repeats every ${ALERT_REPEAT_SECONDS} s while the alert stands, and stops once it is gone`, () => {
    expect(ALERT_REPEAT_SECONDS).toBe(10);
    // Standing for 35 s, then acknowledged (or a unit assigned).
    const played = beepTimes((now) => (now - T0 < 35_000 ? ['EC-1@1'] : []), T0, T0 + 60_000);
    expect(played).toEqual([0, 10_000, 20_000, 30_000]);
  });

  it('[IQ3] a new alert sounds at once; an acknowledged one does not bring the sound forward', () => {
    const keysAt = (now: number) => {
      const t = now - T0;
      if (t < 4_000) return ['a@1'];
      if (t < 6_000) return ['a@1', 'b@2'];
      return ['b@2'];
    };
    expect(beepTimes(keysAt, T0, T0 + 20_000)).toEqual([0, 4_000, 14_000]);
  });

  it('[IQ3] says when the sound is next due, and nothing without an alert', () => {
    expect(planBeep(NO_BEEP_YET, [], T0)).toEqual({ isDue: false, dueAt: null });
    expect(planBeep(NO_BEEP_YET, ['a@1'], T0)).toEqual({ isDue: true, dueAt: T0 });
    const heard = afterBeep(['a@1'], T0);
    expect(planBeep(heard, ['a@1'], T0 + 3_000)).toEqual({ isDue: false, dueAt: T0 + ALERT_REPEAT_MS });
    expect(planBeep(heard, ['a@1'], T0 + ALERT_REPEAT_MS).isDue).toBe(true);
    // A reload forgets what was heard: the standing alert sounds at once.
    expect(planBeep(NO_BEEP_YET, ['a@1'], T0 + 3_000).isDue).toBe(true);
  });
});
