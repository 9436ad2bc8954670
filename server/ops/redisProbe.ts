import type { RedisClient } from '../redis/redisClient.ts';
import type { Redis } from 'ioredis';
import { nodeForKey } from '../redis/nodeForKey.ts';
import { readRedisClock } from '../redis/redisClock.ts';
import type { CadMetrics } from './cadMetrics.ts';
import { withinMs } from './withinMs.ts';

/** [OPS3] How long a PING may take before Redis counts as unreachable for readiness and health. */
export const REDIS_PING_BOUND_MS = 500;

export type RedisCheck = { isReachable: true; ms: number } | { isReachable: false; reason: string };

/**
 * [OPS2][OPS3] PINGs Redis on the commands connection: for readiness and health, bounded, and every `intervalMs`
 * for the latency histogram. A connection that is not ready is unreachable at once, without queueing a PING that
 * would wait for the reconnection. On a cluster the PING goes to the master holding the metro's slot (`slotKey`).
 */
export class RedisProbe {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: RedisClient,
    private readonly metrics: CadMetrics,
    private readonly slotKey: string,
  ) {}

  async check(boundMs = REDIS_PING_BOUND_MS): Promise<RedisCheck> {
    if (this.redis.status !== 'ready') return { isReachable: false, reason: `the connection is ${this.redis.status}` };
    const node = this.metroNode();
    if (!node) return { isReachable: false, reason: "no cluster node is known to hold the metro's keys" };
    if (node.status === 'reconnecting' || node.status === 'close' || node.status === 'end') return { isReachable: false, reason: `the connection to the metro's node is ${node.status}` };
    const ping = await withinMs(node.ping(), boundMs);
    // The reason is said in the server's own words: Redis's error text is not echoed to a caller (HI4).
    if (!ping.ok) return { isReachable: false, reason: ping.reason === 'timeout' ? `no answer to PING within ${boundMs} ms` : 'PING failed' };
    this.metrics.redisPingSeconds.observe(ping.ms / 1000);
    return { isReachable: true, ms: Math.round(ping.ms * 100) / 100 };
  }

  /** The node holding the metro's keys (the connection itself on one node); null while a cluster has not said which. */
  private metroNode(): Redis | null {
    try {
      return nodeForKey(this.redis, this.slotKey);
    } catch {
      return null;
    }
  }

  /** Every `intervalMs`: a PING for the latency histogram, and Redis's clock read again for the commands' deadlines (OPS10). */
  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      void this.check();
      if (this.redis.status === 'ready') readRedisClock(this.redis, this.slotKey).catch(() => undefined);
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
