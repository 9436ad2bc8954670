import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchArchive, type ArchiveBenchResult } from './archive.bench.ts';
import { benchAuditGrowth } from './auditGrowth.bench.ts';
import { CITY_SCALE_NUMBERS, cityScaleGoals, runCityScale } from './cityScale.ts';
import { archiveGoals, checkGoals } from './goals.ts';
import { benchIncidentBroadcast } from './incidentBroadcast.bench.ts';
import { describeMachine } from './machine.ts';
import { benchNearestAvailable } from './nearestAvailable.bench.ts';
import { benchRecommendRouted } from './recommendRouted.bench.ts';
import {
  archiveFacts,
  archiveLagTable,
  archiveTable,
  auditFacts,
  auditProjection,
  auditTable,
  broadcastFacts,
  broadcastTable,
  goalsTable,
  nearestFacts,
  nearestTable,
  recommendFacts,
  recommendTable,
  routeFacts,
  routeTable,
  ticketFacts,
  ticketTable,
  writeDocs,
  type BenchRun,
} from './report.ts';
import { benchRouteQuery } from './routing/routeQuery.bench.ts';
import { benchTickets } from './tickets.bench.ts';

const ROOT = resolve(import.meta.dirname, '..');
const quick = process.env.BENCH_QUICK === '1';
/** `BENCH_ONLY=7` (or `=9,12`…, from 7 on): only those benchmarks, printed; the docs are written by a full run only. */
const only = process.env.BENCH_ONLY;
const ONLY_ALONE = new Set([7, ...CITY_SCALE_NUMBERS]);

const load1 = (): number => loadavg()[0] ?? Number.NaN;

async function runArchive(): Promise<{ archive: ArchiveBenchResult; beforeArchive: number }> {
  const beforeArchive = load1();
  console.log(`7. The record: archive lag, the intervals report over a year, the replay… (load average ${beforeArchive.toFixed(1)})`);
  const archive = await benchArchive(
    quick
      ? { burst: { ratePerSecond: 50, durationSeconds: 5, callTakers: 5, sampleMs: 250 }, year: { incidents: 20_000, days: 365, runs: 5, warmup: 1 }, replay: { calls: 200 } }
      : { burst: { ratePerSecond: 50, durationSeconds: 60, callTakers: 5, sampleMs: 250 }, year: { incidents: 350_000, days: 365, runs: 20, warmup: 2 }, replay: { calls: 2_000 } },
    (line) => console.log(line),
  );
  console.log(`${archiveTable(archive)}\n\n${archiveLagTable(archive)}\n\n${archiveFacts(archive)}\n`);
  if (!archive.burst.isExactlyOnce) console.log('ARCHIVE MISMATCH: PostgreSQL does not hold every journal version exactly once\n');
  if (archive.replay.refused > 0) console.log(`REPLAY REFUSED: ${archive.replay.refused} rows or commands (${archive.replay.refusalExamples.join('; ')})\n`);
  return { archive, beforeArchive };
}

async function main(): Promise<void> {
  const machine = describeMachine();
  console.log(`Benchmarks${quick ? ' (BENCH_QUICK: smoke run, docs not written)' : ''}${only ? ` (BENCH_ONLY=${only}: docs not written)` : ''}`);
  console.log(`Machine: ${machine.nproc} CPUs, ${machine.cpu}, ${machine.ramGiB} GiB RAM, Node ${machine.node}, Redis ${machine.redis}\n`);
  if (only !== undefined) {
    const numbers = new Set(only.split(',').map((part) => Number(part.trim())));
    const refused = [...numbers].filter((n) => !ONLY_ALONE.has(n));
    if (refused.length > 0) throw new Error(`BENCH_ONLY=${only}: benchmarks ${[...ONLY_ALONE].join(', ')} run alone, not ${refused.join(', ')}`);
    if (numbers.has(7)) {
      const { archive } = await runArchive();
      console.log(`Goals of benchmark 7\n${goalsTable(archiveGoals(archive))}\n`);
    }
    const scale = await runCityScale(quick, (line) => console.log(line), numbers);
    if (scale.length > 0) console.log(`Goals\n${goalsTable(cityScaleGoals(scale))}\n`);
    return;
  }
  const beforeNearest = load1();
  console.log(`1. Nearest available unit of a kind… (load average ${beforeNearest.toFixed(1)})`);
  const nearest = await benchNearestAvailable(quick ? { units: 1_000, queries: 200, wanted: 5, warmup: 20 } : { units: 10_000, queries: 2_000, wanted: 5, warmup: 100 });
  console.log(`${nearestTable(nearest)}\n\n${nearestFacts(nearest)}\n`);

  const beforeBroadcast = load1();
  console.log(`2. Incident create → broadcast received… (load average ${beforeBroadcast.toFixed(1)})`);
  const broadcast = await benchIncidentBroadcast({ ratePerSecond: 50, durationSeconds: quick ? 3 : 30, dispatchers: 5, drainMs: 10_000 });
  console.log(`${broadcastTable(broadcast)}\n\n${broadcastFacts(broadcast)}\n`);
  if (broadcast.lost > 0) console.log(`LOST: ${broadcast.lost} (incident, console) deliveries never arrived`);

  const beforeRoute = load1();
  console.log(`3. Route query on the Andorra graph, beside pgRouting… (load average ${beforeRoute.toFixed(1)})`);
  const route = await benchRouteQuery(
    quick ? { pairs: 300, warmup: 50, pgPairs: 30, pgWarmup: 5, loadRuns: 2, seed: 2024 } : { pairs: 2_000, warmup: 200, pgPairs: 300, pgWarmup: 20, loadRuns: 5, seed: 2024 },
  );
  console.log(`${routeTable(route)}\n\n${routeFacts(route)}\n`);
  if (route.pg.status === 'skipped') console.log(`pgRouting SKIPPED: ${route.pg.reason}\n`);
  else if (route.pg.mismatches.length > 0) console.log(`MISMATCH: ${route.pg.mismatches.length} pairs differ from pgRouting\n`);

  const beforeRecommend = load1();
  console.log(`4. Full recommendation with road-network ETAs… (load average ${beforeRecommend.toFixed(1)})`);
  const recommend = await benchRecommendRouted(
    quick ? { units: 1_000, incidents: 20, recommendations: 100, warmup: 10, jobs: 30, unitsPerJob: 5, busyAreas: 5, busyUnitsPerKind: 10 } : { units: 10_000, incidents: 50, recommendations: 1_000, warmup: 50, jobs: 600, unitsPerJob: 5, busyAreas: 15, busyUnitsPerKind: 40 },
  );
  console.log(`${recommendTable(recommend)}\n\n${recommendFacts(recommend)}\n`);
  if (recommend.otherRanking > 0) console.log(`NOT ROUTED: ${recommend.otherRanking} answers were not ranked on the road network (${recommend.firstProblem ?? ''})\n`);

  const beforeAudit = load1();
  console.log(`5. Audit record growth and the command path… (load average ${beforeAudit.toFixed(1)})`);
  const audit = await benchAuditGrowth(
    quick
      ? { incidents: 100, warmupIncidents: 10, inFlight: 20, callTakers: 8, dispatchers: 4, sessionResolves: 500, passwordChecks: 5, probes: 200 }
      : { incidents: 2_000, warmupIncidents: 50, inFlight: 20, callTakers: 8, dispatchers: 4, sessionResolves: 2_000, passwordChecks: 20, probes: 1_000 },
  );
  console.log(`${auditTable(audit)}\n\n${auditProjection(audit)}\n\n${auditFacts(audit)}\n`);
  if (audit.auditEntries !== audit.shift.auditedExpected) console.log(`AUDIT MISMATCH: ${audit.auditEntries} entries appended, ${audit.shift.auditedExpected} expected\n`);
  if (audit.aof.isRewritten) console.log('AOF REWRITTEN during benchmark 5: the on-disk figures miss what went into the new base\n');

  const beforeTickets = load1();
  console.log(`6. Care Connect: ticket creation and Open311 GET requests… (load average ${beforeTickets.toFixed(1)})`);
  const tickets = await benchTickets(
    quick
      ? { tickets: 10_000, inFlight: 64, creates: 200, createWarmup: 20, queries: 100, queryWarmup: 10 }
      : { tickets: 100_000, inFlight: 64, creates: 2_000, createWarmup: 100, queries: 1_000, queryWarmup: 50 },
  );
  console.log(`${ticketTable(tickets)}\n\n${ticketFacts(tickets)}\n`);
  if (tickets.seed.refused > 0) console.log(`SEEDING REFUSED: ${tickets.seed.refused} tickets\n`);

  const { archive, beforeArchive } = await runArchive();

  console.log('The city-scale set (load from a process of its own, the server in another)…');
  const scale = await runCityScale(quick, (line) => console.log(line));

  const run: BenchRun = {
    date: new Date().toISOString(),
    machine,
    nearest,
    broadcast,
    route,
    recommend,
    audit,
    tickets,
    archive,
    scale,
    goals: [...checkGoals({ nearest, broadcast, route, recommend, audit, tickets, archive }), ...cityScaleGoals(scale)],
    load: { beforeNearest, beforeBroadcast, beforeRoute, beforeRecommend, beforeAudit, beforeTickets, beforeArchive, end: load1() },
  };
  console.log(`Goals\n${goalsTable(run.goals)}\n`);
  if (!quick) {
    writeDocs(run, resolve(ROOT, 'docs/benchmarks.md'), resolve(ROOT, 'docs/benchmarks.json'));
    console.log('Wrote docs/benchmarks.md and docs/benchmarks.json');
  } else {
    // The smoke run checks the writer too, away from the docs.
    const dir = mkdtempSync(join(tmpdir(), 'cad-bench-quick-'));
    writeDocs(run, join(dir, 'benchmarks.md'), join(dir, 'benchmarks.json'));
    console.log(`Smoke run: wrote ${dir}/benchmarks.md and benchmarks.json (not the docs)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
