import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';
import type { RedisClient } from './redisClient.ts';

/** Where the live store is: one node, or a Redis Cluster reached through one or more of its nodes. */
export interface RedisTarget {
  /** One node's URL (`redis://host:6379`); for a cluster, one or more seed nodes' URLs separated by commas. */
  url: string;
  isCluster: boolean;
}

/** How one connection behaves, the same on one node and on a cluster. */
export interface ConnectionRole {
  /**
   * [OPS10] false: a command sent while the connection (on a cluster: the cluster, or the node serving the slot) is
   * not ready is refused at once, having sent nothing, instead of being queued until it reconnects.
   */
  hasOfflineQueue: boolean;
  /** How often a command is sent again after a reconnection; null: without limit (blocking readers). */
  maxRetriesPerRequest: number | null;
  /** Commands issued in the same tick go out in one pipeline (per node on a cluster). */
  isAutoPipelined: boolean;
}

/** The commands and positions connections: no offline queue (OPS10), pipelined. */
export const COMMANDS_ROLE: ConnectionRole = { hasOfflineQueue: false, maxRetriesPerRequest: 20, isAutoPipelined: true };
/** A connection that blocks on reads (the broadcast adapter's XREAD, the archiver's XREADGROUP): waits out reconnections. */
export const BLOCKING_READER_ROLE: ConnectionRole = { hasOfflineQueue: true, maxRetriesPerRequest: null, isAutoPipelined: false };

/** The seed nodes of a cluster URL list, with the credentials and TLS of the first (every node shares them). */
function clusterSeeds(urls: string): { nodes: ClusterNode[]; auth: Pick<RedisOptions, 'username' | 'password' | 'tls'> } {
  const parsed = urls.split(',').map((url) => new URL(url.trim()));
  const nodes = parsed.map((url) => ({ host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port || 6379) }));
  const first = parsed[0];
  if (!first) throw new Error('REDIS_URL names no cluster node');
  return {
    nodes,
    auth: {
      ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
      ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
      ...(first.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}

/** Opens one connection to the live store in `role`: an ioredis `Redis` on one node, a `Cluster` on a cluster. */
export function connectRedis(target: RedisTarget, role: ConnectionRole): RedisClient {
  if (!target.isCluster) {
    return new Redis(target.url, { maxRetriesPerRequest: role.maxRetriesPerRequest, enableAutoPipelining: role.isAutoPipelined, enableOfflineQueue: role.hasOfflineQueue });
  }
  const { nodes, auth } = clusterSeeds(target.url);
  return new Cluster(nodes, {
    enableOfflineQueue: role.hasOfflineQueue,
    enableAutoPipelining: role.isAutoPipelined,
    redisOptions: { maxRetriesPerRequest: role.maxRetriesPerRequest, ...auth },
  });
}
