import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { findRedisBinary } from '../../server/redis/findRedisServer.ts';
import { freePort } from '../../server/redis/freePort.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const run = promisify(execFile);

export interface TestRedisCluster {
  /** The masters' ports, in the order they were started. */
  ports: number[];
  /** Every node as a seed list, as REDIS_URL takes it with REDIS_CLUSTER=on. */
  url: string;
  /** Stops every node and removes their folders. */
  cleanup(): Promise<void>;
}


function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** PINGs `port` until it answers, or fails after `timeoutMs` saying what the node wrote. */
async function untilAnswers(port: number, child: ChildProcess, output: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server on ${port} exited with code ${child.exitCode}: ${output.join('').trim()}`);
    const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined); // refused until the node listens
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      await sleep(50);
    } finally {
      probe.disconnect();
    }
  }
  throw new Error(`redis-server on ${port} did not answer within ${timeoutMs / 1000} s: ${output.join('').trim()}`);
}

/** Waits until every node says `cluster_state:ok` (every slot served, the nodes agreeing on who serves it). */
async function untilClusterOk(ports: readonly number[], timeoutMs: number): Promise<void> {
  const clients = ports.map((port) => new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1 }));
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const states = await Promise.all(clients.map(async (client) => /cluster_state:ok/.test(await client.cluster('INFO'))));
      if (states.every(Boolean)) return;
      await sleep(100);
    }
    throw new Error(`the cluster on ${ports.join(', ')} did not reach cluster_state:ok within ${timeoutMs / 1000} s`);
  } finally {
    for (const client of clients) client.disconnect();
  }
}

/**
 * A Redis Cluster of the test's own: `masters` redis-server nodes (no replicas) on free loopback ports, each with its
 * data and `nodes.conf` in a fresh temporary folder and the AOF on as in production, joined with
 * `redis-cli --cluster create`; resolves once every slot is served.
 */
export async function startTestRedisCluster(masters = 3): Promise<TestRedisCluster> {
  const server = findRedisBinary('redis-server');
  const cli = findRedisBinary('redis-cli');
  if (!server || !cli) throw new Error('a Redis Cluster test needs redis-server and redis-cli (Debian: apt-get install redis-server redis-tools)');
  const root = mkdtempSync(join(tmpdir(), 'cad-redis-cluster-'));
  const children: ChildProcess[] = [];
  const cleanup = async (): Promise<void> => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < masters; i += 1) ports.push(await freePort());
    await Promise.all(
      ports.map((port) => {
        const dir = join(root, String(port));
        mkdirSync(dir);
        const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, 'nodes.conf'), '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--loglevel', 'warning'];
        const child = spawn(server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        children.push(child);
        const output: string[] = [];
        child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
        child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
        return untilAnswers(port, child, output, 15_000);
      }),
    );
    await run(cli, ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    await untilClusterOk(ports, 20_000);
    return { ports, url: ports.map((port) => `redis://127.0.0.1:${port}`).join(','), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
