import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GoalCheck } from './goals.ts';
import { GOALS_TEXT } from './goals.ts';
import type { BroadcastResult } from './incidentBroadcast.bench.ts';
import type { Machine } from './machine.ts';
import type { NearestResult } from './nearestAvailable.bench.ts';

export interface BenchRun {
  date: string;
  machine: Machine;
  nearest: NearestResult;
  broadcast: BroadcastResult;
  goals: GoalCheck[];
  /** 1-minute load average of the machine before each benchmark and at the end. */
  load: { beforeNearest: number; beforeBroadcast: number; end: number };
}

/** One line of docs/benchmarks.json. */
export interface BenchRecord {
  name: string;
  unit: string;
  p50: number;
  p99: number;
  throughput: number;
  peer: { name: string; p50: number; p99: number } | null;
  date: string;
  machine: Machine;
}

const r3 = (value: number): number => Math.round(value * 1000) / 1000;
const f3 = (value: number): string => value.toFixed(3);
const f1 = (value: number): string => value.toFixed(1);
const int = (value: number): string => Math.round(value).toLocaleString('en-US');

export function records(run: BenchRun): BenchRecord[] {
  const { nearest, broadcast, date, machine } = run;
  return [
    {
      name: `nearest available unit of a kind, ${nearest.options.units} units (Redis GEOSEARCH, incl. loopback round trip)`,
      unit: 'ms',
      p50: r3(nearest.ours.p50),
      p99: r3(nearest.ours.p99),
      throughput: Math.round(nearest.oursPerSecond),
      peer: { name: `@turf/turf nearestPoint, in-process over ~${Math.round(nearest.options.units / 5)} points of the kind`, p50: r3(nearest.turf.p50), p99: r3(nearest.turf.p99) },
      date,
      machine,
    },
    {
      name: `incident create → incident:created at each of ${broadcast.options.dispatchers} dispatcher consoles, ${broadcast.options.ratePerSecond}/s for ${broadcast.options.durationSeconds} s`,
      unit: 'ms',
      p50: r3(broadcast.delivery.p50),
      p99: r3(broadcast.delivery.p99),
      throughput: r3(broadcast.achievedRate),
      peer: null,
      date,
      machine,
    },
    {
      name: `incident create → acknowledgement at the call-taker, ${broadcast.options.ratePerSecond}/s for ${broadcast.options.durationSeconds} s`,
      unit: 'ms',
      p50: r3(broadcast.ack.p50),
      p99: r3(broadcast.ack.p99),
      throughput: r3(broadcast.achievedRate),
      peer: null,
      date,
      machine,
    },
  ];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export function nearestTable(n: NearestResult): string {
  return table(
    ['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'throughput (queries/s, one at a time)'],
    [
      ['Redis GEOSEARCH via `nearestAvailable` (loopback round trip included)', f3(n.ours.p50), f3(n.ours.p99), f3(n.ours.max), int(n.oursPerSecond)],
      ['Redis `PING` on the same connection (the round-trip floor)', f3(n.ping.p50), f3(n.ping.p99), f3(n.ping.max), ''],
      [`Turf \`nearestPoint\` scan, in-process (~${int(n.options.units / 5)} points of the kind)`, f3(n.turf.p50), f3(n.turf.p99), f3(n.turf.max), int(n.turfPerSecond)],
      ['Ratio Turf / ours', `${f1(n.p50Ratio)}×`, `${f1(n.p99Ratio)}×`, '', ''],
    ],
  );
}

export function nearestFacts(n: NearestResult): string {
  return table(
    ['', ''],
    [
      ['Units seeded (5 kinds, uniform in the bbox, all available)', int(n.options.units)],
      ['Seeding time (`seedUnits`, AOF fsync always)', `${int(n.seedMs)} ms`],
      ['Queries timed (after warm-up)', `${int(n.options.queries)} (+${n.options.warmup} warm-up)`],
      ['Units asked for per query', String(n.options.wanted)],
      ['Queries that needed a wider radius (> 1 round trip)', `${int(n.widened)} / ${int(n.options.queries)}`],
      ['Queries where Turf\'s nearest = our first hit', `${int(n.sameNearest)} / ${int(n.options.queries)}`],
      ['Redis `used_memory_human` after seeding', n.redisMemory],
      ['Node process RSS', `${f1(n.nodeRssMiB)} MiB`],
    ],
  );
}

export function broadcastTable(b: BroadcastResult): string {
  return table(
    ['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'samples'],
    [
      [`Send → \`incident:created\` at each dispatcher console`, f3(b.delivery.p50), f3(b.delivery.p99), f3(b.delivery.max), int(b.delivery.count)],
      ['Send → acknowledgement at the call-taker', f3(b.ack.p50), f3(b.ack.p99), f3(b.ack.max), int(b.ack.count)],
    ],
  );
}

export function broadcastFacts(b: BroadcastResult): string {
  return table(
    ['', ''],
    [
      ['Target rate × duration', `${b.options.ratePerSecond}/s × ${b.options.durationSeconds} s`],
      ['Incidents sent / acknowledged / refused', `${int(b.sent)} / ${int(b.acknowledged)} / ${int(b.refused)}`],
      [`Incidents received by all ${b.options.dispatchers} dispatcher consoles`, `${int(b.receivedByAll)} / ${int(b.sent)}`],
      ['(incident, console) deliveries received / expected', `${int(b.pairsReceived)} / ${int(b.pairsExpected)}${b.lost > 0 ? ` — LOST ${int(b.lost)}` : ' (none lost)'}`],
      ['Achieved rate (acknowledged / s, first send to last ack)', `${f1(b.achievedRate)}/s`],
      ['Largest lag of a send behind its schedule', `${f1(b.maxScheduleLagMs)} ms`],
      ['Process RSS (server + 6 client sockets, same process)', `${f1(b.processRssMiB)} MiB`],
      ['Redis `used_memory_human` at the end', b.redisMemory],
    ],
  );
}

export function goalsTable(goals: readonly GoalCheck[]): string {
  return table(['Goal', 'Measured', 'Verdict'], goals.map((g) => [g.goal, g.measured, g.met ? '**met**' : '**not met**']));
}

function loadNote(run: BenchRun): string {
  const peak = Math.max(run.load.beforeNearest, run.load.beforeBroadcast, run.load.end);
  return peak > run.machine.nproc
    ? ` — above the ${run.machine.nproc} CPUs: other processes were competing for the CPUs during this run, which can inflate the tail (p99, max) figures.`
    : '.';
}

function ratioNote(n: NearestResult): string {
  return `On the ×100 goal: the Turf scan over ~${int(n.options.units / 5)} points of one kind took ${f3(n.turf.p50)} ms (p50) in-process, so
×100 would need ${f3(n.turf.p50 / 100)} ms per query, while a bare Redis \`PING\` round trip on loopback took ${f3(n.ping.p50)} ms (p50) on
this machine. A query that crosses a socket cannot reach that ratio against an in-memory scan of this size; the
goal as written compares different work (see Method).`;
}

export function markdown(run: BenchRun): string {
  const { machine, nearest, broadcast } = run;
  return `# Benchmarks

Measured ${run.date} with \`npm run bench\` (\`tsx bench/run.ts\`).

**Machine:** ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.ramGiB} GiB RAM, Node ${machine.node}, Redis ${machine.redis}.

**Load (1-minute load average, other work on the machine included):** ${f1(run.load.beforeNearest)} before benchmark 1,
${f1(run.load.beforeBroadcast)} before benchmark 2, ${f1(run.load.end)} at the end${loadNote(run)}

**Goals (from the product's issue):** ${GOALS_TEXT}.

${goalsTable(run.goals)}

${ratioNote(nearest)}

## 1. Nearest available unit of a kind over ${int(nearest.options.units)} units

${nearestTable(nearest)}

${nearestFacts(nearest)}

## 2. Incident create → broadcast received, ${broadcast.options.ratePerSecond} incidents/s for ${broadcast.options.durationSeconds} s

${broadcastTable(broadcast)}

${broadcastFacts(broadcast)}

## Method

- Each benchmark starts its own \`redis-server\` (\`startEmbeddedRedis\`, fresh temporary data folder, the
  server's production settings: AOF on with \`appendfsync always\`) on a free loopback port, and stops it after.
- **Nearest:** ${int(nearest.options.units)} synthetic units (\`bench-00001\`…, 5 kinds in turn, positions uniform in the
  Johannesburg bbox 27.714,-26.526 – 28.215,-25.903, all available) are seeded with the server's \`seedUnits\` under
  \`redisKeys('bench')\`. ${int(nearest.options.queries)} query points (uniform in the bbox, seeded PRNG, kinds in turn) are
  each timed one at a time around \`nearestAvailable(redis, keys.availableUnits(kind), point, ${nearest.options.wanted})\`, so every
  figure **includes one or more loopback round trips** to Redis (the radius widens 3 → 8 → 20 → 60 km until ${nearest.options.wanted} are found).
  The Turf figure is \`nearestPoint(point, collection)\` **in-process** over a FeatureCollection of the units of
  the same kind (~${int(nearest.options.units / 5)} points), for the same query points; it returns only the single nearest
  unit, while ours returns the nearest ${nearest.options.wanted} with distances. The two are not the same work: one is a
  network query to an indexed store, the other a linear in-memory scan. ${nearest.options.warmup} warm-up queries
  precede each timed series. Throughput is queries completed per second, one at a time (no concurrency).
- **Broadcast:** the server runs in the benchmark's own Node process (\`createCadServer\` with the Johannesburg city
  pack, Socket.IO Redis Streams adapter, port 0). One call-taker socket and ${broadcast.options.dispatchers} dispatcher sockets
  (socket.io-client, websocket transport) connect over loopback. The call-taker sends \`incident:create\`
  (a \`medical_emergency\` with a unique commandId, a random location inside the metro boundary) at a steady
  ${broadcast.options.ratePerSecond}/s scheduled by absolute time. Each latency runs from just before the emit to the arrival of that
  incident's \`incident:created\` delta at each dispatcher console, matched by incident id (the ack gives the id;
  arrivals are recorded by id whether they come before or after the ack). Because server, clients and timer
  share one event loop and one machine, the figures include that contention and no real network.
  The delivery path includes the Redis script (with an fsync of the AOF per write) and the adapter's
  round trip through a Redis stream.
- Percentiles are nearest-rank over all samples. RSS is \`process.memoryUsage().rss\` of the benchmark process
  (after the earlier benchmark, so it is an upper bound for the server alone).
- \`BENCH_QUICK=1\` runs a shortened smoke version and does not write these files.
`;
}

export function writeDocs(run: BenchRun, mdPath: string, jsonPath: string): void {
  mkdirSync(dirname(mdPath), { recursive: true });
  writeFileSync(mdPath, markdown(run));
  writeFileSync(jsonPath, `${JSON.stringify(records(run), null, 2)}\n`);
}
