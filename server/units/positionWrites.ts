import type { RedisClient } from '../redis/redisClient.ts';
import type { RedisKeys } from '../redis/keys.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
import type { UnitFix } from '../../shared/units/unitSchema.ts';

/** What the batch script answered for one fix: 1 stored, 0 older than the stored fix (ignored), -1 no such unit. */
export type FixCode = 1 | 0 | -1;

interface Pending {
  keys: [unit: string, available: string];
  args: [lng: number, lat: number, fixAt: number, unitId: string];
  settle: { resolve: (code: FixCode) => void; reject: (error: unknown) => void };
}

/** Fixes written by one script call at most (about 12 ms of Redis at 24 µs a fix). */
const MAX_BATCH = 500;

/**
 * [UP1][UP3][OPS12] Group commit of fixes. Every device sends its own fix, one message each, and the AVL gateway its
 * batches; the fixes that reach this instance in one turn of the event loop are written by one call of the batch
 * script (`recordPositions.lua`) instead of one call each, each fix still answered with its own outcome (the script takes them in arrival order,
 * each against the unit's stored fix, so a unit's later fix still wins). A fix alone waits for nothing: the write
 * goes out at the end of the turn it arrived in.
 */
export class PositionWrites {
  private pending: Pending[] = [];
  private isScheduled = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Pick<RedisKeys, 'unitPositions' | 'unit' | 'availableUnits'>,
  ) {}

  /** Writes one fix of a unit of `kind`; resolves with the script's code for it. */
  write(fix: UnitFix, kind: UnitKind): Promise<FixCode> {
    return new Promise<FixCode>((resolve, reject) => {
      this.pending.push({ keys: [this.keys.unit(fix.unitId), this.keys.availableUnits(kind)], args: [fix.position[0], fix.position[1], fix.fixAt, fix.unitId], settle: { resolve, reject } });
      if (this.pending.length >= MAX_BATCH) this.flush();
      else if (!this.isScheduled) {
        this.isScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.isScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const scriptKeys = [this.keys.unitPositions, ...batch.flatMap((fix) => fix.keys)];
    const args = batch.flatMap((fix) => fix.args);
    SCRIPTS.recordPositions.run(this.redis, scriptKeys, args).then(
      (codes) => {
        if (!Array.isArray(codes) || codes.length !== batch.length) {
          const error = new Error('recordPositions answered an unexpected shape');
          for (const fix of batch) fix.settle.reject(error);
          return;
        }
        batch.forEach((fix, i) => fix.settle.resolve(codes[i] === 1 ? 1 : codes[i] === 0 ? 0 : -1));
      },
      (error: unknown) => {
        for (const fix of batch) fix.settle.reject(error);
      },
    );
  }
}
