import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config/readConfig.ts';

describe('[OPS11] REDIS_CLUSTER: the server on a Redis Cluster, named by one or more of its nodes', () => {
  it('[OPS11] REDIS_CLUSTER=on takes one seed node or several, comma-separated; off by default', () => {
    expect(readConfig({}).REDIS_CLUSTER).toBe('off');
    expect(readConfig({ REDIS_CLUSTER: 'on', REDIS_URL: 'redis://10.0.0.5:7000' })).toMatchObject({ REDIS_CLUSTER: 'on', REDIS_URL: 'redis://10.0.0.5:7000' });
    expect(readConfig({ REDIS_CLUSTER: 'on', REDIS_URL: 'redis://a:7000,redis://b:7001,rediss://c:7002' }).REDIS_URL).toBe('redis://a:7000,redis://b:7001,rediss://c:7002');
  });

  it('[OPS11] a cluster without REDIS_URL, several nodes without REDIS_CLUSTER=on, or a bad value stop start-up naming the variable', () => {
    expect(() => readConfig({ REDIS_CLUSTER: 'on' })).toThrow(/REDIS_CLUSTER="on": a Redis Cluster is not started here: set REDIS_URL/);
    expect(() => readConfig({ REDIS_URL: 'redis://a:7000,redis://b:7001' })).toThrow(/REDIS_URL="redis:\/\/a:7000,redis:\/\/b:7001": names several nodes, which only a Redis Cluster has: set REDIS_CLUSTER=on/);
    expect(() => readConfig({ REDIS_CLUSTER: 'yes', REDIS_URL: 'redis://a:7000' })).toThrow(/REDIS_CLUSTER="yes"/);
    expect(() => readConfig({ REDIS_CLUSTER: 'on', REDIS_URL: 'redis://a:7000, redis://b:7001' })).toThrow(/REDIS_URL=.*must look like redis:\/\/host:6379/);
  });
});
