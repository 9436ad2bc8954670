import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBenchPostgres } from './benchPostgres.ts';
import { startBenchRedis } from './benchRedis.ts';
import { buildServerBundle, spawnServer, waitFor200, type ServerChild } from './coldStart/serverChild.ts';
import { traceStart, type StartTrace } from './coldStart/startLandmarks.ts';
import { freePort } from '../server/redis/freePort.ts';
import { summarize, type Summary } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * - `cold`: a fresh Redis and a fresh PostgreSQL (migrations, demo users, fleet all written for the first time);
 * - `warm`: a restart on the stores a cold run left (everything already there);
 * - `tsxCold`: from the sources under tsx (`npm run dev`'s way, no bundle), its transpile cache empty (a fresh `TMPDIR`), for scale;
 * - `embedded`: no `REDIS_URL` or `DATABASE_URL`: the server starts its own redis-server and PostgreSQL (`initdb`) in a fresh `DATA_DIR`.
 */
export type ColdStartKind = 'cold' | 'warm' | 'tsxCold' | 'embedded';

export interface ColdStartOptions {
  /** Starts on a fresh Redis and PostgreSQL each. */
  coldRuns: number;
  /** Restarts on the stores of the last cold run. */
  warmRestarts: number;
  /** Cold starts with an empty tsx cache. */
  tsxColdRuns: number;
  /** Starts with the server's own embedded stores in a fresh `DATA_DIR`. */
  embeddedRuns: number;
  /** How often `/readyz` is polled; default 25 ms. */
  pollMs?: number;
  /** Give up on a start after this; default 120 s. */
  timeoutMs?: number;
}

export interface ColdStartRun extends StartTrace {
  kind: ColdStartKind;
  /** Spawn → first 200 from `GET /readyz`, ms. */
  readyMs: number;
  /** 1-minute load average before the spawn. */
  loadBefore: number;
}

export interface ColdStartResult {
  options: ColdStartOptions;
  city: string;
  runs: ColdStartRun[];
  /** Spawn → ready over the runs of each kind that ran. */
  byKind: Partial<Record<ColdStartKind, Summary & { best: number; median: number }>>;
}

const load1 = (): number => loadavg()[0] ?? Number.NaN;

async function oneStart(kind: ColdStartKind, env: Record<string, string>, ports: { redis: number | null; postgres: number | null }, options: ColdStartOptions): Promise<ColdStartRun> {
  const port = await freePort();
  const loadBefore = load1();
  const server: ServerChild = spawnServer({ env: { PORT: String(port), LOG_LEVEL: 'info', ...env }, withProbe: true, entry: kind === 'tsxCold' ? 'source' : 'bundle' });
  try {
    const readyAt = await waitFor200(`http://127.0.0.1:${port}/readyz`, server, options.pollMs ?? 25, options.timeoutMs ?? 120_000);
    if (readyAt === null) throw new Error(`${kind} start: no 200 from /readyz (exit ${String(server.child.exitCode)}): ${server.stdout().slice(-2_000)} ${server.stderr().slice(-2_000)}`);
    // The log line that follows listen() may still be in the pipe.
    await new Promise((done) => setTimeout(done, 100));
    const trace = traceStart(server.stdout(), server.stderr(), server.spawnedAt, readyAt, { ...ports, http: port });
    return { kind, readyMs: trace.landmarks.ready, loadBefore, ...trace };
  } finally {
    await server.stop();
  }
}

/** A fresh Redis and PostgreSQL of the benchmark's own, `runs` starts on them (the first cold, the rest warm), then both removed. */
async function onFreshStores(kinds: readonly ColdStartKind[], options: ColdStartOptions, say: (line: string) => void, extraEnv: Record<string, string> = {}): Promise<ColdStartRun[]> {
  const redis = await startBenchRedis();
  const postgres = await startBenchPostgres().catch(async (error: unknown) => {
    await redis.cleanup();
    throw error;
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'cad-coldstart-data-'));
  try {
    const runs: ColdStartRun[] = [];
    for (const kind of kinds) {
      const run = await oneStart(kind, { REDIS_URL: redis.url, DATABASE_URL: postgres.url, DATA_DIR: dataDir, ...extraEnv }, { redis: redis.port, postgres: postgres.port }, options);
      say(`  ${kind}: ready in ${run.readyMs.toFixed(0)} ms`);
      runs.push(run);
    }
    return runs;
  } finally {
    await postgres.cleanup();
    await redis.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * [Bench] Cold start of the built server to ready on the demo city (Johannesburg, the default `CITY`): the bundle
 * `npm run build:server` writes (`dist/server/main.mjs`), spawned as `npm start` runs it, timed from the spawn to the first 200 from `GET /readyz` (polled every
 * `pollMs`). A probe preloaded into the child (it changes nothing) marks the landmarks of the start, read with the
 * server's own log lines to say where the time goes.
 */
export async function benchColdStart(options: ColdStartOptions, say: (line: string) => void = () => undefined): Promise<ColdStartResult> {
  if (!existsSync(resolve(ROOT, 'dispatch-console/dist/index.html'))) throw new Error('dispatch-console/dist is missing: run `npm run build:console` first');
  buildServerBundle();
  const runs: ColdStartRun[] = [];
  for (let i = 0; i < options.coldRuns; i += 1) {
    const isLast = i === options.coldRuns - 1;
    runs.push(...(await onFreshStores(['cold', ...(isLast ? Array.from({ length: options.warmRestarts }, (): ColdStartKind => 'warm') : [])], options, say)));
  }
  for (let i = 0; i < options.tsxColdRuns; i += 1) {
    const tmp = mkdtempSync(join(tmpdir(), 'cad-coldstart-tmp-'));
    try {
      runs.push(...(await onFreshStores(['tsxCold'], options, say, { TMPDIR: tmp })));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  for (let i = 0; i < options.embeddedRuns; i += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cad-coldstart-embedded-'));
    // The embedded PostgreSQL runs as the postgres account when the server runs as root: it must pass through.
    chmodSync(dataDir, 0o755);
    try {
      const run = await oneStart('embedded', { DATA_DIR: dataDir }, { redis: null, postgres: null }, options);
      say(`  embedded: ready in ${run.readyMs.toFixed(0)} ms`);
      runs.push(run);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const byKind: ColdStartResult['byKind'] = {};
  for (const kind of ['cold', 'warm', 'tsxCold', 'embedded'] as const) {
    const ms = runs.filter((run) => run.kind === kind).map((run) => run.readyMs);
    if (ms.length === 0) continue;
    const summary = summarize(ms);
    byKind[kind] = { ...summary, best: Math.min(...ms), median: summary.p50 };
  }
  return { options, city: 'joburg', runs, byKind };
}
