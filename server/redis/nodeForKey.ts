import { Cluster, type Redis } from 'ioredis';
import { keySlot } from './keySlot.ts';
import type { RedisClient } from './redisClient.ts';

/**
 * The node connection that serves `key`'s slot, for a command that takes no key (TIME, PING, INFO, CLIENT, CONFIG):
 * on one node, the client itself; on a cluster, its connection to the master holding the slot (a keyless command
 * sent to the cluster client would go to any node). Throws while the cluster has not told which master that is.
 */
export function nodeForKey(client: RedisClient, key: string): Redis {
  if (!(client instanceof Cluster)) return client;
  const owner = client.slots[keySlot(key)]?.[0];
  const node = owner === undefined ? undefined : client.nodes('master').find((n) => `${n.options.host ?? '127.0.0.1'}:${n.options.port ?? 6379}` === owner);
  if (!node) throw new Error(`no Redis Cluster master is known to hold the slot of ${key} yet`);
  return node;
}

/** Every node connection of `client`: the client itself on one node, every master and replica of a cluster. */
export function everyNode(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('all') : [client];
}
