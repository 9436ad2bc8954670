import type { Redis } from 'ioredis';
import type { KindRecommendation, PassedOver, Recommendation, RecommendInput } from '../../shared/dispatch/dispatchSchema.ts';
import { DEFAULT_RANKING, rankCandidates, type DriveEstimate, type NearbyUnit } from '../../shared/dispatch/rankCandidates.ts';
import type { Router } from '../routing/router/createRouter.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { activeAssignments } from '../../shared/incidents/incidentLifecycle.ts';
import { UNIT_KIND_AGENCY, type UnitKind } from '../../shared/units/unitKinds.ts';
import type { Actor } from '../../shared/auth/roles.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from '../incidents/readIncident.ts';
import { readUnits } from '../units/readUnits.ts';
import { parseGeoHits, SEARCH_RADII_METERS, type GeoHit } from './findNearby.ts';

/** Candidates shown per kind beyond the number still needed. */
const EXTRA_CANDIDATES = 4;
/** Candidates routed per kind beyond the number still needed, when ranking by drive time. */
const ROUTED_EXTRA_CANDIDATES = 10;
/** Nearby units of any status examined to explain who was passed over. */
const PASSED_OVER_SCAN = 24;
/** The scan for passed-over units looks no further than this, and at least this far. */
const MAX_PASSED_OVER_RADIUS = 10_000;
const MIN_PASSED_OVER_RADIUS = 200;

/** Available units of `kind` nearest `at`, widening the radius until `wanted` are found. */
export async function nearestAvailable(redis: Redis, key: string, at: LngLat, wanted: number): Promise<GeoHit[]> {
  let hits: GeoHit[] = [];
  for (const radius of SEARCH_RADII_METERS) {
    const reply = await redis.call('GEOSEARCH', key, 'FROMLONLAT', at[0], at[1], 'BYRADIUS', radius, 'm', 'ASC', 'COUNT', wanted, 'WITHDIST', 'WITHCOORD');
    hits = parseGeoHits(reply);
    if (hits.length >= wanted) break;
  }
  return hits;
}

/**
 * [DS1] For each unit kind the incident's plan still needs: the available units ranked by estimated
 * time to the scene, with why each was chosen and why nearby others were passed over. [DS3] A unit
 * committed elsewhere is never a candidate: only the available sets are searched.
 */
export async function recommendUnits(ctx: CadContext, input: RecommendInput, actor: Actor): Promise<CommandOutcome<Recommendation>> {
  const current = await readIncident(ctx, input.incidentId);
  if (!current) return refusal('incident_not_found', `no incident ${input.incidentId}`);
  const { incident } = current;
  // [LC7] Every unit has cleared: nothing is recommended until a dispatcher sends it back for more units.
  if (incident.status === 'awaiting_close') return refusal('incident_awaiting_close', `every unit has cleared ${incident.reference}; it awaits its close`);
  const now = ctx.now();
  const { router } = ctx.city;
  // [DK1] An agency desk gets the part of the response plan its own units answer.
  const plan = actor.agency ? incident.plan.filter((line) => UNIT_KIND_AGENCY[line.kind] === actor.agency) : incident.plan;
  const ranked = await Promise.all(
    plan.map(async (line) => {
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
      const ranking = rankCandidates(nearby, { ...DEFAULT_RANKING, stalePositionSeconds: ctx.settings.stalePositionSeconds, now, ...(drives ? { drives } : {}) });
      const best = nearby.find((unit) => unit.unitId === ranking.candidates[0]?.unitId);
      return { line, needed, committed, ranking, bestDistance: best?.distanceMeters };
    }),
  );
  // Only units nearer than a kind's best candidate can have been passed over for it, so the scan of
  // all units needs no wider radius than that: GEOSEARCH's cost grows with the units inside it.
  const scanRadius = Math.min(MAX_PASSED_OVER_RADIUS, Math.max(MIN_PASSED_OVER_RADIUS, ...ranked.map((r) => r.bestDistance ?? MAX_PASSED_OVER_RADIUS)));
  const nearbyAll = parseGeoHits(
    await ctx.redis.call('GEOSEARCH', ctx.keys.unitPositions, 'FROMLONLAT', incident.location[0], incident.location[1], 'BYRADIUS', Math.ceil(scanRadius), 'm', 'ASC', 'COUNT', PASSED_OVER_SCAN, 'WITHDIST', 'WITHCOORD'),
  );
  const nearbyUnits = await readUnits(ctx, nearbyAll.map((hit) => hit.id));
  const byKind = ranked.map(({ line, needed, committed, ranking, bestDistance }) => {
    const passedOver = [...ranking.passedOver, ...explainPassedOver(line.kind, incident, nearbyAll, nearbyUnits, bestDistance)];
    return { kind: line.kind, needed, committed, candidates: ranking.candidates.slice(0, needed + EXTRA_CANDIDATES), passedOver } satisfies KindRecommendation;
  });
  const routes = router ? topRoutes(router, byKind, incident.location) : [];
  return { result: ok({ incidentId: incident.id, computedAt: now, ranking: router ? 'road_network' : 'straight_line', byKind, routes }) };
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
      if (unit.status === 'available') out.push({ ...base, reason: 'wrong_kind', detail: `nearer, but a ${unit.kind.replace('_', ' ')}` });
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
