import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import type { LngLat } from '../../shared/geo/position.ts';
import type { CadServer } from '../../server/app/createCadServer.ts';
import { seedUnits } from '../../server/units/seedFleet.ts';
import { startBenchRedis } from '../benchRedis.ts';
import { startJoburgBenchServer } from '../benchServer.ts';
import { connectBenchSocket, type BenchSocket } from '../benchSocket.ts';
import { pointInBbox, seededRandom } from '../random.ts';
import { summarize, type Summary } from '../stats.ts';
import { syntheticUnits } from '../syntheticUnits.ts';
import { CONSOLE_DIST, ensureConsoleBuilt } from './consoleBuild.ts';
import { launchBrowser, openConsole } from '../../test/support/consolePage.ts';
import { pageHeapMiB, unitsOnMap } from './consolePage.ts';
import { startCpuProfile, stopCpuProfile, type ProfileSummary } from './cpuProfile.ts';
import { drainFrameTimings, FRAME_MEASURES, observeFrameTimings, pageNow, type FrameTiming } from './frameTimings.ts';
import { witnessFrames, type WitnessedFrames } from './frameWitness.ts';
import { startMovingFleet, type FleetMotion } from './movingFleet.ts';
import { summarizeP95, type SummaryP95 } from './summaryP95.ts';
import { setTimeout as sleep } from 'node:timers/promises';

/** Each wait of opening the console (sign-in, live socket, map): a board of 10,000 units loads slower than a test's. */
const CONSOLE_WAIT_MS = 60_000;

export interface ConsoleFramesOptions {
  /** Synthetic units added to the city's fleet, every one moving. */
  units: number;
  /** Each unit reports a fix this often (spread evenly), ms. */
  fixPeriodMs: number;
  /** Units moving and frames applied before timing starts, s. */
  warmupSeconds: number;
  /** Timed run, s. */
  durationSeconds: number;
  /** After the timed run, a CPU profile of the page for this long (0: none); kept apart so it does not slow the timed frames. */
  profileSeconds: number;
  /** Where to save a screenshot of the console at the end of the run (null: none). */
  screenshotPath: string | null;
  seed: number;
}

export interface ConsoleFramesResult {
  options: ConsoleFramesOptions;
  /** Units in the live store: the synthetic ones and the city's own fleet (parked). */
  unitsInStore: number;
  /** Features in the map's unit source at the end. */
  unitsOnMap: number;
  /** Sign-in form submitted → map loaded with every unit, ms. */
  consoleOpenMs: number;
  /** Position frames timed in the run (each measure times one frame, or several that arrived before the map was fed). */
  frames: number;
  framesPerSecond: number;
  /** Frames that arrived while the one before was not yet shown, timed with it. */
  framesTimedTogether: number;
  /** Fixes per frame timed. */
  unitsPerFrame: Summary;
  /** Age of the newest fix of a frame once applied: the server's frame interval, the network and any wait in the page, ms. */
  fixAgeApplied: SummaryP95;
  /** [headline] Frame arrival → fixes in the live state, React rendered and the map's unit source fed (synchronous), ms. */
  applied: SummaryP95;
  /** Frame arrival → the next animation frame after it was applied, ms. */
  paint: SummaryP95;
  /** Frame arrival → the map's worker holds the new unit data, ms (frames the worker took together count from the first). */
  worker: SummaryP95;
  /** What the feeder sent through the server's position path. */
  fleet: FleetMotion;
  /** The frames a Node Socket.IO client at the combined desk received over the timed run (what the server sent). */
  server: WitnessedFrames;
  /** The page's JavaScript heap at the end (CDP `Runtime.getHeapUsage`), or null when it could not be read. */
  pageHeap: { usedMiB: number; totalMiB: number } | null;
  profile: ProfileSummary | null;
  /** Uncaught errors and console errors in the page (as the end-to-end tests collect them). */
  pageErrors: string[];
}


function pointInMetro(server: CadServer, random: () => number): LngLat {
  for (;;) {
    const at = pointInBbox(random);
    if (server.ctx.city.locate(at).isInsideMetro) return at;
  }
}

function durations(timings: readonly FrameTiming[], name: string): number[] {
  return timings.filter((t) => t.name === name).map((t) => t.duration);
}

/**
 * [Bench: console frames] The dispatch console in headless Chromium with `units` moving units: an in-process server on
 * Johannesburg with the synthetic units seeded inside the metro, every unit sending a fix each `fixPeriodMs` through the
 * server's position path and its coalesced frames, and a dispatcher at the combined desk signed in with the map loaded.
 * The console times each frame with User Timing (`cad:position-frame…`), read here with a PerformanceObserver.
 */
export async function benchConsoleFrames(options: ConsoleFramesOptions, log: (line: string) => void = () => undefined): Promise<ConsoleFramesResult> {
  ensureConsoleBuilt(log);
  const redis = await startBenchRedis();
  let server: CadServer | null = null;
  let browser: Browser | null = null;
  let witnessSocket: BenchSocket | null = null;
  try {
    server = await startJoburgBenchServer(redis.url, { consoleDir: CONSOLE_DIST });
    const random = seededRandom(options.seed);
    const live = server;
    const units = syntheticUnits(options.units, () => pointInMetro(live, random), server.ctx.now());
    const added = await seedUnits(server.ctx.redis, server.ctx.keys, units);
    if (added !== units.length) throw new Error(`seeded ${added} of ${units.length} units`);
    const unitsInStore = await server.ctx.redis.scard(server.ctx.keys.unitIds);

    witnessSocket = await connectBenchSocket(server.url, 'dispatcher', 'combined');
    browser = await launchBrowser();
    const openStart = performance.now();
    const { page, errors } = await openConsole(browser, server.url, 'dispatcher', 'combined', CONSOLE_WAIT_MS);
    const consoleOpenMs = performance.now() - openStart;
    const cdp = await page.context().newCDPSession(page);
    log(`  console open with ${unitsInStore.toLocaleString('en-US')} units in ${(consoleOpenMs / 1000).toFixed(1)} s; moving ${units.length.toLocaleString('en-US')} units, each every ${options.fixPeriodMs} ms…`);

    const fleet = startMovingFleet(server, units, options.fixPeriodMs, random);
    await observeFrameTimings(page);
    await sleep(options.warmupSeconds * 1000);
    const witness = witnessFrames(witnessSocket);
    const timedFrom = await pageNow(page);
    const timings: FrameTiming[] = [];
    const runStart = performance.now();
    for (let left = options.durationSeconds * 1000; left > 0; left -= 5_000) {
      await sleep(Math.min(5_000, left));
      timings.push(...(await drainFrameTimings(page)));
    }
    const runSeconds = (performance.now() - runStart) / 1000;
    const witnessed = witness.stop();
    const timed = timings.filter((t) => t.startTime >= timedFrom);

    let profile: ProfileSummary | null = null;
    if (options.profileSeconds > 0) {
      log(`  profiling the page for ${options.profileSeconds} s…`);
      await startCpuProfile(cdp);
      await sleep(options.profileSeconds * 1000);
      profile = await stopCpuProfile(cdp, 25);
    }
    const pageHeap = await pageHeapMiB(cdp).catch(() => null);
    const onMap = await unitsOnMap(page);
    if (options.screenshotPath) await page.screenshot({ path: options.screenshotPath });
    const motion = await fleet.stop();

    const appliedTimings = timed.filter((t) => t.name === FRAME_MEASURES.applied);
    return {
      options,
      unitsInStore,
      unitsOnMap: onMap,
      consoleOpenMs,
      frames: appliedTimings.length,
      framesPerSecond: appliedTimings.length / runSeconds,
      framesTimedTogether: appliedTimings.reduce((sum, t) => sum + Math.max(0, t.frames - 1), 0),
      unitsPerFrame: summarize(appliedTimings.map((t) => t.fixes)),
      fixAgeApplied: summarizeP95(appliedTimings.map((t) => t.newestFixAgeMs)),
      applied: summarizeP95(appliedTimings.map((t) => t.duration)),
      paint: summarizeP95(durations(timed, FRAME_MEASURES.paint)),
      worker: summarizeP95(durations(timed, FRAME_MEASURES.worker)),
      fleet: motion,
      server: witnessed,
      pageHeap,
      profile,
      pageErrors: errors,
    };
  } finally {
    await browser?.close();
    witnessSocket?.disconnect();
    await server?.close();
    await redis.cleanup();
  }
}
