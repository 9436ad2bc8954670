import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { RedisClient } from '../redis/redisClient.ts';
import type { Logger } from '../ops/logger.ts';
import { SCRIPTS } from '../redis/scripts.ts';

/** [OPS11] How long a lease lasts unless renewed, and how often its holder renews it (and others try to take it). */
export interface LeaseTiming {
  ttlMs: number;
  renewEveryMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = { ttlMs: 10_000, renewEveryMs: 2_000 };

/** This process's token as a lease holder: the instance id, host and pid (for the log), and a random part (unique). */
export function holderToken(instanceId: string | undefined): string {
  return `${instanceId ?? hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}

/**
 * [OPS11] Runs a job that must run once per city (the vehicle simulator, the AVL heartbeat) on the one instance
 * that holds its lease in Redis: a key set with `NX` and a TTL, renewed by its holder every `renewEveryMs`. The
 * others try to take it as often; a holder that dies stops renewing, and another takes the lease within
 * `ttlMs + renewEveryMs`. A holder that cannot renew (Redis away, or another took it) stops the job before the
 * lease can have passed on: at its expiry as last renewed, counted from when the renewal was sent.
 */
export class CityLease {
  private job: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private expiry: NodeJS.Timeout | null = null;
  private isStopped = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
    readonly holder: string,
    private readonly name: string,
    private readonly start: () => () => void,
    private readonly log: Logger,
    private readonly timing: LeaseTiming = DEFAULT_LEASE_TIMING,
  ) {}

  /** Whether this instance holds the lease and runs the job. */
  get isHeld(): boolean {
    return this.job !== null;
  }

  /** Starts trying for the lease at once, then every `renewEveryMs`. */
  begin(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.timing.renewEveryMs);
    this.timer.unref();
  }

  /** Stops the job and gives the lease up, so another instance takes it at its next try rather than after the TTL. */
  async end(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearInterval(this.timer);
    const wasHeld = this.isHeld;
    this.stopJob('this instance is stopping');
    if (!wasHeld) return;
    try {
      await SCRIPTS.releaseLease.run(this.redis, [this.key], [this.holder]);
    } catch (error) {
      this.log.warn({ err: error, job: this.name }, `lease on ${this.name} not released (it expires by itself)`);
    }
  }

  private async tick(): Promise<void> {
    const sentAt = Date.now();
    try {
      const isHeld = this.isHeld
        ? (await SCRIPTS.renewLease.run(this.redis, [this.key], [this.holder, this.timing.ttlMs])) === 1
        : (await this.redis.set(this.key, this.holder, 'PX', this.timing.ttlMs, 'NX')) === 'OK';
      if (this.isStopped) return;
      if (!isHeld) {
        this.stopJob('another instance holds the lease');
        return;
      }
      this.armExpiry(sentAt + this.timing.ttlMs);
      if (!this.job) {
        this.job = this.start();
        this.log.info({ job: this.name, holder: this.holder }, `lease: this instance now runs ${this.name}`);
      }
    } catch (error) {
      // Redis away: the job runs on until the lease may have expired (armExpiry), never past it.
      this.log.warn({ err: error, job: this.name }, `lease on ${this.name} not renewed`);
    }
  }

  /** Stops the job at `heldUntil`, when the lease as last renewed may have expired. */
  private armExpiry(heldUntil: number): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.stopJob('its lease expired without being renewed'), Math.max(0, heldUntil - Date.now()));
    this.expiry.unref();
  }

  private stopJob(reason: string): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
    if (!this.job) return;
    const stop = this.job;
    this.job = null;
    stop();
    this.log.info({ job: this.name, holder: this.holder, reason }, `lease: this instance stopped running ${this.name}: ${reason}`);
  }
}
