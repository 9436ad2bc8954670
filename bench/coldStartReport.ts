import type { ColdStartKind, ColdStartResult, ColdStartRun } from './coldStart.bench.ts';
import type { GoalCheck } from './goals.ts';
import { table } from './markdown.ts';

const f0 = (value: number): string => Math.round(value).toLocaleString('en-US');
const s2 = (ms: number): string => (ms / 1000).toFixed(2);


const KIND_LABEL: Record<ColdStartKind, string> = {
  cold: 'Cold: fresh Redis and PostgreSQL (migrations, demo users, fleet written)',
  warm: 'Warm restart on the same stores',
  tsxCold: 'Cold, from the sources under tsx (no bundle; transpile cache empty, fresh `TMPDIR`), for scale',
  embedded: 'No `REDIS_URL`/`DATABASE_URL`: embedded redis-server and PostgreSQL (`initdb`) in a fresh `DATA_DIR`',
};

/** Spawn → first 200 from `/readyz`, best / median / max per kind of start. */
export function coldStartTable(r: ColdStartResult): string {
  return table(
    ['Start', 'runs', 'best (s)', 'median (s)', 'max (s)'],
    (Object.keys(KIND_LABEL) as ColdStartKind[]).flatMap((kind) => {
      const k = r.byKind[kind];
      return k ? [[KIND_LABEL[kind], String(k.count), s2(k.best), s2(k.median), s2(k.max)]] : [];
    }),
  );
}

/** Where one start's time went, between the landmarks the probe and the log give (ms); null where not seen. */
export interface StartPhases {
  /** Spawn → the probe preloaded (Node's start; tsx's loader registered when run from the sources). */
  nodeAndLoader: number | null;
  /** → the first city fixture read: every server module imported (the bundle and its packages, or tsx's transpile), then evaluated. */
  imports: number | null;
  /** → the first connection to Redis: config read, the city pack loaded and checked (and, embedded, redis-server and PostgreSQL started). */
  cityAndStores: number | null;
  /** → the first connection to PostgreSQL (embedded: before Redis, so 0). */
  redisSetup: number | null;
  /** → `Archive schema: applied` (fresh database only). */
  migrations: number | null;
  /** scrypt of the demo users' passwords, summed (one after another, inside the next phase). */
  demoPasswords: number;
  /** → `listen()`: the rest of `createCadServer` (demo users, fleet, Socket.IO adapter…), scrypt included. */
  restToListen: number | null;
  /** → the first 200 (includes up to one poll interval). */
  listenToReady: number | null;
}

const between = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.max(0, b - a));

export function startPhases(run: ColdStartRun): StartPhases {
  const l = run.landmarks;
  const firstStore = l.redisConnect === null ? l.postgresConnect : l.postgresConnect === null ? l.redisConnect : Math.min(l.redisConnect, l.postgresConnect);
  const lastStore = l.redisConnect === null ? l.postgresConnect : l.postgresConnect === null ? l.redisConnect : Math.max(l.redisConnect, l.postgresConnect);
  const afterStores = l.migrated ?? lastStore;
  return {
    nodeAndLoader: l.preload,
    imports: between(l.preload, l.firstFixtureRead),
    cityAndStores: between(l.firstFixtureRead, firstStore),
    redisSetup: between(firstStore, lastStore),
    migrations: between(lastStore, l.migrated),
    demoPasswords: run.scrypt.totalMs,
    restToListen: between(afterStores, l.listen),
    listenToReady: between(l.listen, l.ready),
  };
}

const cell = (ms: number | null): string => (ms === null ? '—' : f0(ms));

/** One row per start: where its time went (ms). */
export function coldStartBreakdown(r: ColdStartResult): string {
  return table(
    ['Start', 'Node (+ tsx loader from the sources)', 'server imports (load + evaluate)', 'config + city pack (+ embedded stores)', 'first store → second (Redis set-up)', 'archive migrations', 'demo users: scrypt (calls)', 'rest to `listen` (scrypt included)', 'listen → 200', '**ready (ms)**'],
    r.runs.map((run) => {
      const p = startPhases(run);
      return [run.kind, cell(p.nodeAndLoader), cell(p.imports), cell(p.cityAndStores), cell(p.redisSetup), cell(p.migrations), `${f0(p.demoPasswords)} (${run.scrypt.calls})`, cell(p.restToListen), cell(p.listenToReady), `**${f0(run.readyMs)}**`];
    }),
  );
}

export function coldStartFacts(r: ColdStartResult): string {
  const loads = r.runs.map((run) => run.loadBefore);
  return table(
    ['', ''],
    [
      ['City', `${r.city} (the default \`CITY\`)`],
      ['Command', '`node --enable-source-maps dist/server/main.mjs` from the repository (as `npm start` and the image run it; the bundle built first by `npm run build:server`), `PORT` a free port, `LOG_LEVEL=info`, simulator and demo AVL at their defaults (on); the row from the sources runs `node --import tsx server/main.ts`'],
      ['Ready', `first 200 from \`GET /readyz\`, polled every ${r.options.pollMs ?? 25} ms from the spawn`],
      ['Landmarks', 'a probe preloaded into the child (`bench/coldStart/coldStartProbe.ts`, `--import`) marks: its own load, the first and last city fixture reads, the first TCP connection to each store, each `scrypt`, `listen()`; with the server\'s log line `Archive schema: applied`'],
      ['City fixture files read at start', String(r.runs[0]?.fixtureReads ?? 0)],
      ['1-minute load average before the starts (min–max)', `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`],
    ],
  );
}

/** Goal: < 5 s from spawn to ready, for the cold start (median) and the embedded-stores start (median). */
export function coldStartGoals(r: ColdStartResult): GoalCheck[] {
  const goal = (kind: ColdStartKind, label: string): GoalCheck[] => {
    const k = r.byKind[kind];
    return k ? [{ goal: `cold start to ready, ${label}: < 5 s (median of ${k.count})`, measured: `${s2(k.median)} s (best ${s2(k.best)} s, max ${s2(k.max)} s)`, met: k.median < 5_000 }] : [];
  };
  return [...goal('cold', 'fresh Redis and PostgreSQL'), ...goal('embedded', 'embedded stores, fresh DATA_DIR')];
}
