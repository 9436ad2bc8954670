import type { ConsoleFramesOptions } from './consoleFrames.bench.ts';

/** The full run: 10,000 moving units, each a fix every 3 s (≈ 830 units per 250 ms frame), 45 s timed. */
export const CONSOLE_FRAMES_FULL: ConsoleFramesOptions = { units: 10_000, fixPeriodMs: 3_000, warmupSeconds: 15, durationSeconds: 45, profileSeconds: 0, screenshotPath: null, seed: 2_026 };

/** BENCH_QUICK's smoke run: the same path, 10,000 units, 10 s timed. */
export const CONSOLE_FRAMES_QUICK: ConsoleFramesOptions = { units: 10_000, fixPeriodMs: 3_000, warmupSeconds: 5, durationSeconds: 10, profileSeconds: 0, screenshotPath: null, seed: 2_026 };
