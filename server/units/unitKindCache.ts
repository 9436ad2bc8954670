import type { RedisClient } from '../redis/redisClient.ts';
import { UnitKindSchema, type UnitKind } from '../../shared/units/unitKinds.ts';
import type { RedisKeys } from '../redis/keys.ts';

/**
 * A unit's kind never changes, so the position hot path can skip a read for it.
 * This is a cache of immutable facts, not state: any instance fills it from Redis on demand.
 */
export class UnitKindCache {
  private readonly kinds = new Map<string, UnitKind>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * [UP3] The kinds of a gateway batch's units, in order (null for no such unit): those this instance knows without a
   * promise each, the others read once each.
   */
  async kindsOf(unitIds: readonly string[]): Promise<(UnitKind | null)[]> {
    const known = unitIds.map((unitId) => this.kinds.get(unitId));
    const missing = [...new Set(unitIds.filter((_, index) => known[index] === undefined))];
    if (missing.length === 0) return known.map((kind) => kind ?? null);
    const read = new Map(await Promise.all(missing.map(async (unitId) => [unitId, await this.kindOf(unitId)] as const)));
    return unitIds.map((unitId, index) => known[index] ?? read.get(unitId) ?? null);
  }

  /** The unit's kind, or null when there is no such unit. */
  async kindOf(unitId: string): Promise<UnitKind | null> {
    const known = this.kinds.get(unitId);
    if (known) return known;
    const stored = await this.redis.hget(this.keys.unit(unitId), 'kind');
    const parsed = UnitKindSchema.safeParse(stored);
    if (!parsed.success) return null;
    this.kinds.set(unitId, parsed.data);
    return parsed.data;
  }
}
