import { resolve } from 'node:path';
import { syntheticUnits } from './syntheticUnits.ts';
import { performance } from 'node:perf_hooks';
import { MAX_UNITS_PER_ASSIGN, type Recommendation } from '../shared/dispatch/dispatchSchema.ts';
import type { LngLat } from '../shared/geo/position.ts';
import { INCIDENT_TYPE_IDS } from '../shared/incidents/incidentTypes.ts';
import type { Incident, IncidentCreatePayload } from '../shared/incidents/incidentSchema.ts';
import { nearestAvailable } from '../server/dispatch/recommendUnits.ts';
import type { CadContext } from '../server/app/cadContext.ts';
import { createCadServer } from '../server/app/createCadServer.ts';
import { loadCityPack } from '../server/city/loadCityPack.ts';
import { runCommand } from '../server/commands/runCommand.ts';
import { BENCH_RATE_LIMITS } from './benchServer.ts';
import type { CommandCaller } from '../server/commands/commandCaller.ts';
import type { RoadGraph } from '../server/routing/graph/RoadGraph.ts';
import { seedUnits } from '../server/units/seedFleet.ts';
import { processRssMiB, redisUsedMemory, startBenchRedis } from './benchRedis.ts';
import { seededRandom } from './random.ts';
import { summarize, type Summary } from './stats.ts';
import { nodeForKey } from '../server/redis/nodeForKey.ts';

export const ANDORRA_PACK = resolve(import.meta.dirname, '../fixtures/andorra');

export interface RecommendOptions {
  units: number;
  incidents: number;
  recommendations: number;
  warmup: number;
  /** Minor (Alpha) jobs created first, each with `unitsPerJob` units committed: the divert candidates. [DV3] */
  jobs: number;
  unitsPerJob: number;
  /** Incidents around which the nearest `busyUnitsPerKind` units of each needed kind are put on a minor job. [DV3] */
  busyAreas: number;
  busyUnitsPerKind: number;
}

export interface RecommendResult {
  options: RecommendOptions;
  /** Units in the store: the synthetic ones plus the pack's own demo fleet. */
  unitsInStore: number;
  seedMs: number;
  /** Incidents created through the command path / refused. */
  incidentsCreated: number;
  incidentsRefused: number;
  latency: Summary;
  throughput: number;
  /** Answers that were ok and ranked on the road network. */
  roadNetwork: number;
  /** Answers ranked some other way (e.g. straight_line), or refused. */
  otherRanking: number;
  refused: number;
  /** The first refusal or other ranking seen, for the report. */
  firstProblem: string | null;
  /** Candidates proposed per recommendation (all kinds), mean. */
  meanCandidates: number;
  /** Units committed to minor jobs (dispatched, so divertable) while the recommendations ran. [DV3] */
  committedUnits: number;
  /** Recommendations with at least one divert candidate, and divert candidates offered in all. */
  withDivertOffers: number;
  divertOffers: number;
  /** [DS7] A second desk asking for the same incident at the same state version: the shared answer read back. */
  shared: { latency: Summary; throughput: number };
  /** The same recommendations with the router taken out of the context (straight-line ranking), for scale. */
  straightLine: { latency: Summary; throughput: number; ranking: string };
  redisMemory: string;
  processRssMiB: number;
}

/** An in-process caller: the benchmark measures the command, not the sign-in, so it builds the verified session itself. */
const callerAs = (role: 'call_taker' | 'dispatcher', username: string): CommandCaller => ({
  session: { userId: `u-${username}`, username, displayName: username, role, sessionId: `s-${username}`, signedInAt: 0, expiresAt: Number.MAX_SAFE_INTEGER, ...(role === 'dispatcher' ? { desk: 'combined' as const } : {}) },
  transport: 'http',
  clientKey: 'bench',
});

function randomNode(graph: RoadGraph, random: () => number): LngLat {
  const v = Math.floor(random() * graph.nodeCount);
  return [graph.lng[v] ?? 0, graph.lat[v] ?? 0];
}

type Timed = { samples: number[]; elapsedMs: number; answers: Recommendation[]; refused: string[] };

/**
 * Times `dispatch:recommend` round-robin over the incidents. `cold`: the shared answer of the current state version
 * is deleted before each call (outside the timing), so every call computes the recommendation in full [DS7];
 * otherwise the calls read the answer a first (untimed) call stored, as a second desk would.
 */
async function timeRecommendations(ctx: CadContext, incidentIds: readonly string[], count: number, warmup: number, cold = true): Promise<Timed> {
  const dispatcher = callerAs('dispatcher', 'bench-dispatcher');
  const version = (await ctx.redis.get(ctx.keys.version)) ?? '0';
  const recommend = async (incidentId: string | undefined) => {
    if (incidentId && cold) await ctx.redis.del(ctx.keys.recommendation(incidentId, version));
    return runCommand(ctx, 'dispatch:recommend', dispatcher, { incidentId });
  };
  for (let i = 0; i < warmup; i += 1) await recommend(incidentIds[i % incidentIds.length]);
  const samples: number[] = [];
  const answers: Recommendation[] = [];
  const refused: string[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const incidentId = incidentIds[i % incidentIds.length];
    if (incidentId && cold) await ctx.redis.del(ctx.keys.recommendation(incidentId, version));
    const t0 = performance.now();
    const { result } = await runCommand(ctx, 'dispatch:recommend', dispatcher, { incidentId });
    samples.push(performance.now() - t0);
    if (result.ok) answers.push(result.data);
    else refused.push(`${result.error.code}: ${result.error.message}`);
  }
  return { samples, elapsedMs: performance.now() - start, answers, refused };
}

/**
 * [Bench 4] The full recommendation (`dispatch:recommend` through the command path: parse, policy, Redis
 * GEOSEARCH of the candidates, unit records, road-network ETAs, ranking) with `units` synthetic units at random
 * nodes of Andorra's road graph and `incidents` incidents at random nodes, created through `incident:create`.
 */
export async function benchRecommendRouted(options: RecommendOptions): Promise<RecommendResult> {
  const redisServer = await startBenchRedis();
  const pack = loadCityPack(ANDORRA_PACK);
  // Recommendations are sent back to back by one dispatcher: the rate limit is counted, its ceiling raised.
  const server = await createCadServer({
    redisUrl: redisServer.url,
    city: pack.city,
    roadGraphFile: pack.roadGraphFile,
    keyTag: 'bench',
    port: 0,
    settings: { rateLimits: BENCH_RATE_LIMITS },
  });
  try {
    const { ctx } = server;
    const router = ctx.city.router;
    if (router === null) throw new Error(`the Andorra city pack (${ANDORRA_PACK}) loaded without a road network`);
    const random = seededRandom(10_000_003);
    const now = ctx.now();
    const units = syntheticUnits(options.units, () => randomNode(router.graph, random), now);
    const seedStart = performance.now();
    const added = await seedUnits(ctx.redis, ctx.keys, units);
    const seedMs = performance.now() - seedStart;
    if (added !== units.length) throw new Error(`seeded ${added} of ${units.length} units`);
    // The kind cache (if any) may have been filled before the synthetic units existed: it reads them lazily.
    const unitsInStore = await ctx.redis.scard(ctx.keys.unitIds);

    const callTaker = callerAs('call_taker', 'bench-call-taker');
    // [DV3] Minor jobs with units on their way, so that every recommendation also looks for units to divert.
    const dispatcher = callerAs('dispatcher', 'bench-dispatcher');
    const free = units.map((unit) => unit.id);
    let committedUnits = 0;
    const runId = Date.now().toString(36);
    let jobCount = 0;
    /** A minor (Alpha) job at `location` with `unitIds` committed to it: they stay dispatched, divertable. */
    const commitToMinorJob = async (location: LngLat, unitIds: string[]): Promise<void> => {
      const tag = String(jobCount++).padStart(4, '0');
      const job: IncidentCreatePayload = {
        commandId: `bench-${runId}-job-${tag}`, type: 'injured_person', answers: { minor_only: 'yes' }, location,
        locationNotes: 'benchmark', callerName: 'Bench Caller', callbackNumber: '+376 555 015', notes: 'minor synthetic job',
      };
      const created = await runCommand(ctx, 'incident:create', callTaker, job);
      if (!created.result.ok) throw new Error(`a minor job was refused: ${created.result.error.message}`);
      const assigned = await runCommand(ctx, 'dispatch:assign', dispatcher, { commandId: `bench-${runId}-assign-${tag}`, incidentId: created.result.data.id, unitIds });
      if (!assigned.result.ok) throw new Error(`a minor job's units were refused: ${assigned.result.error.message}`);
      committedUnits += unitIds.length;
    };
    for (let j = 0; j < options.jobs; j += 1) {
      await commitToMinorJob(randomNode(router.graph, random), free.splice(Math.floor(random() * (free.length - options.unitsPerJob)), options.unitsPerJob));
    }
    const types = INCIDENT_TYPE_IDS;
    const incidentIds: string[] = [];
    const created: Incident[] = [];
    let incidentsRefused = 0;
    for (let i = 0; i < options.incidents; i += 1) {
      const payload: IncidentCreatePayload = {
        commandId: `bench-${runId}-${String(i).padStart(4, '0')}`,
        type: types[i % types.length] ?? 'medical_emergency',
        location: randomNode(router.graph, random),
        locationNotes: 'benchmark',
        callerName: 'Bench Caller',
        callbackNumber: '+376 555 014',
        notes: 'synthetic incident',
      };
      const { result } = await runCommand(ctx, 'incident:create', callTaker, payload);
      if (result.ok) {
        incidentIds.push(result.data.id);
        created.push(result.data);
      } else incidentsRefused += 1;
    }
    if (incidentIds.length === 0) throw new Error(`no incident could be created (${incidentsRefused} refused)`);
    // [DV3] Busy neighbourhoods: around the first incidents, the nearest units of every kind their plan needs are
    // already on a minor job there, so the nearest free ones are far and a divert is worth offering.
    for (const incident of created.slice(0, options.busyAreas)) {
      for (const line of incident.plan) {
        const nearest = await nearestAvailable(ctx.redis, ctx.keys.availableUnits(line.kind), incident.location, options.busyUnitsPerKind);
        // One assignment takes at most MAX_UNITS_PER_ASSIGN units: a busy neighbourhood is several minor jobs.
        for (let i = 0; i < nearest.length; i += MAX_UNITS_PER_ASSIGN) {
          await commitToMinorJob(incident.location, nearest.slice(i, i + MAX_UNITS_PER_ASSIGN).map((hit) => hit.id));
        }
      }
    }

    const routed = await timeRecommendations(ctx, incidentIds, options.recommendations, options.warmup);
    const roadNetwork = routed.answers.filter((answer) => answer.ranking === 'road_network').length;
    const other = routed.answers.find((answer) => answer.ranking !== 'road_network');
    const candidates = routed.answers.reduce((sum, answer) => sum + answer.byKind.reduce((n, kind) => n + kind.candidates.length, 0), 0);
    const offersOf = (answer: Recommendation): number => answer.byKind.reduce((n, kind) => n + kind.divertCandidates.length, 0);
    const shared = await timeRecommendations(ctx, incidentIds, options.recommendations, Math.min(options.warmup, incidentIds.length), false);

    // For scale: the same work with the router taken out of the context (straight-line estimates).
    const plainCtx: CadContext = { ...ctx, city: { ...ctx.city, router: null } };
    const plain = await timeRecommendations(plainCtx, incidentIds, options.recommendations, options.warmup);

    return {
      options,
      unitsInStore,
      seedMs,
      incidentsCreated: incidentIds.length,
      incidentsRefused,
      latency: summarize(routed.samples),
      throughput: (routed.samples.length / routed.elapsedMs) * 1000,
      roadNetwork,
      otherRanking: routed.answers.length - roadNetwork + routed.refused.length,
      refused: routed.refused.length,
      firstProblem: routed.refused[0] ?? (other ? `ranking '${other.ranking}' for ${other.incidentId}` : null),
      meanCandidates: routed.answers.length ? candidates / routed.answers.length : 0,
      committedUnits,
      withDivertOffers: routed.answers.filter((answer) => offersOf(answer) > 0).length,
      divertOffers: routed.answers.reduce((sum, answer) => sum + offersOf(answer), 0),
      shared: { latency: summarize(shared.samples), throughput: (shared.samples.length / shared.elapsedMs) * 1000 },
      straightLine: {
        latency: summarize(plain.samples),
        throughput: (plain.samples.length / plain.elapsedMs) * 1000,
        ranking: [...new Set(plain.answers.map((answer) => answer.ranking))].join(', ') || 'none',
      },
      redisMemory: await redisUsedMemory(nodeForKey(ctx.redis, ctx.keys.version)),
      processRssMiB: processRssMiB(),
    };
  } finally {
    await server.close();
    await redisServer.cleanup();
  }
}
