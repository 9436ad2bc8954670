import type { RedisClient } from '../redis/redisClient.ts';
import { RecommendationSchema, type DivertCandidate, type KindRecommendation, type PassedOver, type Recommendation, type RecommendInput } from '../../shared/dispatch/dispatchSchema.ts';
import { DIVERT_CANDIDATES_PER_KIND, isDivertableStatus, isMoreUrgent, isWorthDiverting } from '../../shared/dispatch/divertSchema.ts';
import { DEFAULT_RANKING, formatAge, rankCandidates, type DriveEstimate, type NearbyUnit, type RankingOptions } from '../../shared/dispatch/rankCandidates.ts';
import { incidentType } from '../../shared/incidents/incidentTypes.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import { UNIT_STATUS_LABELS } from '../../shared/units/unitStatus.ts';
import type { Router } from '../routing/router/createRouter.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { activeAssignments } from '../../shared/incidents/incidentLifecycle.ts';
import { UNIT_KIND_AGENCY, UNIT_KIND_LABELS, type UnitKind } from '../../shared/units/unitKinds.ts';
import type { Actor } from '../../shared/auth/roles.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { readUnits } from '../units/readUnits.ts';
import { parseGeoHits, SEARCH_RADII_METERS, type GeoHit } from './findNearby.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { withCoverageCosts } from '../coverage/withCoverageCosts.ts';

/** Candidates shown per kind beyond the number still needed. */
const EXTRA_CANDIDATES = 4;
/** Candidates routed per kind beyond the number still needed, when ranking by drive time. */
const ROUTED_EXTRA_CANDIDATES = 10;
/** Nearby units of any status examined to explain who was passed over and who could be diverted. */
const NEARBY_SCAN = 60;
/** The scan for passed-over units looks no further than this, and at least this far. */
const MAX_PASSED_OVER_RADIUS = 10_000;
const MIN_PASSED_OVER_RADIUS = 200;

/**
 * Available units of `kind` nearest `at`, widening the radius until `wanted` are found: one script, one round trip.
 * The answer is the same whatever the radii: the `wanted` nearest, or all there are within the last radius.
 */
export async function nearestAvailable(redis: RedisClient, key: string, at: LngLat, wanted: number): Promise<GeoHit[]> {
  return parseGeoHits(await SCRIPTS.nearestAvailable.run(redis, [key], [at[0], at[1], wanted, ...SEARCH_RADII_METERS]));
}

/** [DS7] How long one computed recommendation is shared by every desk while the state does not change. */
export const RECOMMENDATION_REUSE_MS = 10_000;

/**
 * [DS1][DS7] The recommendation for an incident as a desk sees it. One recommendation per incident and state
 * version is computed for the whole plan and shared through Redis by every desk and every server instance (the
 * first to compute it stores it; a later one at the same version reads it), and a desk is shown only its own
 * kinds of it: two desks never see different units ranked for the same need.
 */
export async function recommendUnits(ctx: CadContext, input: RecommendInput, actor: Actor): Promise<CommandOutcome<Recommendation>> {
  const version = (await ctx.redis.get(ctx.keys.version)) ?? '0';
  const key = ctx.keys.recommendation(input.incidentId, version);
  const now = ctx.now();
  let shared = parseShared(await ctx.redis.get(key), input.incidentId, now);
  if (!shared) {
    const computed = await computeRecommendation(ctx, input.incidentId);
    if (!computed.result.ok) return computed;
    shared = computed.result.data;
    const isFirst = await ctx.redis.set(key, JSON.stringify(shared), 'PX', RECOMMENDATION_REUSE_MS, 'NX');
    // Another desk computed it at the same moment: everyone shows the one stored first.
    if (isFirst !== 'OK') shared = parseShared(await ctx.redis.get(key), input.incidentId, now) ?? shared;
  }
  return { result: ok(forDesk(shared, actor)) };
}

/** A stored recommendation still fit to show at `now` (one from a clock that has since moved on is not). */
function parseShared(stored: string | null, incidentId: string, now: number): Recommendation | null {
  if (stored === null) return null;
  const parsed = RecommendationSchema.safeParse(JSON.parse(stored));
  if (!parsed.success || parsed.data.incidentId !== incidentId) return null;
  const age = now - parsed.data.computedAt;
  return age >= 0 && age <= RECOMMENDATION_REUSE_MS ? parsed.data : null;
}

/** [DK1] An agency desk is shown the part of the response plan its own units answer, ranked as for everyone. */
export function forDesk(recommendation: Recommendation, actor: Pick<Actor, 'agency'>): Recommendation {
  const { agency } = actor;
  if (!agency) return recommendation;
  const byKind = recommendation.byKind.filter((kind) => UNIT_KIND_AGENCY[kind.kind] === agency);
  const shown = new Set(byKind.flatMap((kind) => [...kind.candidates, ...kind.divertCandidates].map((c) => c.unitId as string)));
  return { ...recommendation, byKind, routes: recommendation.routes.filter((route) => shown.has(route.unitId)) };
}

/**
 * [DS1] For each unit kind the incident's plan still needs: the available units ranked by estimated
 * time to the scene, with why each was chosen and why nearby others were passed over. [DS3] A unit
 * committed elsewhere is never a candidate: only the available sets are searched. [DV3] A unit on its way
 * to a less urgent incident that would arrive much sooner than any free one is offered apart, as a divert.
 */
export async function computeRecommendation(ctx: CadContext, incidentId: string): Promise<CommandOutcome<Recommendation>> {
  const current = await readIncident(ctx, incidentId);
  if (!current) return refusal('incident_not_found', `no incident ${incidentId}`);
  const { incident } = current;
  // [LC7] Every unit has cleared: nothing is recommended until a dispatcher sends it back for more units.
  if (incident.status === 'awaiting_close') return refusal('incident_awaiting_close', `every unit has cleared ${incident.reference}; it awaits its close`);
  if (incident.status === 'closed') return refusal('incident_closed', `${incident.reference} is closed`);
  const now = ctx.now();
  const { router } = ctx.city;
  const ranking = { ...DEFAULT_RANKING, stalePositionSeconds: ctx.settings.stalePositionSeconds, now };
  const ranked = await Promise.all(
    incident.plan.map(async (line) => {
      const committed = activeAssignments(incident).filter((a) => a.kind === line.kind).length;
      const needed = Math.max(0, line.count - committed);
      // The nearest by straight line need not be the nearest by road: route a wider set.
      const wanted = needed + (router ? ROUTED_EXTRA_CANDIDATES : EXTRA_CANDIDATES);
      const hits = await nearestAvailable(ctx.redis, ctx.keys.availableUnits(line.kind), incident.location, wanted);
      const units = await readUnits(ctx, hits.map((hit) => hit.id));
      const nearby: NearbyUnit[] = hits.flatMap((hit, i) => {
        const unit = units[i];
        return unit ? [{ unitId: unit.id, callSign: unit.callSign, kind: unit.kind, position: hit.position, distanceMeters: hit.distanceMeters, fixAt: unit.fixAt, unansweredAt: unit.unansweredAt }] : [];
      });
      const drives = router ? drivesTo(router, nearby, incident.location) : undefined;
      const kindRanking = rankCandidates(nearby, { ...ranking, ...(drives ? { drives } : {}) });
      const best = nearby.find((unit) => unit.unitId === kindRanking.candidates[0]?.unitId);
      return { line, needed, committed, ranking: kindRanking, bestDistance: best?.distanceMeters };
    }),
  );
  // Only units nearer than a kind's best candidate can have been passed over for it (or be worth diverting),
  // so the scan of all units needs no wider radius than that: GEOSEARCH's cost grows with the units inside it.
  const scanRadius = Math.min(MAX_PASSED_OVER_RADIUS, Math.max(MIN_PASSED_OVER_RADIUS, ...ranked.map((r) => r.bestDistance ?? MAX_PASSED_OVER_RADIUS)));
  const nearbyAll = parseGeoHits(
    await ctx.redis.call('GEOSEARCH', ctx.keys.unitPositions, 'FROMLONLAT', incident.location[0], incident.location[1], 'BYRADIUS', Math.ceil(scanRadius), 'm', 'ASC', 'COUNT', NEARBY_SCAN, 'WITHDIST', 'WITHCOORD'),
  );
  const nearbyUnits = await readUnits(ctx, nearbyAll.map((hit) => hit.id));
  const diverts = await findDivertCandidates(ctx, incident, ranked, nearbyAll, nearbyUnits, ranking);
  const ranks = ranked.map(({ line, needed, committed, ranking: kindRanking, bestDistance }) => {
    const passedOver = [...kindRanking.passedOver, ...explainPassedOver(line.kind, incident, nearbyAll, nearbyUnits, bestDistance)];
    return {
      kind: line.kind, needed, committed,
      candidates: kindRanking.candidates.slice(0, needed + EXTRA_CANDIDATES),
      passedOver,
      divertCandidates: diverts.get(line.kind) ?? [],
    } satisfies KindRecommendation;
  });
  // [CV4] What sending each ambulance or engine would cost the city's coverage.
  const byKind = await withCoverageCosts(ctx, ranks);
  const routes = router ? topRoutes(router, byKind, incident.location) : [];
  return { result: ok({ incidentId: incident.id, computedAt: now, ranking: router ? 'road_network' : 'straight_line', byKind, routes }) };
}

/**
 * [DV3] For each kind still needed: units of that kind on their way (dispatched, en route) to a less urgent
 * incident, nearer than the kind's best free unit, ranked by the same function as free units, and kept only
 * when they would arrive much sooner (isWorthDiverting). Each names the job it would leave.
 */
async function findDivertCandidates(
  ctx: CadContext,
  incident: Incident,
  ranked: readonly { line: { kind: UnitKind }; needed: number; ranking: { candidates: readonly { etaSeconds: number }[] }; bestDistance: number | undefined }[],
  hits: readonly GeoHit[],
  units: readonly (Unit | null)[],
  ranking: RankingOptions,
): Promise<Map<UnitKind, DivertCandidate[]>> {
  const out = new Map<UnitKind, DivertCandidate[]>();
  const wanted = ranked.filter((r) => r.needed > 0);
  const onTheirWay = hits.flatMap((hit, i) => {
    const unit = units[i];
    if (!unit?.incidentId || unit.incidentId === incident.id || !isDivertableStatus(unit.status)) return [];
    return wanted.some((r) => r.line.kind === unit.kind && hit.distanceMeters < (r.bestDistance ?? Number.POSITIVE_INFINITY)) ? [{ hit, unit, incidentId: unit.incidentId }] : [];
  });
  if (onTheirWay.length === 0) return out;
  const jobIds = [...new Set(onTheirWay.map((u) => u.incidentId))];
  const jobs = new Map((await Promise.all(jobIds.map((id) => readIncident(ctx, id)))).flatMap((found) => (found ? [[found.incident.id, found.incident] as const] : [])));
  const { router } = ctx.city;
  for (const { line, ranking: kindRanking } of wanted) {
    const eligible = onTheirWay.filter(({ unit, incidentId }) => {
      const job = jobs.get(incidentId);
      return unit.kind === line.kind && job !== undefined && isMoreUrgent(incident.priority, job.priority);
    });
    if (eligible.length === 0) continue;
    const nearby: NearbyUnit[] = eligible.map(({ hit, unit }) => ({ unitId: unit.id, callSign: unit.callSign, kind: unit.kind, position: hit.position, distanceMeters: hit.distanceMeters, fixAt: unit.fixAt, unansweredAt: null }));
    const drives = router ? drivesTo(router, nearby, incident.location) : undefined;
    const bestFree = kindRanking.candidates[0]?.etaSeconds;
    const candidates = rankCandidates(nearby, { ...ranking, ...(drives ? { drives } : {}) }).candidates.flatMap((candidate): DivertCandidate[] => {
      const unit = eligible.find((e) => e.unit.id === candidate.unitId);
      const job = unit ? jobs.get(unit.incidentId) : undefined;
      if (!unit || !job || !isWorthDiverting(candidate.etaSeconds, bestFree)) return [];
      const savingSeconds = bestFree === undefined ? null : Math.round(bestFree - candidate.etaSeconds);
      const sooner = savingSeconds === null ? 'no free unit of this kind can go' : `${formatAge(savingSeconds)} sooner than the nearest free unit`;
      return [{
        ...candidate,
        reason: `${UNIT_STATUS_LABELS[unit.unit.status].toLowerCase()} to ${job.reference} (${job.priority.toUpperCase()}, ${incidentType(job.type).label}); ${sooner}`,
        fromIncidentId: job.id, fromReference: job.reference, fromPriority: job.priority, fromType: incidentType(job.type).label, savingSeconds,
      }];
    });
    out.set(line.kind, candidates.slice(0, DIVERT_CANDIDATES_PER_KIND));
  }
  return out;
}

/** Drive times of `units` to `to` on the road network, by unit id (null: no route). */
function drivesTo(router: Router, units: readonly NearbyUnit[], to: LngLat): Map<string, DriveEstimate | null> {
  const etas = router.etasFrom(units.map((unit) => unit.position), to);
  return new Map(units.map((unit, i) => {
    const eta = etas[i];
    return [unit.unitId, eta?.ok ? { etaSeconds: eta.etaSeconds, distanceMeters: eta.distanceMeters } : null];
  }));
}

/** [DS5] The route of the top candidate of each kind, for the dispatcher's map. */
function topRoutes(router: Router, byKind: readonly KindRecommendation[], to: LngLat): Recommendation['routes'] {
  return byKind.flatMap((kind) => {
    const top = kind.needed > 0 ? kind.candidates[0] : undefined;
    if (!top) return [];
    const route = router.route(top.position, to);
    return route.ok ? [{ unitId: top.unitId, geometry: route.geometry.coordinates.map(([lng, lat]) => [lng ?? 0, lat ?? 0] as LngLat) }] : [];
  });
}

/** Nearer units that were not proposed for `kind`, and why: busy, out of service, or the wrong kind. */
function explainPassedOver(
  kind: UnitKind,
  incident: Incident,
  hits: readonly GeoHit[],
  units: readonly (Awaited<ReturnType<typeof readUnits>>[number])[],
  bestDistance: number | undefined,
): PassedOver[] {
  const limit = bestDistance ?? Number.POSITIVE_INFINITY;
  const out: PassedOver[] = [];
  hits.forEach((hit, i) => {
    const unit = units[i];
    if (!unit || hit.distanceMeters >= limit) return;
    const distanceMeters = Math.round(hit.distanceMeters);
    const base = { unitId: unit.id, callSign: unit.callSign, kind: unit.kind, status: unit.status, distanceMeters };
    if (unit.kind !== kind) {
      if (unit.status === 'available') out.push({ ...base, reason: 'wrong_kind', detail: `nearer, but another kind: ${UNIT_KIND_LABELS[unit.kind]}` });
      return;
    }
    if (unit.status === 'out_of_service') out.push({ ...base, reason: 'out_of_service', detail: 'out of service' });
    else if (unit.status !== 'available') {
      const where = unit.incidentId === incident.id ? 'already on this incident' : `committed to ${unit.incidentId ?? 'another incident'}`;
      out.push({ ...base, reason: 'busy', detail: `${unit.status.replace('_', ' ')}, ${where}` });
    }
  });
  return out.slice(0, 8);
}
