import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCity } from '../../server/city/loadCity.ts';
import { freePort } from '../../server/redis/freePort.ts';
import { startBenchPostgres } from '../benchPostgres.ts';
import { startBenchRedis } from '../benchRedis.ts';
import { buildServerBundle, spawnServer, waitFor200 } from '../coldStart/serverChild.ts';
import { describeMachine, type Machine } from '../machine.ts';
import { percentile, summarize, type Summary } from '../stats.ts';
import { startCityLoad, type CityLoadOptions } from './cityLoad.ts';
import { sampleServer, slope, type SoakSample } from './serverMetrics.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SoakOptions {
  minutes: number;
  /** How often the server is sampled; 10 s. */
  sampleMs: number;
  load: CityLoadOptions;
}

/** One command's figures over the soak. */
export interface SoakCommand {
  command: string;
  sent: number;
  ok: number;
  refused: Record<string, number>;
  unanswered: number;
  /** Send → acknowledgement, answered-ok commands only. */
  latency: Summary;
}

export interface SoakResult {
  date: string;
  machine: Machine;
  options: SoakOptions;
  /** Samples before this minute are left out of the growth and the event-loop figures. */
  warmupMinutes: number;
  samples: SoakSample[];
  /** Least-squares slope of the server's RSS over the samples after the warm-up, MB/min. */
  rssGrowthMBPerMin: number;
  /** The same for the V8 heap used, MB/min (what is left when the allocator keeps pages). */
  heapGrowthMBPerMin: number;
  /**
   * p99 (nearest rank) and max of the per-window p99s after the warm-up, ms, as prom-client reports them: its
   * `monitorEventLoopDelay` histogram records the whole interval of its 10 ms timer, so an idle loop reads ~10 ms.
   */
  eventLoopP99Ms: number;
  /** `eventLoopP99Ms` less the monitor's 10 ms interval: the delay itself (what the goal is about). */
  eventLoopDelayP99Ms: number;
  eventLoopWorstWindowP99Ms: number;
  /** Largest single event-loop delay seen in any window after the warm-up, ms. */
  eventLoopMaxMs: number;
  rssFirstMB: number;
  rssLastMB: number;
  commands: SoakCommand[];
  incidents: { created: number; closed: number; cancelled: number; maxOpen: number; openAtEnd: number };
  sockets: { callTakers: number; watchers: number; crews: number };
  /** Setup (stores, server to ready, sign-ins and sockets) before the load started, s. */
  setupSeconds: number;
  load1: { start: number; end: number };
  /** The server's stderr tail and warnings when it wrote any. */
  serverWarnings: string[];
}

/** prom-client's default `eventLoopMonitoringPrecision` (the server calls `collectDefaultMetrics` without one). */
export const EVENT_LOOP_RESOLUTION_MS = 10;


/** Warm-up left out of the figures: the first 5 minutes of a run of 25 minutes or more, else the first 20 %. */
export function warmupMinutesOf(minutes: number): number {
  return minutes >= 25 ? 5 : minutes * 0.2;
}

/**
 * [Soak] The server as `npm start` runs it (a child process on Redis and PostgreSQL of the soak's own, simulator off,
 * the demo AVL on), under a steady city load (`startCityLoad`) for `minutes`; its RSS, heap and event-loop delay
 * sampled from `/metrics` every `sampleMs`.
 */
export async function runSoak(options: SoakOptions, say: (line: string) => void = () => undefined): Promise<SoakResult> {
  const setupStart = performance.now();
  const machine = describeMachine();
  const loadStart = loadavg()[0] ?? Number.NaN;
  const redis = await startBenchRedis();
  const postgres = await startBenchPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'cad-soak-data-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  buildServerBundle();
  const server = spawnServer({
    env: { REDIS_URL: redis.url, DATABASE_URL: postgres.url, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', SIMULATOR: 'off', DEMO_AVL: 'on', BEHIND_HTTPS_PROXY: 'on' },
    keepChars: 200_000,
  });
  try {
    if ((await waitFor200(`${url}/readyz`, server, 50, 180_000)) === null) throw new Error(`the server did not become ready: ${server.stdout().slice(-2_000)}`);
    say(`server ready on ${url} (pid ${String(server.child.pid)}); connecting the consoles and ${options.load.crews} crews…`);
    const city = loadCity(resolve(ROOT, 'fixtures/joburg'));
    const load = await startCityLoad(url, city, options.load);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    say(`load running: ${load.sockets.callTakers} call-takers, ${load.sockets.watchers} desks/supervisor, ${load.sockets.crews} crews; ${options.minutes} min`);
    const t0 = performance.now();
    const samples: SoakSample[] = [];
    // A first scrape resets prom-client's event-loop histogram, so that every window starts under load.
    await sampleServer(url, server.child.pid, 0, load.open());
    const end = t0 + options.minutes * 60_000;
    for (let next = t0 + options.sampleMs; next <= end + 1; next += options.sampleMs) {
      await sleep(Math.max(0, next - performance.now()));
      const sample = await sampleServer(url, server.child.pid, (performance.now() - t0) / 60_000, load.open());
      samples.push(sample);
      if (samples.length % 6 === 0) say(`  ${sample.minute.toFixed(1)} min: RSS ${sample.rssMB.toFixed(1)} MB, heap ${sample.heapUsedMB.toFixed(1)} MB, event-loop p99 ${sample.eventLoopP99Ms.toFixed(1)} ms, open incidents ${sample.openIncidents}`);
    }
    await load.stop(5_000);
    const warmupMinutes = warmupMinutesOf(options.minutes);
    const steady = samples.filter((sample) => sample.minute >= warmupMinutes);
    const p99s = steady.map((sample) => sample.eventLoopP99Ms).sort((a, b) => a - b);
    const commands = Object.entries(load.counts.byCommand).map(([command, tally]) => ({ command, sent: tally.sent, ok: tally.ok, refused: tally.refused, unanswered: tally.unanswered, latency: summarize(tally.latencyMs) }));
    const warnings = server
      .stdout()
      .split('\n')
      .filter((line) => line.includes('"level":"warn"') || line.includes('"level":"error"') || line.includes('"level":"fatal"'))
      .slice(-20);
    return {
      date: new Date().toISOString(),
      machine,
      options,
      warmupMinutes,
      samples,
      rssGrowthMBPerMin: slope(steady.map((sample) => ({ x: sample.minute, y: sample.rssMB }))),
      heapGrowthMBPerMin: slope(steady.map((sample) => ({ x: sample.minute, y: sample.heapUsedMB }))),
      eventLoopP99Ms: percentile(p99s, 99),
      eventLoopDelayP99Ms: Math.max(0, percentile(p99s, 99) - EVENT_LOOP_RESOLUTION_MS),
      eventLoopWorstWindowP99Ms: p99s[p99s.length - 1] ?? Number.NaN,
      eventLoopMaxMs: Math.max(...steady.map((sample) => sample.eventLoopMaxMs)),
      rssFirstMB: samples[0]?.rssMB ?? Number.NaN,
      rssLastMB: samples[samples.length - 1]?.rssMB ?? Number.NaN,
      commands,
      incidents: { created: load.counts.incidentsCreated, closed: load.counts.incidentsClosed, cancelled: load.counts.incidentsCancelled, maxOpen: load.counts.maxOpen, openAtEnd: load.open() },
      sockets: load.sockets,
      setupSeconds,
      load1: { start: loadStart, end: loadavg()[0] ?? Number.NaN },
      serverWarnings: [...warnings, ...(server.stderr().trim() ? [server.stderr().trim().slice(-2_000)] : [])],
    };
  } finally {
    await server.stop();
    await postgres.cleanup();
    await redis.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
