import type { RedisClient } from '../redis/redisClient.ts';
import type { Coverage } from '../../shared/coverage/coverageSchema.ts';
import { COVERAGE_GROUP_KINDS, COVERAGE_GROUPS, type CoverageGroup } from '../../shared/coverage/coverageTargets.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
import { UnitIdSchema, type UnitId } from '../../shared/units/unitSchema.ts';
import { positionOfGeohashScore } from '../redis/geohashScore.ts';
import type { RedisKeys } from '../redis/keys.ts';
import { computeCoverage, coverageAnswer, type CoverageIndex, type CoverageUnit, type CoverageUnits } from './computeCoverage.ts';
import type { CoverageWard } from './coverageWards.ts';
import type { TravelTimes } from './travelTimes.ts';

/** The coverage at one set of available units: the index (best and next best per ward) and the answer consoles read. */
export interface CoverageState {
  index: CoverageIndex;
  answer: Coverage;
  /** How long computing it took, ms. */
  computeMs: number;
}

export interface CoverageTrackerOptions {
  redis: RedisClient;
  keys: RedisKeys;
  wards: readonly CoverageWard[];
  travel: TravelTimes;
  now(): number;
}

const KINDS: readonly { group: CoverageGroup; kind: UnitKind }[] = COVERAGE_GROUPS.flatMap((group) => COVERAGE_GROUP_KINDS[group].map((kind) => ({ group, kind })));

/**
 * [CV3][CV5] The coverage as it stands, for this server instance. Redis's available-unit GEO sets are the input:
 * each read lists their members with their geohash scores (one cheap read per kind; a score is the member's position), and the coverage is computed
 * again only when that list differs from the one it was computed from (a unit went available or busy, or an
 * available unit moved). Everything else is in the sets and the units' records (their call signs), so every instance
 * computes the same coverage.
 */
export class CoverageTracker {
  private latest: { digest: string; state: Promise<CoverageState> } | null = null;
  /** Call signs read so far, by unit id. */
  private readonly callSigns = new Map<string, string>();
  /** Members of the available sets already checked to be unit ids (a set holds nothing else, but it is not trusted blind). */
  private readonly unitIds = new Map<string, UnitId | null>();

  constructor(private readonly options: CoverageTrackerOptions) {}

  /**
   * The coverage as last computed, without reading the available sets again (the push's check keeps it within a few
   * seconds of now); computed now when there is none yet. For the recommendation's hot path: a candidate's coverage
   * cost needs no fresher coverage than the shared recommendation itself (DS7).
   */
  recent(): Promise<CoverageState> {
    return this.latest?.state ?? this.current();
  }

  /** The coverage of the available units now: the last one computed while they have not changed. */
  async current(): Promise<CoverageState> {
    const { redis, keys } = this.options;
    const entries = await Promise.all(KINDS.map(({ kind }) => redis.zrange(keys.availableUnits(kind), 0, '-1', 'WITHSCORES')));
    const digest = entries.map((list) => list.join(',')).join('|');
    let latest = this.latest;
    if (latest?.digest !== digest) {
      const state = this.compute(entries);
      latest = { digest, state };
      this.latest = latest;
      // A failed read is not kept: the next caller tries again.
      state.catch(() => {
        if (this.latest?.state === state) this.latest = null;
      });
    }
    return latest.state;
  }

  private async compute(entries: readonly string[][]): Promise<CoverageState> {
    const units: Record<CoverageGroup, CoverageUnit[]> = { ambulance: [], engine: [] };
    await Promise.all(
      KINDS.map(async ({ group }, i) => {
        const list = entries[i] ?? [];
        const members = list.filter((_, j) => j % 2 === 0);
        if (members.length === 0) return;
        const callSigns = await this.callSignsOf(members);
        members.forEach((member, j) => {
          const unitId = this.unitIdOf(member);
          if (unitId === null) return;
          // The list holds each member's geohash score, which is its position: no GEOPOS of the whole fleet.
          units[group].push({ unitId, callSign: callSigns[j] ?? member, position: positionOfGeohashScore(Number(list[2 * j + 1])) });
        });
      }),
    );
    const started = performance.now();
    const index = computeCoverage(this.options.wards, units satisfies CoverageUnits, this.options.travel, this.options.now());
    const answer = coverageAnswer(index);
    return { index, answer, computeMs: performance.now() - started };
  }

  /** A member as a unit id, checked once per member. */
  private unitIdOf(member: string): UnitId | null {
    let unitId = this.unitIds.get(member);
    if (unitId === undefined) {
      const parsed = UnitIdSchema.safeParse(member);
      unitId = parsed.success ? parsed.data : null;
      this.unitIds.set(member, unitId);
    }
    return unitId;
  }

  /**
   * [CV3] The units' call signs from their live records, in one round trip for those not read before: the fleet file
   * read at start does not know a unit added while running (FL1), and a unit's call sign does not change while it is
   * in the fleet, so each is read once. Null where the record is gone (the unit is named by its id then).
   */
  private async callSignsOf(unitIds: readonly string[]): Promise<(string | null)[]> {
    const { redis, keys } = this.options;
    const unknown = unitIds.filter((unitId) => !this.callSigns.has(unitId));
    if (unknown.length > 0) {
      const pipeline = redis.pipeline();
      for (const unitId of unknown) pipeline.hget(keys.unit(unitId), 'callSign');
      const replies = (await pipeline.exec()) ?? [];
      replies.forEach(([error, callSign], i) => {
        if (error) throw error;
        if (typeof callSign === 'string' && callSign !== '') this.callSigns.set(unknown[i] as string, callSign);
      });
    }
    return unitIds.map((unitId) => this.callSigns.get(unitId) ?? null);
  }
}
