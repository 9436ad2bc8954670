import { UNIT_KINDS } from '../shared/units/unitKinds.ts';
import { SEARCH_RADII_METERS } from '../server/dispatch/findNearby.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArchiveBenchResult, ReportSeries } from './archive.bench.ts';
import type { AuditGrowthResult, CommandRow } from './auditGrowth.bench.ts';
import { AUDIT_KEY_FAMILIES, type AuditKeyFamily } from './auditKeys.ts';
import type { GoalCheck } from './goals.ts';
import { GOALS_TEXT } from './goals.ts';
import type { BroadcastResult } from './incidentBroadcast.bench.ts';
import type { Machine } from './machine.ts';
import type { NearestResult } from './nearestAvailable.bench.ts';
import type { RecommendResult } from './recommendRouted.bench.ts';
import type { RouteBenchResult } from './routing/routeQuery.bench.ts';
import type { Summary } from './stats.ts';
import type { QuerySeries, TicketBenchResult } from './tickets.bench.ts';
import { cityScaleMarkdown, cityScaleRecords, type ScaleSection } from './cityScale.ts';
import { f1, f3, int, table } from './markdown.ts';
import { queryTailText } from './queryTail.ts';

export interface BenchRun {
  date: string;
  machine: Machine;
  nearest: NearestResult;
  broadcast: BroadcastResult;
  route: RouteBenchResult;
  recommend: RecommendResult;
  audit: AuditGrowthResult;
  tickets: TicketBenchResult;
  archive: ArchiveBenchResult;
  /** Benchmarks 8 on: the city-scale set (bench/cityScale.ts). */
  scale: ScaleSection[];
  goals: GoalCheck[];
  /** 1-minute load average of the machine before each benchmark and at the end. */
  load: { beforeNearest: number; beforeBroadcast: number; beforeRoute: number; beforeRecommend: number; beforeAudit: number; beforeTickets: number; beforeArchive: number; end: number };
}

/** One line of docs/benchmarks.json. */
export interface BenchRecord {
  name: string;
  unit: string;
  p50: number;
  p99: number;
  /** Per second, one at a time; null where it means nothing (a load time). */
  throughput: number | null;
  /** The fastest sample, where the measure is a best-of-N. */
  best?: number;
  peer: { name: string; p50: number; p99: number } | null;
  date: string;
  machine: Machine;
}

/** One line of docs/benchmarks.json for a single figure (a size, a projection), not a distribution. */
export interface FigureRecord {
  name: string;
  unit: string;
  value: number;
  /** What the figure rests on, where it is not simply measured. */
  basis?: string;
  date: string;
  machine: Machine;
}

const r3 = (value: number): number => Math.round(value * 1000) / 1000;

export function records(run: BenchRun): (BenchRecord | FigureRecord)[] {
  const { nearest, broadcast, route, recommend, date, machine } = run;
  const pg = route.pg;
  return [
    {
      name: `nearest available unit of a kind, ${nearest.options.units} units (Redis GEOSEARCH, incl. loopback round trip)`,
      unit: 'ms',
      p50: r3(nearest.ours.p50),
      p99: r3(nearest.ours.p99),
      throughput: Math.round(nearest.oursPerSecond),
      peer: { name: `@turf/turf nearestPoint, in-process over ~${Math.round(nearest.options.units / UNIT_KINDS.length)} points of the kind`, p50: r3(nearest.turf.p50), p99: r3(nearest.turf.p99) },
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
    {
      name: `route query on the Andorra graph (${route.graph.nodes} nodes), ${route.options.pairs} random pairs: snap + CH query + path + GeoJSON`,
      unit: 'ms',
      p50: r3(route.route.p50),
      p99: r3(route.route.p99),
      throughput: Math.round(route.throughput),
      peer:
        pg.status === 'measured'
          ? { name: `pgRouting ${pg.pgrouting} pgr_dijkstra on the same graph, PostgreSQL ${pg.postgres.split(' ')[0] ?? ''}, ${pg.compared} of the pairs as graph nodes, timed in the server`, p50: r3(pg.latency.p50), p99: r3(pg.latency.p99) }
          : null,
      date,
      machine,
    },
    {
      name: `road graph load, Andorra (loadRoadGraph + createRouter), median and slowest of ${route.load.runs.length}`,
      unit: 'ms',
      p50: r3(route.load.median),
      p99: r3(Math.max(...route.load.runs)),
      throughput: null,
      best: r3(route.load.best),
      peer: null,
      date,
      machine,
    },
    {
      name: `full recommendation with road-network ETAs (dispatch:recommend command path), ${recommend.options.units} units, ${recommend.incidentsCreated} incidents, Andorra`,
      unit: 'ms',
      p50: r3(recommend.latency.p50),
      p99: r3(recommend.latency.p99),
      throughput: Math.round(recommend.throughput),
      peer: null,
      date,
      machine,
    },
    ...auditRecords(run),
    ...ticketRecords(run),
    ...archiveRecords(run),
  ];
}

/** docs/benchmarks.json: the figures of benchmarks 1–7, then each city-scale benchmark's result as measured. */
export function allRecords(run: BenchRun): unknown[] {
  return [...records(run), ...cityScaleRecords(run.scale, run.date)];
}


export function nearestTable(n: NearestResult): string {
  return table(
    ['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'throughput (queries/s, one at a time)'],
    [
      ['Redis GEOSEARCH via `nearestAvailable` (loopback round trip included)', f3(n.ours.p50), f3(n.ours.p99), f3(n.ours.max), int(n.oursPerSecond)],
      ['Redis `PING` on the same connection (the round-trip floor)', f3(n.ping.p50), f3(n.ping.p99), f3(n.ping.max), ''],
      [`Turf \`nearestPoint\` scan, in-process (~${int(n.options.units / UNIT_KINDS.length)} points of the kind)`, f3(n.turf.p50), f3(n.turf.p99), f3(n.turf.max), int(n.turfPerSecond)],
      ['Ratio Turf / ours', `${f1(n.p50Ratio)}×`, `${f1(n.p99Ratio)}×`, '', ''],
    ],
  );
}

export function nearestFacts(n: NearestResult): string {
  return table(
    ['', ''],
    [
      [`Units seeded (${UNIT_KINDS.length} kinds, uniform in the bbox, all available)`, int(n.options.units)],
      [n.seeding === 'batched' ? 'Seeding time (batched RESP writes, AOF off while seeding; see section 8)' : 'Seeding time (`seedUnits`, AOF fsync always)', `${int(n.seedMs)} ms`],
      ['Queries timed (after warm-up)', `${int(n.options.queries)} (+${n.options.warmup} warm-up)`],
      ['Units asked for per query', String(n.options.wanted)],
      [`Queries that widened past the first radius (${SEARCH_RADII_METERS[0]} m; still one round trip, in the script)`, `${int(n.widened)} / ${int(n.options.queries)}`],
      ['Queries where Turf\'s nearest = our first hit', `${int(n.sameNearest)} / ${int(n.options.queries)}`],
      ['The timed queries\' tail', n.tail ? queryTailText(n.tail, n.options.queries) : 'not watched'],
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

const verdict = (met: boolean | null): string => (met === null ? '**not measured**' : met ? '**met**' : '**not met**');

export function goalsTable(goals: readonly GoalCheck[]): string {
  return table(['Goal', 'Measured', 'Verdict'], goals.map((g) => [g.goal, g.measured, verdict(g.met)]));
}

export function routeTable(r: RouteBenchResult): string {
  const pg = r.pg;
  const rows: string[][] = [[`Ours: \`router.route(from, to)\` — snap both points + CH query + path unpacking + GeoJSON (${int(r.options.pairs)} pairs)`, f3(r.route.p50), f3(r.route.p99), f3(r.route.max), int(r.throughput)]];
  if (pg.status === 'measured') {
    rows.push(
      [`Ours: \`router.nodeTimeMs(s, t)\` — CH query between the same graph nodes given to pgRouting (${int(pg.compared)} pairs)`, f3(pg.oursNodeQuery.p50), f3(pg.oursNodeQuery.p99), f3(pg.oursNodeQuery.max), int(pg.oursNodeThroughput)],
      [`pgRouting ${pg.pgrouting} \`pgr_dijkstra\`, same graph, same node pairs (${int(pg.compared)} pairs, timed inside PostgreSQL)`, f3(pg.latency.p50), f3(pg.latency.p99), f3(pg.latency.max), f1(pg.throughput)],
      ['Ratio pgRouting / `route()`', `${f1(pg.p50Ratio)}×`, `${f1(pg.p99Ratio)}×`, '', ''],
      ['Ratio pgRouting / `nodeTimeMs()` (node to node, like pgRouting)', `${f1(pg.nodeP50Ratio)}×`, `${f1(pg.latency.p99 / pg.oursNodeQuery.p99)}×`, '', ''],
    );
  } else {
    rows.push([`pgRouting \`pgr_dijkstra\` — **skipped**: ${pg.reason}`, '—', '—', '—', '—']);
  }
  return table(['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'throughput (queries/s, one at a time)'], rows);
}

function mismatchText(r: RouteBenchResult): string {
  const pg = r.pg;
  if (pg.status !== 'measured') return 'not compared (pgRouting skipped)';
  if (pg.mismatches.length === 0) return `${int(pg.compared)} / ${int(pg.compared)} agree (none differ by more than 1e-6 relative)`;
  const shown = pg.mismatches
    .slice(0, 5)
    .map((m) => `${m.from}→${m.to}: ours ${m.ours ?? 'no path'} s, pgRouting ${m.pgRouting ?? 'no path'} s`)
    .join('; ');
  return `**${int(pg.mismatches.length)} of ${int(pg.compared)} DIFFER**: ${shown}`;
}

export function routeFacts(r: RouteBenchResult): string {
  const pg = r.pg;
  const rows: string[][] = [
    ['Graph (`fixtures/andorra/roads.bin`)', `${int(r.graph.nodes)} nodes, ${int(r.graph.edges)} directed edges, ${int(r.graph.chEdges)} CH edges (shortcuts included), ${r.graph.fileMiB} MiB`],
    [
      `Graph load: \`loadRoadGraph\` + \`createRouter\`, best / median of ${r.load.runs.length}`,
      `${f1(r.load.best)} ms / ${f1(r.load.median)} ms (best read + checks ${f1(r.load.bestRead)} ms, best router build ${f1(r.load.bestRouter)} ms)`,
    ],
    ['Route queries timed (after warm-up) / routed', `${int(r.options.pairs)} (+${int(r.options.warmup)} warm-up) / ${int(r.routed)}`],
  ];
  if (pg.status === 'measured') {
    rows.push(
      ['PostgreSQL / pgRouting', `${pg.postgres} / ${pg.pgrouting}`],
      ['Edges loaded into PostgreSQL (`COPY`, + `ANALYZE`)', `${int(r.graph.edges)} in ${int(pg.loadMs)} ms`],
      ['pgRouting queries timed (after warm-up)', `${int(pg.compared)} (+${int(r.options.pgWarmup)} warm-up)`],
      ['Same travel time (ours vs `pgr_dijkstra` agg_cost)', mismatchText(r)],
    );
  } else {
    rows.push(['pgRouting', `skipped: ${pg.reason}`]);
  }
  return table(['', ''], rows);
}

export function recommendTable(r: RecommendResult): string {
  return table(
    ['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'throughput (recommendations/s, one at a time)'],
    [
      ['`dispatch:recommend` with road-network ETAs (the router in `ctx.city.router`)', f3(r.latency.p50), f3(r.latency.p99), f3(r.latency.max), int(r.throughput)],
      [`Same command, router taken out of the context (ranking: ${r.straightLine.ranking}), for scale`, f3(r.straightLine.latency.p50), f3(r.straightLine.latency.p99), f3(r.straightLine.latency.max), int(r.straightLine.throughput)],
      ['[DS7] A second desk at the same state version: the shared answer read back (routed)', f3(r.shared.latency.p50), f3(r.shared.latency.p99), f3(r.shared.latency.max), int(r.shared.throughput)],
    ],
  );
}

export function recommendFacts(r: RecommendResult): string {
  const problem = r.firstProblem ? ` — first: ${r.firstProblem}` : '';
  return table(
    ['', ''],
    [
      ['Units in the store (synthetic at random graph nodes, every kind in turn; + the pack\'s demo fleet)', int(r.unitsInStore)],
      ['Seeding time of the synthetic units (`seedUnits`, AOF fsync always)', `${int(r.seedMs)} ms`],
      ['Incidents created through `incident:create` (random graph nodes, every incident type in turn) / refused', `${int(r.incidentsCreated)} / ${int(r.incidentsRefused)}`],
      ['Recommendations timed (after warm-up), round-robin over the incidents', `${int(r.options.recommendations)} (+${int(r.options.warmup)} warm-up)`],
      ['Answers ranked `road_network` / other ranking or refused', `${int(r.roadNetwork)} / ${int(r.otherRanking)}${problem}`],
      ['Candidates proposed per recommendation (all kinds, mean)', f1(r.meanCandidates)],
      ['[DV3] Units on their way to minor (Alpha) jobs, searched as divert candidates by every recommendation', `${int(r.committedUnits)} (${int(r.options.jobs)} random jobs × ${r.options.unitsPerJob}, and the nearest ${r.options.busyUnitsPerKind} of each needed kind around ${r.options.busyAreas} incidents)`],
      ['[DV3] Recommendations offering a divert / divert candidates offered in all', `${int(r.withDivertOffers)} / ${int(r.divertOffers)}`],
      ['Redis `used_memory_human` at the end', r.redisMemory],
      ['Node process RSS', `${f1(r.processRssMiB)} MiB`],
    ],
  );
}

function loadNote(run: BenchRun): string {
  const peak = Math.max(run.load.beforeNearest, run.load.beforeBroadcast, run.load.beforeRoute, run.load.beforeRecommend, run.load.beforeAudit, run.load.beforeTickets, run.load.beforeArchive, run.load.end);
  return peak > run.machine.nproc
    ? ` — above the ${run.machine.nproc} CPUs: other processes were competing for the CPUs during this run, which can inflate the tail (p99, max) figures.`
    : '.';
}

function ratioNote(n: NearestResult): string {
  return `On ×100 against Turf at 10,000 units (${f1(n.p50Ratio)}× at p50, ${f1(n.p99Ratio)}× at p99; a figure here, not a goal): the Turf scan over
~${int(n.options.units / UNIT_KINDS.length)} points of one kind took ${f3(n.turf.p50)} ms (p50) in-process, so ×100 would need ${f3(n.turf.p50 / 100)} ms per query, while a bare
Redis \`PING\` round trip on loopback took ${f3(n.ping.p50)} ms (p50) on this machine. A query that crosses a socket cannot reach
that ratio against an in-memory scan of this size: it compares different work, so the ×100 goal is set at 1,000,000 units
(benchmark 8), where the scan is the size of a national fleet.`;
}

function pgNote(route: RouteBenchResult): string {
  const pg = route.pg;
  if (pg.status !== 'measured') {
    return `**pgRouting was skipped in this run**: ${pg.reason}. The route-query goal against pgRouting is therefore not measured
here; run \`bash scripts/ensure-pgrouting.sh\` (installs Debian's \`postgresql-15-pgrouting\`) and \`npm run bench\` again.`;
  }
  return `On the ×10 pgRouting goal: \`route()\` took ${f3(route.route.p50)} ms (p50) for the whole query (snapping both points, CH
query, path unpacking, GeoJSON), \`pgr_dijkstra\` ${f3(pg.latency.p50)} ms (p50) for a node-to-node query on the same graph, timed
inside PostgreSQL: **${f1(pg.p50Ratio)}×** at p50 (${f1(pg.p99Ratio)}× at p99). pgRouting reads the edge table and builds its graph on
every call, which is how it is normally called; that cost is part of its figure.`;
}

export function markdown(run: BenchRun): string {
  const { machine, nearest, broadcast, route, recommend, audit, tickets, archive } = run;
  return `# Benchmarks

Measured ${run.date} with \`npm run bench\` (\`tsx bench/run.ts\`).

**Machine:** ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.ramGiB} GiB RAM, Node ${machine.node}, Redis ${machine.redis}${route.pg.status === 'measured' ? `, PostgreSQL ${route.pg.postgres} with pgRouting ${route.pg.pgrouting}` : ''}.

**Load (1-minute load average, other work on the machine included):** ${f1(run.load.beforeNearest)} before benchmark 1,
${f1(run.load.beforeBroadcast)} before benchmark 2, ${f1(run.load.beforeRoute)} before benchmark 3, ${f1(run.load.beforeRecommend)} before benchmark 4,
${f1(run.load.beforeAudit)} before benchmark 5, ${f1(run.load.beforeTickets)} before benchmark 6, ${f1(run.load.beforeArchive)} before benchmark 7,
${f1(run.load.end)} at the end${loadNote(run)}

**Goals (from the product's issues):** ${GOALS_TEXT}.

${goalsTable(run.goals)}

${ratioNote(nearest)}

${pgNote(route)}

${archiveNote(archive)}

## 1. Nearest available unit of a kind over ${int(nearest.options.units)} units

${nearestTable(nearest)}

${nearestFacts(nearest)}

## 2. Incident create → broadcast received, ${broadcast.options.ratePerSecond} incidents/s for ${broadcast.options.durationSeconds} s

${broadcastTable(broadcast)}

${broadcastFacts(broadcast)}

## 3. Route query on the Andorra road graph, beside pgRouting

${routeTable(route)}

${routeFacts(route)}

## 4. Full recommendation with road-network ETAs, ${int(recommend.options.units)} units

${recommendTable(recommend)}

${recommendFacts(recommend)}

## 5. Audit record growth and the command path

${auditTable(audit)}

${auditProjection(audit)}

${auditFacts(audit)}

## 6. Care Connect: ticket creation and Open311 \`GET requests\` over ${int(tickets.options.tickets)} tickets

${ticketTable(tickets)}

${ticketFacts(tickets)}

## 7. The record: the archive under a burst, the intervals report over a year, the replay

${archiveTable(archive)}

${archiveLagTable(archive)}

${archiveFacts(archive)}

${cityScaleMarkdown(run.scale)}

## Method

- Each Redis benchmark starts its own \`redis-server\` (\`startEmbeddedRedis\`, fresh temporary data folder, the
  server's production settings: AOF on with \`appendfsync always\`) on a free loopback port, and stops it after.
- **Nearest:** ${int(nearest.options.units)} synthetic units (\`bench-00001\`…, ${UNIT_KINDS.length} kinds in turn, positions uniform in the
  Johannesburg bbox 27.714,-26.526 – 28.215,-25.903, all available) are seeded with the server's \`seedUnits\` under
  \`redisKeys('bench')\`. ${int(nearest.options.queries)} query points (uniform in the bbox, seeded PRNG, kinds in turn) are
  each timed one at a time around \`nearestAvailable(redis, keys.availableUnits(kind), point, ${nearest.options.wanted})\`, so every
  figure **includes one loopback round trip** to Redis (the script \`nearestAvailable.lua\` widens ${SEARCH_RADII_METERS.map((r) => r / 1000).join(' → ')} km until ${nearest.options.wanted} are found).
  The Turf figure is \`nearestPoint(point, collection)\` **in-process** over a FeatureCollection of the units of
  the same kind (~${int(nearest.options.units / UNIT_KINDS.length)} points), for the same query points; it returns only the single nearest
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
- **Route query:** \`fixtures/andorra/roads.bin\` is loaded with \`loadRoadGraph\` and a router built with \`createRouter\`
  ${route.load.runs.length} times (each timed: that is the graph-load measure, best and median). ${int(route.options.pairs)} query pairs are two
  random graph nodes each (seeded PRNG), each point nudged up to ~50 m off the node so that every query snaps; after
  ${int(route.options.warmup)} warm-up queries on other pairs, each \`route(from, to)\` (contraction-hierarchy query, the default) is timed
  one at a time. For pgRouting the first ${int(route.options.pgWarmup + route.options.pgPairs)} of the same pairs are taken as graph nodes (the nearer end
  of the segment each point snaps to). \`scripts/ensure-pgrouting.sh\` installs Debian's \`postgresql-15-pgrouting\` when it
  is missing; the benchmark then starts a PostgreSQL cluster of its own (\`initdb\` in a fresh temporary folder,
  as the \`postgres\` account when run as root, a free loopback port, \`fsync=off\`; never the machine's own
  cluster), creates the \`pgrouting\` extension, and loads the graph with \`COPY\` into
  \`edges(id, source, target, cost, reverse_cost)\`: one row per directed edge, \`cost\` = the edge's travel time in
  seconds, \`reverse_cost\` = -1 (one-way rows; a two-way road is two rows). A PL/pgSQL loop calls
  \`pgr_dijkstra('SELECT id, source, target, cost, reverse_cost FROM edges', s, t, directed => true)\` for each pair and
  times each call with \`clock_timestamp()\` **inside the server**, so pgRouting's figures carry no client round
  trip or parsing (ours carry none either: the router runs in-process). The first ${int(route.options.pgWarmup)} pairs are a warm-up.
  The total \`agg_cost\` of each pgRouting answer is compared with our \`nodeTimeMs(s, t)\` between the same nodes (a
  relative difference above 1e-6 is reported as a mismatch); \`nodeTimeMs\` is also timed, as the like-for-like figure.
  The cluster is stopped and its folder deleted at the end, also on error or Ctrl-C.
- **Recommendation:** \`createCadServer\` with the Andorra city pack (\`loadCityPack('fixtures/andorra')\`, its road graph
  loaded into \`ctx.city.router\`) and a Redis of its own, in the benchmark's process. ${int(recommend.options.units)} synthetic
  units (every kind in turn, each at a random graph node, all available) are seeded with \`seedUnits\`;
  ${int(recommend.options.jobs)} minor (Alpha) jobs are created and ${recommend.options.unitsPerJob} random synthetic units committed to each with \`dispatch:assign\`
  (they stay dispatched, so every recommendation searches them as divert candidates, DV3); then
  ${int(recommend.options.incidents)} incidents (every incident type in turn, each at a random graph node) are created with
  \`COMMAND_HANDLERS['incident:create'].execute\`. Then \`COMMAND_HANDLERS['dispatch:recommend'].execute(ctx, dispatcher, { incidentId })\`
  is timed one at a time, ${int(recommend.options.recommendations)} times round-robin over the incidents after ${int(recommend.options.warmup)} warm-up calls: the whole
  command path (payload parsing, role check, the incident read, Redis GEOSEARCH of the candidates, unit records,
  road-network ETAs, ranking, passed-over explanations, divert candidates and the jobs they would leave). Around the first
  ${int(recommend.options.busyAreas)} incidents the nearest ${recommend.options.busyUnitsPerKind} units of each kind their plan needs are first put on a minor job there (a busy
  neighbourhood), so that a unit on its way to that job is worth offering as a divert. The shared
  answer of the state version (DS7) is deleted before each timed call, outside the timing, so every call computes in
  full; a last run reads the shared answer back, as a second desk would. Every answer is checked for \`ranking: 'road_network'\`.
  The same calls with \`ctx.city.router\` set to null (straight-line ranking) are timed after, for scale.
${auditMethod(audit)}
${ticketMethod(tickets)}
${archiveMethod(archive)}
- **City-scale set (8 on):** each starts its own Redis (as above), the server alone in a process of its own (\`bench/load/serverHost.ts\`: the
  Johannesburg server with raised rate limits and synthetic units, sessions minted in that process so no password hashing
  is timed, its RSS sampled every 100 ms and its event-loop delay recorded there), and a load generator in another
  (\`bench/load/loadGenerator.ts\`: real socket.io-client connections over loopback, commands on an absolute-time schedule
  or closed-loop, every answer timed from its send; a paced run wakes at most once a millisecond and sends what is due, so
  the generator does not spin a core the server needs). The console benchmark drives Debian's Chromium (playwright-core) on a
  signed-in dispatcher console and reads the console's own User Timing measures (\`cad:position-frame\`).
  Before each, the runner collects its own garbage (the earlier benchmarks leave hundreds of MB in its heap), flushes the page cache (\`sync\`, so \`appendfsync always\` does not queue behind the last
  benchmark's writes) and waits until the machine's CPU is under 10 % busy over one second (at most 60 s,
  \`bench/load/settleMachine.ts\`); each section's first line says what it found, and how busy the machine was during
  the benchmark and what share the hypervisor took (steal, from \`/proc/stat\`).
- Percentiles are nearest-rank over all samples. RSS is \`process.memoryUsage().rss\` of the benchmark process
  (after the earlier benchmarks, so it is an upper bound for the server alone).
- \`BENCH_QUICK=1\` runs a shortened smoke version and does not write these files (it writes its own to a temporary
  folder named in its output). \`BENCH_SKIP_PGROUTING=1\` skips the pgRouting column. \`BENCH_ONLY=7\` (or a list from 7 on,
  such as \`BENCH_ONLY=9,12\`) runs those benchmarks alone and prints them (these files are written by a full run only).
  Where the time goes: \`INGEST_PROFILE=1\` (benchmark 9), \`BURST_PROFILE=1\` (benchmark 10) and \`ASSIGN_PROFILE=1\` (benchmark 11) run the server under
  \`--cpu-prof\` and print a summary; \`LOAD_PROFILE_DIR=<folder>\` leaves the load generator's profile there.
`;
}

export function writeDocs(run: BenchRun, mdPath: string, jsonPath: string): void {
  mkdirSync(dirname(mdPath), { recursive: true });
  writeFileSync(mdPath, markdown(run));
  writeFileSync(jsonPath, `${JSON.stringify(allRecords(run), null, 2)}\n`);
}

// ── Benchmark 5: audit record growth and the command path ─────────────────────────────────────────

const f2 = (value: number): string => value.toFixed(2);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;

/** The commands in the order an incident's life sends them. */
const LIFE_ORDER = ['caller:history', 'incident:duplicates', 'incident:create', 'dispatch:recommend', 'dispatch:assign', 'unit:acknowledge', 'unit:status', 'incident:close'];

function lifeOrdered(rows: readonly CommandRow[]): CommandRow[] {
  const rank = (row: CommandRow): number => {
    const at = LIFE_ORDER.indexOf(row.name);
    return at < 0 ? LIFE_ORDER.length : at;
  };
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

function auditedText(row: CommandRow): string {
  if (row.audited === row.calls) return 'every call audited';
  if (row.audited === row.refused) return 'audited when refused';
  return `${int(row.audited)} of ${int(row.calls)} audited`;
}

export function auditTable(a: AuditGrowthResult): string {
  const p = a.probes;
  const rows: string[][] = lifeOrdered(a.commands).map((row) => [
    `\`${row.name}\` through \`runCommand\`, end to end (${auditedText(row)}${row.refused > 0 ? `; ${int(row.refused)} refused` : ''})`,
    f3(row.latency.p50),
    f3(row.latency.p99),
    f3(row.latency.max),
    int(row.latency.count),
  ]);
  rows.push(
    ['`resolveSession(ctx, token)`: a real token (signature, expiry), the user record, the revocation check', f3(a.session.p50), f3(a.session.p99), f3(a.session.max), int(a.session.count)],
    [`\`verifyPassword\`: one sign-in's password check (scrypt N = 2^${a.password.log2N}, r = 8, p = 1)`, f3(a.password.latency.p50), f3(a.password.latency.p99), f3(a.password.latency.max), int(a.password.latency.count)],
    ['One step alone: Redis `PING` (the round-trip floor)', f3(p.ping.p50), f3(p.ping.p99), f3(p.ping.max), int(p.ping.count)],
    ['One step alone: the rate-limit consume (a write, so an fsync)', f3(p.rateLimit.p50), f3(p.rateLimit.p99), f3(p.rateLimit.max), int(p.rateLimit.count)],
    ['One step alone: the command-id fingerprint `SET … EX 86400 NX` (a write)', f3(p.fingerprint.p50), f3(p.fingerprint.p99), f3(p.fingerprint.max), int(p.fingerprint.count)],
    ['One step alone: the stored-answer `GET` (a read; made even when the fingerprint was new)', f3(p.storedAnswer.p50), f3(p.storedAnswer.p99), f3(p.storedAnswer.max), int(p.storedAnswer.count)],
    ['One step alone: `appendAudit` (XADD + ZADD per index, one script, a write)', f3(p.appendAudit.p50), f3(p.appendAudit.p99), f3(p.appendAudit.max), int(p.appendAudit.count)],
  );
  return table(['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'samples'], rows);
}

export function auditProjection(a: AuditGrowthResult): string {
  const pr = a.projection;
  const memory = AUDIT_KEY_FAMILIES.reduce((sum, family) => sum + a.memory[family].memoryBytes, 0);
  const serialized = AUDIT_KEY_FAMILIES.reduce((sum, family) => sum + a.memory[family].serializedBytes, 0);
  const perDay = `per day at ${int(pr.incidentsPerDay)} incidents (assumed)`;
  const growth = table(
    ['', 'bytes per audit entry', `measured, ${int(a.auditEntries)} entries`, perDay, 'per year'],
    [
      ['Redis memory: the audit stream and its indexes (`MEMORY USAGE … SAMPLES 0`)', int(a.memoryPerEntry), mb(memory), `${f1(pr.memoryMBPerDay)} MB`, `${f2(pr.memoryGBPerYear)} GB`],
      ['AOF on disk: the audit appends as logged (`XADD` with its id, a `ZADD` per index)', int(a.aof.auditPerEntry), mb(a.aof.auditBytes), `${f1(pr.aofAuditMBPerDay)} MB`, `${f2(pr.aofAuditGBPerYear)} GB`],
      ['RDB form (`DUMP`): what an AOF rewrite or a snapshot keeps of it', int(a.serializedPerEntry), mb(serialized), `${f1(pr.serializedMBPerDay)} MB`, `${f2(pr.serializedGBPerYear)} GB`],
      [`AOF on disk: everything the command path appends (${int(a.aof.perIncident)} B per incident)`, '', mb(a.aof.growthBytes), `${f1(pr.aofTotalMBPerDay)} MB`, '(until a rewrite)'],
    ],
  );
  const prose = `**Projection.** Assumption, not a measurement: Johannesburg's Emergency Connect takes about
${int(pr.incidentsPerDay)} incidents a day. Measured here: ${f2(a.entriesPerIncident)} audit entries per incident for this shift's mix of commands
(see Method), so about ${int(pr.entriesPerDay)} entries a day. At the bytes per entry above that is **${f1(pr.memoryMBPerDay)} MB a day of Redis
memory (${f2(pr.memoryGBPerYear)} GB a year)**, never given back while the stream is never trimmed; **${f1(pr.aofAuditMBPerDay)} MB a day appended to
the AOF** for the audit alone (${f1(pr.aofTotalMBPerDay)} MB a day for everything the command path appends, until an AOF rewrite folds
it); and ${f1(pr.serializedMBPerDay)} MB a day (${f2(pr.serializedGBPerYear)} GB a year) in the RDB form a rewritten AOF keeps. The projection is linear in both
numbers. Commands this shift does not send add to it: sign-ins and sign-outs, \`state:read\` and \`sync:since\` on every console
(re)connect (audited as reads of personal data), crews' status reports, and every refused command, including those refused
for the rate limit. Index sorted sets past 128 members leave the compact listpack for a skiplist; over months every
user's and unit's index does, so a long-lived record costs more memory per entry than a short run's mix of both.`;
  return `${growth}\n\n${prose}`;
}

const FAMILY_LABELS: Record<AuditKeyFamily, string> = {
  stream: 'Stream `cad:{jhb}:audit` (entries)',
  'by-user': 'Index `…:audit:by-user:*` (members)',
  'by-incident': 'Index `…:audit:by-incident:*` (members)',
  'by-unit': 'Index `…:audit:by-unit:*` (members)',
};

function familyText(a: AuditGrowthResult, family: AuditKeyFamily): string {
  const grown = a.memory[family];
  const after = a.after[family];
  const encodings = Object.entries(after.encodings)
    .map(([encoding, n]) => `${int(n)} ${encoding}`)
    .join(', ');
  const perItem = grown.items > 0 ? grown.memoryBytes / grown.items : 0;
  return `+${int(grown.items)} (${int(grown.memoryBytes)} B, ${f1(perItem)} B each in memory; ${int(grown.serializedBytes)} B serialized); ${int(grown.keys)} new keys, ${int(after.keys)} in all (${encodings})`;
}

export function auditFacts(a: AuditGrowthResult): string {
  const s = a.shift;
  const refusals = Object.entries(a.refusalCodes)
    .map(([code, n]) => `${code} ${int(n)}`)
    .join(', ');
  const lost = a.shift.auditedExpected - a.auditEntries;
  const aofTotal = Object.values(a.aof.byFamily).reduce((sum, n) => sum + n, 0);
  const byFamily = Object.entries(a.aof.byFamily)
    .sort((x, y) => y[1] - x[1])
    .map(([family, bytes]) => `${family} ${mb(bytes)} (${((bytes / Math.max(1, aofTotal)) * 100).toFixed(0)} %)`)
    .join(', ');
  return table(
    ['', ''],
    [
      ['Incidents driven through `runCommand` (created / closed), after warm-up; in flight at once', `${int(s.incidentsCreated)} / ${int(s.incidentsClosed)} (+${int(a.options.warmupIncidents)} warm-up); ${a.options.inFlight}`],
      ['People (in-process sessions)', `${a.options.callTakers} call-takers, ${a.options.dispatchers} dispatchers at the combined desk, the crew of each unit committed`],
      ['Commands sent, one at a time / rate', `${int(s.commands)} / ${f1(s.commandsPerSecond)} per second`],
      ['Units committed', int(s.unitsAssigned)],
      ['Refused', `${int(a.refusals)}${refusals ? ` (${refusals})` : ''}`],
      ['Audit entries appended (`XLEN` after − before) / expected by the contract\'s audit rule', `${int(a.auditEntries)} / ${int(s.auditedExpected)}${lost !== 0 ? ` — **${int(lost)} MISSING**` : ''}`],
      ['Audit entries per incident', f2(a.entriesPerIncident)],
      ...AUDIT_KEY_FAMILIES.map((family) => [FAMILY_LABELS[family], familyText(a, family)]),
      ['AOF appended, by key family (parsed from the appended bytes)', `${mb(aofTotal)} in ${int(a.aof.commands)} commands: ${byFamily}${a.aof.isRewritten ? ' — **the AOF was rewritten during the run**' : ''}`],
      ['AOF growth of the data folder\'s files', `${mb(a.aof.growthBytes)}; file system \`${a.aof.fsType}\`, \`appendfsync always\`, automatic rewrite off for the run`],
      [
        'Command-id keys (stored answer + fingerprint, each expiring after 24 h)',
        `+${int(a.commandIds.growth.keys)} keys, ${int(a.commandIds.perJournaledCommand)} B per journaled command in memory → about ${f1(a.projection.commandIdMBHeld)} MB held at the assumed load`,
      ],
      ['Redis `used_memory` before → after the measured incidents', `${mb(a.redisUsedBytes.before)} → ${mb(a.redisUsedBytes.after)} (\`used_memory_human\` at the end: ${a.redisMemory})`],
      ['Node process RSS', `${f1(a.processRssMiB)} MiB`],
    ],
  );
}

export function auditMethod(a: AuditGrowthResult): string {
  const o = a.options;
  return `- **Audit growth and the command path:** \`createCadServer\` with the Johannesburg city pack (demo users seeded) and
  a Redis of its own (AOF, \`appendfsync always\`; \`auto-aof-rewrite-percentage 0\` so that no rewrite folds the AOF during
  the run), in the benchmark's process. The per-user command rate limit is raised from 300 per 10 s to 10,000,000: the
  benchmark compresses a shift into seconds; the limiter is still consumed on every command. In-process sessions (built as
  benchmark 4 builds them; a session check and a password check are timed on their own) of ${o.callTakers} call-takers,
  ${o.dispatchers} dispatchers at the combined desk and the crew of each unit drive ${int(o.incidents)} incidents through \`runCommand\`, after
  ${int(o.warmupIncidents)} warm-up incidents, ${o.inFlight} at a time with their steps interleaved, one command at a time. Each incident:
  \`caller:history\` and \`incident:duplicates\` (call-taker; a number from a pool of 1,500, so some call again);
  \`incident:create\` (60 % medical types, the rest every other type in turn, at a random point inside the metro);
  \`dispatch:recommend\` and \`dispatch:assign\` of the top candidates the plan needs (recommended again, up to 3 times, when
  a unit was taken meanwhile by another incident); \`unit:acknowledge\` by each unit's crew; \`unit:status\` en route, on
  scene, available for each unit (dispatcher); \`incident:close\`. Refusals on the way: on one call in 20 the call-taker
  tries \`dispatch:assign\` (forbidden); on one incident in 25 the dispatcher reports on scene straight from dispatched (not
  allowed); and assignments of a unit another incident took first. Command ids are 32 hex digits, as the console makes them.
  Before and after the measured incidents: \`XLEN\` of the audit stream; \`MEMORY USAGE <key> SAMPLES 0\` and \`DUMP\` of the
  stream and of every \`…:audit:by-*\` key (found with \`SCAN\`); and the sizes of the AOF folder's files. The appended part of
  the AOF is parsed into commands and each is attributed to the family of its first key (a script's \`MULTI\`…\`EXEC\` to
  the family of its first command). Then \`resolveSession\` with a real token (\`issueToken\` for the demo dispatcher at the
  combined desk) ${int(o.sessionResolves)} times after 100 warm-up calls; \`verifyPassword\` of the demo password against its stored hash
  ${o.passwordChecks} times; and each single step of a journaled command's path alone, ${int(o.probes)} times, against keys of another tag.
  The per-day projection multiplies the measured per-entry and per-incident figures by an **assumed** ${int(a.projection.incidentsPerDay)} incidents a day.`;
}

function commandRecord(a: AuditGrowthResult, run: BenchRun, name: 'unit:status' | 'incident:create'): BenchRecord {
  const latency = name === 'unit:status' ? a.unitStatus : a.incidentCreate;
  return {
    name: `command path end to end: runCommand('${name}') with session rules, rate limit, command-id fingerprint and audit append, Johannesburg, AOF fsync always, ${a.options.incidents} incidents`,
    unit: 'ms',
    p50: r3(latency.p50),
    p99: r3(latency.p99),
    throughput: Math.round(1000 / latency.mean),
    peer: null,
    date: run.date,
    machine: run.machine,
  };
}

function auditRecords(run: BenchRun): (BenchRecord | FigureRecord)[] {
  const a = run.audit;
  const { date, machine } = run;
  const pr = a.projection;
  const basis = `assumption: ~${pr.incidentsPerDay} incidents a day (Johannesburg Emergency Connect); measured: ${f2(a.entriesPerIncident)} audit entries per incident`;
  const figure = (name: string, unit: string, value: number, withBasis = false): FigureRecord => ({ name, unit, value: r3(value), ...(withBasis ? { basis } : {}), date, machine });
  return [
    commandRecord(a, run, 'unit:status'),
    commandRecord(a, run, 'incident:create'),
    {
      name: 'resolveSession with a real token (signature and expiry, user record, revocation check)',
      unit: 'ms',
      p50: r3(a.session.p50),
      p99: r3(a.session.p99),
      throughput: Math.round(1000 / a.session.mean),
      peer: null,
      date,
      machine,
    },
    {
      name: `verifyPassword, one sign-in's password check (scrypt N=2^${a.password.log2N}, r=8, p=1), ${a.password.latency.count} samples`,
      unit: 'ms',
      p50: r3(a.password.latency.p50),
      p99: r3(a.password.latency.p99),
      throughput: null,
      peer: null,
      date,
      machine,
    },
    figure('audit entries per incident (benchmark 5 shift mix)', 'entries', a.entriesPerIncident),
    figure('audit record in Redis memory per entry (stream + indexes, MEMORY USAGE)', 'bytes', a.memoryPerEntry),
    figure('audit record appended to the AOF per entry', 'bytes', a.aof.auditPerEntry),
    figure('audit record serialized per entry (DUMP, the RDB form)', 'bytes', a.serializedPerEntry),
    figure('AOF appended by the whole command path per incident', 'bytes', a.aof.perIncident),
    figure('projected audit growth in Redis memory', 'MB/day', pr.memoryMBPerDay, true),
    figure('projected audit growth in the AOF (appended)', 'MB/day', pr.aofAuditMBPerDay, true),
    figure('projected audit growth in Redis memory', 'GB/year', pr.memoryGBPerYear, true),
    figure('projected audit growth in the AOF (appended)', 'GB/year', pr.aofAuditGBPerYear, true),
  ];
}

// ── Benchmark 6: Care Connect tickets and Open311 ─────────────────────────────────────────────────

function queryRow(q: QuerySeries, what: string): string[] {
  return [`Open311 \`GET requests.json\` over HTTP, ${what} (${int(q.meanAnswered)} requests, ${int(q.meanBytes / 1000)} kB per answer)`, f3(q.latency.p50), f3(q.latency.p99), f3(q.latency.max), int(q.latency.count)];
}

export function ticketTable(t: TicketBenchResult): string {
  return table(
    ['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'samples'],
    [
      ['`ticket:create` through `runCommand` (a Care Connect agent; extra fields checked, reference issued, department queue, journal, audit)', f3(t.create.p50), f3(t.create.p99), f3(t.create.max), int(t.create.count)],
      queryRow(t.byService, 'one `service_code`, the default 90-day window (the goal)'),
      queryRow(t.all, 'no filter: the 1,000 newest of the 90 days'),
      queryRow(t.byStatus, 'one `service_code` and `status=closed` (the index paged, the open queues consulted)'),
    ],
  );
}

export function ticketFacts(t: TicketBenchResult): string {
  return table(
    ['', ''],
    [
      [`Tickets seeded through \`createTicket\` (${t.seed.services} services in turn, created over the last 90 days), ${t.options.inFlight} in flight`, `${int(t.seed.tickets)} in ${int(t.seed.ms)} ms (${int(t.seed.perSecond)} per second)${t.seed.refused > 0 ? ` — **${int(t.seed.refused)} refused**` : ''}`],
      ['Tickets in the store when queried (`tickets:created`)', int(t.ticketsInIndex)],
      ['Redis `used_memory_human` at the end', t.redisMemory],
      ['Node process RSS', `${f1(t.processRssMiB)} MiB`],
    ],
  );
}

export function ticketMethod(t: TicketBenchResult): string {
  const o = t.options;
  return `- **Care Connect:** \`createCadServer\` with the Johannesburg city pack and a Redis of its own (AOF, \`appendfsync always\`),
  in the benchmark's process. ${int(o.tickets)} tickets are seeded through the server's \`createTicket\` (its Lua script: reference,
  department queue, the creation-time indexes, journal), ${o.inFlight} calls in flight, every service in turn, each with the context's clock
  set to a random time in the last 89 days, required extra fields in form and a random point in the metro for a service about a
  place. Then \`runCommand('ticket:create')\` for an in-process Care Connect agent is timed one at a time, ${int(o.creates)} times after
  ${int(o.createWarmup)} warm-up calls. Then each Open311 query series is timed one at a time over loopback HTTP with \`fetch\`
  (the answer read to its end, not parsed), ${int(o.queries)} times after ${int(o.queryWarmup)} warm-up calls, round-robin over the
  services: \`requests.json?service_code=<code>\` (default window: the last 90 days; at most 1,000 answers), \`requests.json\`, and
  \`requests.json?service_code=<code>&status=closed\` (every seeded ticket is open, so this pages through the service's index to the end).`;
}

function ticketRecords(run: BenchRun): (BenchRecord | FigureRecord)[] {
  const t = run.tickets;
  const { date, machine } = run;
  const row = (name: string, latency: Summary): BenchRecord => ({ name, unit: 'ms', p50: r3(latency.p50), p99: r3(latency.p99), throughput: Math.round(1000 / latency.mean), peer: null, date, machine });
  return [
    row(`ticket:create through runCommand, ${t.options.tickets} tickets in the store, AOF fsync always`, t.create),
    row(`Open311 GET requests.json, one service_code, 90-day window, ${t.options.tickets} tickets (${Math.round(t.byService.meanAnswered)} answers), loopback HTTP`, t.byService.latency),
    row(`Open311 GET requests.json, no filter, 90-day window, ${t.options.tickets} tickets (${Math.round(t.all.meanAnswered)} answers), loopback HTTP`, t.all.latency),
    { name: `tickets seeded through createTicket, ${t.options.inFlight} in flight, AOF fsync always`, unit: 'tickets/s', value: r3(t.seed.perSecond), date, machine },
  ];
}

// ── Benchmark 7: the record (archive lag, the intervals report over a year, the replay) ───────────────

const seconds3 = (ms: number): string => (ms / 1000).toFixed(3);

function reportRow(what: string, series: ReportSeries): string[] {
  return [`\`intervalReport\` over ${what} (${int(series.incidents)} incidents, ${int(series.unitResponses)} unit responses)`, f3(series.latency.p50), f3(series.latency.p99), f3(series.latency.max), int(series.latency.count)];
}

export function archiveTable(a: ArchiveBenchResult): string {
  const { report, burst } = a;
  return table(
    ['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'samples'],
    [
      reportRow(report.year.label, report.year),
      reportRow(report.offset.label, report.offset),
      reportRow(report.month.label, report.month),
      reportRow(report.day.label, report.day),
      [`\`utilisationReport\` over the whole range (${int(report.utilisation.units)} units with responses)`, f3(report.utilisation.latency.p50), f3(report.utilisation.latency.p99), f3(report.utilisation.latency.max), int(report.utilisation.latency.count)],
      ['`incident:create` → acknowledgement at the call-taker during the burst, the archiver running', f3(burst.ack.p50), f3(burst.ack.p99), f3(burst.ack.max), int(burst.ack.count)],
    ],
  );
}

export function archiveLagTable(a: ArchiveBenchResult): string {
  const { burst } = a;
  const o = a.options.burst;
  return table(
    [`Archive lag during the burst (read every ${o.sampleMs} ms)`, 'p50', 'p99', 'max', 'samples'],
    [
      ['Journal entries not yet confirmed in PostgreSQL (`archiver.lag().entries`)', int(burst.lagEntries.p50), int(burst.lagEntries.p99), int(burst.lagEntries.max), int(burst.samples)],
      ['Age of the oldest unconfirmed entry, s (from its journal stamp, to the ms)', seconds3(burst.lagMs.p50), seconds3(burst.lagMs.p99), seconds3(burst.lagMs.max), int(burst.samples)],
    ],
  );
}

export function archiveFacts(a: ArchiveBenchResult): string {
  const { burst, report, replay } = a;
  const o = a.options;
  const load = report.load;
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
  const refusals = replay.refusalExamples.length > 0 ? ` (${replay.refusalExamples.join('; ')})` : '';
  return table(
    ['', ''],
    [
      ['PostgreSQL (started by each part of the benchmark in a temporary folder: `fsync=on`, `synchronous_commit=on`, `shared_buffers=128MB`)', a.postgres],
      [`Burst: target rate × duration, from ${o.burst.callTakers} call-taker consoles (socket.io-client) in turn`, `${o.burst.ratePerSecond}/s × ${o.burst.durationSeconds} s`],
      ['Burst: incidents sent / acknowledged / refused; achieved rate (first send to last acknowledgement)', `${int(burst.sent)} / ${int(burst.acknowledged)} / ${int(burst.refused)}; ${f1(burst.achievedRate)}/s`],
      ['Largest lag as `/api/health` reports it (`archiver.lag().seconds`, whole seconds)', `${burst.reportedSecondsMax} s`],
      ['**Last acknowledgement of the burst → first read of a lag of 0**', burst.recoveryMs === null ? '**not back to 0 within 120 s**' : `**${seconds3(burst.recoveryMs)} s**`],
      [
        'Journal in PostgreSQL after the burst: rows, distinct versions, lowest–highest / the live head version',
        `${int(burst.archived.rows)}, ${int(burst.archived.distinct)}, ${burst.archived.min}–${int(burst.archived.max)} / ${int(burst.headVersion)}: ${burst.isExactlyOnce ? 'every version once, no gap' : '**NOT every version exactly once**'}`,
      ],
      ['Incidents in PostgreSQL / acknowledged', `${int(burst.incidentsArchived)} / ${int(burst.acknowledged)}`],
      [
        `A year in the archive: incidents over ${o.year.days} days (generated, seed 2025) / unit responses (per incident)`,
        `${int(load.incidents)} / ${int(load.unitResponses)} (${f2(load.unitResponses / Math.max(1, load.incidents))})`,
      ],
      [
        'Flagged rows (by the archive\'s own rules, `responseRecord`): incidents / unit responses; incidents with no unit sent',
        `${int(load.flaggedIncidents)} (${f2((load.flaggedIncidents / Math.max(1, load.incidents)) * 100)} %) / ${int(load.flaggedResponses)} (${f2((load.flaggedResponses / Math.max(1, load.unitResponses)) * 100)} %); ${int(load.withoutResponse)}`,
      ],
      ['Incident document (`doc`, JSON) mean size; load time (generation + multi-row `INSERT`s + `VACUUM ANALYZE`)', `${int(load.meanDocBytes)} B; ${f1(load.loadMs / 1000)} s`],
      ['Table sizes with indexes and TOAST: `incidents` / `unit_responses`', `${mb(report.bytes.incidents)} / ${mb(report.bytes.unitResponses)}`],
      [
        'The year\'s report: processing p50 / p90; travel measurements and p90; flagged rows',
        `${report.yearFigures.processingP50 ?? '—'} s / ${report.yearFigures.processingP90 ?? '—'} s; ${int(report.yearFigures.travelCount)}, ${report.yearFigures.travelP90 ?? '—'} s; ${int(report.yearFigures.flaggedRows)}${report.isComplete ? '' : ' — **the report did not count every row loaded**'}`,
      ],
      [`Replay: calls / log rows / events of \`planReplay\` / commands sent`, `${int(replay.calls)} / ${int(replay.rows)} / ${int(replay.events)} / ${int(replay.commandsSent)} (${f1(replay.replayedDays)} days of replayed time)`],
      ['Replay: rows refused by the reader + commands refused by the server (must be 0)', `${int(replay.refused)}${refusals}`],
      ['**Replay end to end (sign-ins, fleet, every event, the wait for the archive, the report)**', `**${f1(replay.ms / 1000)} s: ${f1(replay.rowsPerSecond)} log rows/s**, ${f1(replay.eventsPerSecond)} events/s`],
      ['Replay: the wait for the archive after the last event (part of the above)', replay.archiveWaitMs === null ? 'not seen' : `${seconds3(replay.archiveWaitMs)} s`],
      ['Replay: incidents in the report of the replayed range / calls', `${replay.reportIncidents === null ? 'no report' : int(replay.reportIncidents)} / ${int(replay.calls)}`],
    ],
  );
}

/** The year report against its goal, with what the investigation found (a one-off, recorded with benchmark 7). */
function archiveNote(a: ArchiveBenchResult): string {
  const { year, offset } = a.report;
  const verdict = year.latency.p99 < 500 ? 'meets' : 'misses';
  return `On the year-report goal: \`intervalReport\` over ${int(a.report.load.incidents)} incidents and ${int(a.report.load.unitResponses)} unit responses took
${f3(year.latency.p50)} ms (p50), ${f3(year.latency.p99)} ms (p99): it **${verdict}** the 500 ms goal; over 300 days starting mid-month at
07:00 (parts of months and days at both ends) ${f3(offset.latency.p50)} ms (p50), ${f3(offset.latency.p99)} ms (p99). How it got there, measured
while writing benchmark 7 on this machine with other work on it (single runs, so rough): the first form sorted the
~1.9 million measurements of a year for every grouping and copied each incident's document into a CTE (12–17 s);
counting per whole second by hashing, each table read once (\`RP2b\`, 3.9–4.3 s); then measurements stored as incidents
are archived, with per-second counts per month (\`RP2c\`, migration 003: about 1.05–1.3 s, of which hashing the ~900,000
per-second rows of a year was most); then (\`RP2d\`, migration 004) 16-second bins per month and per day, read to find the
bin holding each percentile (~105,000 rows for a year, ~40 ms), with whole seconds read only inside those bins (400
index-only reads of \`measurement_counts\`, keyed by group and second first so each is one stretch of the index) and
from the measurements of the days outside whole months. On a fixed year loaded once, each step giving the same report to
the last field: calendar year 1.2 s → 0.31 s, 300 days from mid-February 1.5 s → 0.45 s, 30 days 0.68 s (sorted) → 0.27 s.
Two planner settings for the roll-up's transaction: JIT off (compiling the plan cost more than running it) and
\`enable_sort\` off (PostgreSQL cannot foresee how few groups the bins' seconds make and sorted ~200,000 rows to count them;
hashed, 0.3 s less). Ranges of two days or less still sort the source rows (a day: 30 ms against 45 ms).`;
}

export function archiveMethod(a: ArchiveBenchResult): string {
  const o = a.options;
  return `- **The record:** each part starts its own \`redis-server\` and its own PostgreSQL (\`startEmbeddedPostgres\` in a fresh
  temporary folder, with the production settings: \`fsync\` and \`synchronous_commit\` on), and \`createCadServer\` with the
  Johannesburg city pack, its demo users and \`databaseUrl\` (the archive's migrations applied at start, its archiver
  running), in the benchmark's process; the rate limits are raised as in benchmark 5. **Burst:** ${o.burst.callTakers} call-taker consoles
  (socket.io-client, signed in over HTTP) send \`incident:create\` in turn at ${o.burst.ratePerSecond}/s for ${o.burst.durationSeconds} s, scheduled by absolute time;
  \`archiver.lag()\` (what \`/api/health\` answers) is read every ${o.burst.sampleMs} ms, with the age of the oldest unconfirmed journal entry
  read from its stamp; the lag figures are over the reads from the first send to the last acknowledgement. After the last
  acknowledgement the lag is read every 20 ms until it is 0; then \`journal\` in PostgreSQL is counted (rows, distinct
  versions, lowest and highest) against the live head version. **Year:** ${int(o.year.incidents)} incidents over ${o.year.days} days of 2025
  (an evening peak, the city's mix of types and their response plans, units of the city's fleet sent only when free,
  stamps with long tails, 4 % cancelled before a dispatch, and a few percent of faults: a missing en route, stamps out of
  order, a unit on scene never dispatched, a call start after the entry), each row made by the archive's own
  \`responseRecord\` from a whole incident document and inserted with multi-row \`INSERT … SELECT FROM unnest(…)\`, 2,000
  incidents a transaction, then \`VACUUM ANALYZE\`. \`intervalReport(pool, range, 'Africa/Johannesburg', now, 0)\` is timed
  ${o.year.runs} times after ${o.year.warmup} warm-up run${o.year.warmup === 1 ? '' : 's'} for the whole range, 300 days from 15 February 07:00 (parts of months and days at both ends), 30 days and one day from mid-year; \`utilisationReport\` for the whole
  range with the live fleet. **Replay:** the replay test's call-log generator (\`test/replay/buildCallLog.ts\`) makes
  ${int(o.replay.calls)} calls over Johannesburg with a fleet of 36 units (diverts, re-dispatches and flagged rows included), read with
  \`readCallLog\` and replayed by \`runReplay\` (HTTP sign-in, Socket.IO commands, as fast as the server answers) against a
  server on a replay clock; the time runs from the call to \`runReplay\` to its return, which includes waiting for the
  archive to confirm every change and reading \`report:intervals\` for the replayed range.`;
}

function archiveRecords(run: BenchRun): (BenchRecord | FigureRecord)[] {
  const { burst, report, replay, options } = run.archive;
  const { date, machine } = run;
  const row = (name: string, unit: string, latency: Summary, throughput: number | null): BenchRecord => ({ name, unit, p50: r3(latency.p50), p99: r3(latency.p99), throughput, peer: null, date, machine });
  const year = `${report.load.incidents} incidents, ${report.load.unitResponses} unit responses`;
  const rate = `${options.burst.ratePerSecond}/s for ${options.burst.durationSeconds} s`;
  return [
    row(`archive lag during a burst of incident:create at ${rate}: journal entries not yet in PostgreSQL`, 'entries', burst.lagEntries, null),
    row(`archive lag during a burst of incident:create at ${rate}: age of the oldest unarchived entry`, 'ms', burst.lagMs, null),
    ...(burst.recoveryMs === null ? [] : [{ name: `archive lag back to 0 after a burst of ${rate} (last acknowledgement → lag 0)`, unit: 'ms', value: r3(burst.recoveryMs), date, machine }]),
    row(`intervalReport over one year (${year}), PostgreSQL fsync on`, 'ms', report.year.latency, null),
    row(`intervalReport over 300 days from 15 February 07:00 (${report.offset.incidents} incidents) of the same year`, 'ms', report.offset.latency, null),
    row(`intervalReport over 30 days (${report.month.incidents} incidents) of the same year`, 'ms', report.month.latency, null),
    row(`intervalReport over one day (${report.day.incidents} incidents) of the same year`, 'ms', report.day.latency, null),
    row(`utilisationReport over one year (${year})`, 'ms', report.utilisation.latency, null),
    { name: `replay of ${replay.calls} calls (${replay.rows} log rows) through runReplay, end to end with the wait for the archive`, unit: 'rows/s', value: r3(replay.rowsPerSecond), date, machine },
  ];
}
