import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { findRedisServer, REDIS_MISSING_MESSAGE } from './findRedisServer.ts';
import { freePort } from './freePort.ts';

export interface EmbeddedRedis {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server (SHUTDOWN, which fsyncs the AOF) and waits for the process to exit. */
  stop(): Promise<void>;
  /** Kills the process without a clean shutdown, as a crash would. */
  kill(): Promise<void>;
}

export interface EmbeddedRedisOptions {
  dataDir: string;
  port?: number;
}

/**
 * Starts a `redis-server` child on a free port with its data in `dataDir`:
 * AOF on with `appendfsync always`, so an acknowledged write survives a crash. [ST1]
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const binary = findRedisServer();
  if (!binary) throw new Error(REDIS_MISSING_MESSAGE);
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'yes', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilReady(url, child, output);
  return {
    url,
    port,
    dataDir: options.dataDir,
    stop: () => stopChild(child, url),
    kill: () => killChild(child),
  };
}

async function waitUntilReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited with code ${child.exitCode} before it was ready: ${output.join('').trim()}`);
    }
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined); // readiness probe: failures are expected until the server listens
    try {
      await probe.connect();
      // LOADING replies while the AOF is replayed; PING succeeds only once the data is in memory.
      await probe.ping();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      probe.disconnect();
    }
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not become ready within 15 s: ${output.join('').trim()}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess, url: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // the connection drops as the server shuts down
  try {
    await client.call('SHUTDOWN');
  } catch {
    // SHUTDOWN closes the connection instead of replying; exit is awaited below
  } finally {
    client.disconnect();
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited(child);
  clearTimeout(timer);
}

async function killChild(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await exited(child);
}
