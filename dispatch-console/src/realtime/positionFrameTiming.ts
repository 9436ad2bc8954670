/**
 * [RT4] User Timing of position frames, seen in Chrome's profiler (Timings track) and read by the console benchmark:
 * - `cad:position-frame`: from a frame's arrival to the moment its fixes are in the live state and the map's unit
 *   source has been fed (the synchronous part: state applied, React rendered, map source updated);
 * - `cad:position-frame-paint`: from the arrival to the next animation frame after that;
 * - `cad:position-frame-worker`: from the arrival to the map's worker having taken the new unit data.
 * A frame that changes no unit ends at once. Frames that reach the map in one update are timed from the first.
 * Each measure's `detail` (`PositionFrameDetail`) says how many frames and fixes it timed and the newest fix time.
 * The timeline keeps at most `KEPT_MEASURES` of each (then they are cleared); a `PerformanceObserver` sees every one.
 */
export const POSITION_FRAME_MEASURES = {
  applied: 'cad:position-frame',
  paint: 'cad:position-frame-paint',
  worker: 'cad:position-frame-worker',
} as const;

/** What a benchmark or a profiler reads in `detail`. */
export interface PositionFrameDetail {
  /** Frames timed together (more than one when a frame arrived before the one before it was shown). */
  frames: number;
  fixes: number;
  /** The newest `fixAt` among them (epoch ms): the fix's age when shown is how far the map runs behind the units. */
  newestFixAt: number;
}

const KEPT_MEASURES = 500;
/** A frame not shown on a map within this long (no map on this screen) is forgotten, not timed. */
const FORGET_AFTER_MS = 5_000;

interface Arrival {
  start: number;
  frames: number;
  fixes: number;
  newestFixAt: number;
}

let arrived: Arrival | null = null;
let measured = 0;

function measure(name: string, frame: Arrival): void {
  const detail: PositionFrameDetail = { frames: frame.frames, fixes: frame.fixes, newestFixAt: frame.newestFixAt };
  performance.measure(name, { start: frame.start, end: performance.now(), detail });
  measured += 1;
  if (measured >= KEPT_MEASURES * 3) {
    for (const kept of Object.values(POSITION_FRAME_MEASURES)) performance.clearMeasures(kept);
    measured = 0;
  }
}

/** A position frame has arrived; call before applying it. */
export function positionFrameArrived(fixes: readonly { fixAt: number }[]): void {
  const now = performance.now();
  let newestFixAt = 0;
  for (const fix of fixes) newestFixAt = Math.max(newestFixAt, fix.fixAt);
  if (arrived && now - arrived.start < FORGET_AFTER_MS) {
    arrived.frames += 1;
    arrived.fixes += fixes.length;
    arrived.newestFixAt = Math.max(arrived.newestFixAt, newestFixAt);
    return;
  }
  arrived = { start: now, frames: 1, fixes: fixes.length, newestFixAt };
}

/**
 * The frame (or frames) that arrived are applied and the map fed; `workerDone` settles when the map's worker has
 * the data (null: nothing to draw, the frame changed no unit).
 */
export function positionFrameShown(workerDone: Promise<void> | null): void {
  const frame = arrived;
  if (!frame) return;
  arrived = null;
  measure(POSITION_FRAME_MEASURES.applied, frame);
  // Outside a browser (the store's unit tests) there are no animation frames.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => measure(POSITION_FRAME_MEASURES.paint, frame));
  workerDone?.then(
    () => measure(POSITION_FRAME_MEASURES.worker, frame),
    () => undefined,
  );
}
