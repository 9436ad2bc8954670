/** [IQ3] How often the Echo alert sounds again while it stands (not acknowledged, no unit assigned). */
export const ALERT_REPEAT_SECONDS = 10;
export const ALERT_REPEAT_MS = ALERT_REPEAT_SECONDS * 1000;

/** What the board remembers of the alert sound: when it last played, and for which alerts. */
export interface BeepMemory {
  lastBeepAt: number | null;
  heardKeys: ReadonlySet<string>;
}

export const NO_BEEP_YET: BeepMemory = { lastBeepAt: null, heardKeys: new Set() };

/** Whether the sound is due now, and when it is next due (null: nothing to sound for). */
export interface BeepPlan {
  isDue: boolean;
  dueAt: number | null;
}

/**
 * [IQ3] The alert sound's schedule for the standing alerts `alertKeys` at `now`: a new alert sounds at once; while
 * any alert stands the sound repeats every `repeatMs` after the last one; no alert, no sound. Pure.
 */
export function planBeep(memory: BeepMemory, alertKeys: readonly string[], now: number, repeatMs: number = ALERT_REPEAT_MS): BeepPlan {
  if (alertKeys.length === 0) return { isDue: false, dueAt: null };
  const hasNew = alertKeys.some((key) => !memory.heardKeys.has(key));
  const dueAt = hasNew || memory.lastBeepAt === null ? now : memory.lastBeepAt + repeatMs;
  return { isDue: now >= dueAt, dueAt };
}

/** [IQ3] The memory once the sound has played at `now` for `alertKeys`. */
export function afterBeep(alertKeys: readonly string[], now: number): BeepMemory {
  return { lastBeepAt: now, heardKeys: new Set(alertKeys) };
}
