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

  /** The unit's kind when this instance has read it already (no read, no promise: the gateway's hot path). */
  known(unitId: string): UnitKind | undefined {
    return this.kinds.get(unitId);
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
