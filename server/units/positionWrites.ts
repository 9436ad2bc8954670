import type { RedisClient } from '../redis/redisClient.ts';
import type { RedisKeys } from '../redis/keys.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
import type { UnitFix } from '../../shared/units/unitSchema.ts';

/** What the batch script answered for one fix: 1 stored, 0 older than the stored fix (ignored), -1 no such unit. */
export type FixCode = 1 | 0 | -1;

/** One caller's fixes, written together and answered together. */
interface Pending {
  keys: string[];
  args: (string | number)[];
  count: number;
  settle: { resolve: (codes: FixCode[]) => void; reject: (error: unknown) => void };
}

const codeOf = (code: unknown): FixCode => (code === 1 ? 1 : code === 0 ? 0 : -1);

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
  /** Fixes in `pending`. */
  private queued = 0;
  private isScheduled = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Pick<RedisKeys, 'unitPositions' | 'unit' | 'availableUnits'>,
  ) {}

  /** Writes one fix of a unit of `kind`; resolves with the script's code for it. */
  async write(fix: UnitFix, kind: UnitKind): Promise<FixCode> {
    const [code] = await this.writeMany([{ fix, kind }]);
    return code ?? -1;
  }

  /**
   * Writes a caller's fixes (a gateway's batch) in the same script call, in their order; resolves with the script's
   * code for each. One promise for the batch, not one per fix.
   */
  writeMany(fixes: readonly { fix: UnitFix; kind: UnitKind }[]): Promise<FixCode[]> {
    if (fixes.length === 0) return Promise.resolve([]);
    return new Promise<FixCode[]>((resolve, reject) => {
      const keys: string[] = [];
      const args: (string | number)[] = [];
      for (const { fix, kind } of fixes) {
        keys.push(this.keys.unit(fix.unitId), this.keys.availableUnits(kind));
        args.push(fix.position[0], fix.position[1], fix.fixAt, fix.unitId);
      }
      this.pending.push({ keys, args, count: fixes.length, settle: { resolve, reject } });
      this.queued += fixes.length;
      if (this.queued >= MAX_BATCH) this.flush();
      else if (!this.isScheduled) {
        this.isScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Sends what is pending, at most MAX_BATCH fixes a call (a caller's fixes are never split). */
  private flush(): void {
    this.isScheduled = false;
    while (this.pending.length > 0) {
      let count = 0;
      let taken = 0;
      for (const request of this.pending) {
        if (taken > 0 && count + request.count > MAX_BATCH) break;
        count += request.count;
        taken += 1;
      }
      const batch = this.pending.splice(0, taken);
      this.queued -= count;
      this.send(batch);
    }
  }

  private send(batch: Pending[]): void {
    const scriptKeys = [this.keys.unitPositions];
    const args: (string | number)[] = [];
    for (const request of batch) {
      for (const key of request.keys) scriptKeys.push(key);
      for (const arg of request.args) args.push(arg);
    }
    const expected = args.length / 4;
    SCRIPTS.recordPositions.run(this.redis, scriptKeys, args).then(
      (codes) => {
        if (!Array.isArray(codes) || codes.length !== expected) {
          const error = new Error('recordPositions answered an unexpected shape');
          for (const request of batch) request.settle.reject(error);
          return;
        }
        let at = 0;
        for (const request of batch) {
          const own: FixCode[] = new Array<FixCode>(request.count);
          for (let i = 0; i < request.count; i += 1) own[i] = codeOf(codes[at + i]);
          at += request.count;
          request.settle.resolve(own);
        }
      },
      (error: unknown) => {
        for (const request of batch) request.settle.reject(error);
      },
    );
  }
}
