import type { Page } from 'playwright-core';
import { POSITION_FRAME_MEASURES } from '../../dispatch-console/src/realtime/positionFrameTiming.ts';

/** The User Timing measures the console makes per position frame. */
export const FRAME_MEASURES = POSITION_FRAME_MEASURES;

export type FrameMeasureKind = keyof typeof FRAME_MEASURES;

/** One measure as the page saw it: page time (ms since the page's time origin), its duration, frames and fixes. */
export interface FrameTiming {
  name: string;
  startTime: number;
  duration: number;
  frames: number;
  fixes: number;
  /** Age of the newest fix timed at the measure's end (wall clock, the page's against the server's), ms. */
  newestFixAgeMs: number;
}

declare global {
  interface Window {
    /** The bench's collected position-frame measures, drained by `drainFrameTimings`. */
    cadBenchFrameTimings?: FrameTiming[];
  }
}

/**
 * Starts collecting the console's position-frame measures in the page with a `PerformanceObserver` (which sees each
 * measure even after the console clears its timeline buffer).
 */
export async function observeFrameTimings(page: Page): Promise<void> {
  await page.evaluate((names: string[]) => {
    window.cadBenchFrameTimings = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!names.includes(entry.name)) continue;
        // No helper functions in here: the page runs this source as written, without the bundler's helpers.
        const detail: unknown = entry instanceof PerformanceMeasure ? entry.detail : null;
        const fields: Record<string, unknown> = typeof detail === 'object' && detail !== null ? { ...detail } : {};
        const { frames, fixes, newestFixAt } = fields;
        const endsAt = performance.timeOrigin + entry.startTime + entry.duration;
        window.cadBenchFrameTimings?.push({
          name: entry.name,
          startTime: entry.startTime,
          duration: entry.duration,
          frames: typeof frames === 'number' ? frames : 0,
          fixes: typeof fixes === 'number' ? fixes : 0,
          newestFixAgeMs: typeof newestFixAt === 'number' ? endsAt - newestFixAt : Number.NaN,
        });
      }
    }).observe({ type: 'measure' });
  }, Object.values(FRAME_MEASURES));
}

/** The measures collected since the last drain (and forgets them in the page). */
export function drainFrameTimings(page: Page): Promise<FrameTiming[]> {
  return page.evaluate(() => {
    const taken = window.cadBenchFrameTimings ?? [];
    window.cadBenchFrameTimings = [];
    return taken;
  });
}

/** The page's clock (`performance.now()`), to tell warm-up measures from timed ones. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}
