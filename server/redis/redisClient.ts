import type { Cluster, Redis } from 'ioredis';

/**
 * A connection to the live store: one Redis node, or a Redis Cluster (every key of a metro shares one hash tag, so
 * its slot lives on one master and each store script runs there whole). Every store function takes either.
 */
export type RedisClient = Redis | Cluster;
