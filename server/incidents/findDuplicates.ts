import type { DuplicateCandidate, DuplicatesInput } from '../../shared/incidents/incidentSchema.ts';
import { IncidentSchema } from '../../shared/incidents/incidentSchema.ts';
import { DUPLICATE_RADIUS_METERS, scoreDuplicate } from '../../shared/incidents/duplicateScore.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { parseGeoHits } from '../dispatch/findNearby.ts';

/** The most open incidents near a call that are scored. */
const NEARBY_LIMIT = 25;

/**
 * [DU1] Open incidents near the caller's location that may be the same event, most likely first:
 * one GEOSEARCH over the open incidents, then the pure score (distance, age, type compatibility).
 */
export async function findDuplicates(ctx: CadContext, input: DuplicatesInput): Promise<CommandOutcome<DuplicateCandidate[]>> {
  const { keys } = ctx;
  const hits = parseGeoHits(
    await ctx.redis.call('GEOSEARCH', keys.openIncidentLocations, 'FROMLONLAT', input.location[0], input.location[1], 'BYRADIUS', DUPLICATE_RADIUS_METERS, 'm', 'ASC', 'COUNT', NEARBY_LIMIT, 'WITHDIST', 'WITHCOORD'),
  );
  if (hits.length === 0) return { result: ok([]) };
  const docs = await ctx.redis.pipeline(hits.map((hit) => ['hget', keys.incident(hit.id), 'doc'])).exec();
  const now = ctx.now();
  const candidates: DuplicateCandidate[] = [];
  hits.forEach((hit, i) => {
    const doc = docs?.[i]?.[1];
    if (typeof doc !== 'string') return;
    const incident = IncidentSchema.parse(JSON.parse(doc));
    const ageMinutes = Math.max(0, (now - incident.createdAt) / 60_000);
    const scored = scoreDuplicate({ distanceMeters: hit.distanceMeters, ageMinutes, typeId: incident.type }, { typeId: input.type });
    if (scored.score <= 0) return;
    candidates.push({ incident, distanceMeters: Math.round(hit.distanceMeters), ageMinutes: Math.round(ageMinutes * 10) / 10, ...scored });
  });
  return { result: ok(candidates.sort((a, b) => b.score - a.score)) };
}
