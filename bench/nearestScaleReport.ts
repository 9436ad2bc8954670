import { queryTailText } from './queryTail.ts';
import { settledText } from './load/settleMachine.ts';
import { SEARCH_RADII_METERS } from '../server/dispatch/findNearby.ts';
import type { GoalCheck } from './goals.ts';
import type { NearestResult } from './nearestAvailable.bench.ts';
import { f1, f3, int, table } from './markdown.ts';



/** The nearest-unit goals for a run of any size, the size named in each. */
export function nearestGoals(n: NearestResult): GoalCheck[] {
  const at = `${int(n.options.units)} units`;
  return [
    { goal: `nearest available unit, ${at}: p99 < 1 ms (loopback round trip included)`, measured: `${f3(n.ours.p99)} ms (p50 ${f3(n.ours.p50)} ms; Redis's own time per GEOSEARCH ${f3(n.geosearch.usecPerCall / 1000)} ms)`, met: n.ours.p99 < 1 },
    { goal: `nearest available unit, ${at}: ≥ 100× the Turf scan (p50 / p50)`, measured: `${f1(n.p50Ratio)}× (${f3(n.turf.p50)} / ${f3(n.ours.p50)} ms)`, met: n.p50Ratio >= 100 },
    { goal: `nearest available unit, ${at}: ≥ 100× the Turf scan (p99 / p99)`, measured: `${f1(n.p99Ratio)}× (${f3(n.turf.p99)} / ${f3(n.ours.p99)} ms)`, met: n.p99Ratio >= 100 },
    ...(n.batchedCheck ? [{ goal: `nearest ${at}: the batched seeding writes what \`seedUnits\` writes`, measured: `${n.batchedCheck.differences} of ${n.batchedCheck.units} units differ`, met: n.batchedCheck.differences === 0 }] : []),
  ];
}

/** What matters at scale: seeding, memory on both sides, the density a GEOSEARCH walks. */
export function nearestScaleFacts(n: NearestResult): string {
  const seeding =
    n.seeding === 'batched'
      ? `batched: one write of RESP a chunk of ${int(n.options.chunkSize ?? 10_000)} (HSET per unit, multi-member SADD and GEOADD), two chunks in flight, AOF off while seeding`
      : '`seedUnits` (one `seedUnit` script call a unit, 500 in flight), AOF `appendfsync always`';
  return table(
    ['', ''],
    [
      ['Seeding', seeding],
      ['Seeding time / rate', `${f1(n.seedMs / 1000)} s / ${int(n.seedUnitsPerSecond)} units/s`],
      ['CPU while seeding: redis-server / this process', `${f1(n.seedCpuMs.redis / 1000)} s / ${f1(n.seedCpuMs.node / 1000)} s (the rest of the wall time: waiting for fsync or a CPU)`],
      ...(n.aofRewriteMs === null ? [] : [['AOF turned back on after seeding (rewrite of the whole store)', `${f1(n.aofRewriteMs / 1000)} s`]]),
      ['Before the timed queries (the seeding\'s writes flushed)', settledText(n.settledBeforeQueries)],
      ...(n.batchedCheck ? [['Batched seeding checked against `seedUnits` (hash, id set, both geo sets read back)', `${n.batchedCheck.differences} of ${n.batchedCheck.units} units differ`]] : []),
      ['Units in the store (`SCARD` of the fleet set)', int(n.storedUnits)],
      ['Redis `used_memory` / redis-server RSS / AOF on disk', `${n.redisMemory} / ${n.redisRssMiB === null ? '—' : `${f1(n.redisRssMiB)} MiB`} / ${f1(n.redisAofMiB)} MiB`],
      [`Units of the queried kind inside the first search radius (${SEARCH_RADII_METERS[0]} m), mean`, f1(n.firstRadiusMembers)],
      ['Redis\'s own time per GEOSEARCH (`INFO commandstats`) / calls per query', `${f3(n.geosearch.usecPerCall / 1000)} ms / ${n.geosearch.perQuery.toFixed(2)}`],
      ['The timed queries\' tail', n.tail ? queryTailText(n.tail, n.options.queries) : 'not watched'],
      ['Turf collections built (once, from the kept positions)', `${f1(n.turfBuildMs)} ms`],
      ['Benchmark process: RSS at the end / peak / V8 heap used with the Turf collections', `${f1(n.nodeRssMiB)} / ${f1(n.nodeRssPeakMiB)} / ${f1(n.heapUsedMiB)} MiB`],
    ],
  );
}

/** A single GEOSEARCH at each probed first radius: what a smaller first radius would cost (a diagnostic, not the server's path). */
export function nearestRadiusTable(n: NearestResult): string {
  return table(
    ['First radius (m)', 'p50 (ms)', 'p99 (ms)', 'Redis time per call (ms)', `points where it alone held ${n.options.wanted}`],
    n.radiusProbes.map((p) => [int(p.radiusMeters), f3(p.latency.p50), f3(p.latency.p99), f3(p.redisUsecPerCall / 1000), `${int(p.enough)} / ${int(p.points)}`]),
  );
}
