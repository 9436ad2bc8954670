import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimFolder, isAlive, pidIn, waitForExit } from '../stores/folderOwner.ts';
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
  /** Where to say that a leftover redis-server is being stopped (the server's log); unsaid when absent. */
  say?: (message: string) => void;
}

/**
 * Starts a `redis-server` child on a free port with its data in `dataDir`:
 * AOF on with `appendfsync always`, so an acknowledged write survives a crash. [ST1]
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const binary = findRedisServer();
  if (!binary) throw new Error(REDIS_MISSING_MESSAGE);
  mkdirSync(options.dataDir, { recursive: true });
  const release = claimFolder(options.dataDir, 'embedded Redis');
  try {
    return await start(binary, options, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** [OPS8] A redis-server a dead server left running on this folder: stopped (SIGTERM: it writes its AOF and exits), so the folder has one. */
async function stopLeftover(dataDir: string, say: (message: string) => void): Promise<void> {
  const pidFile = join(dataDir, REDIS_PID_FILE);
  const pid = pidIn(pidFile);
  if (pid === null || pid === process.pid || !isAlive(pid) || !isRedisProcess(pid)) return;
  say(`Stopping the redis-server (pid ${pid}) a previous server left running on ${dataDir}`);
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, 30_000))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
}

/** Whether `pid` runs redis-server, where the system says (Linux's /proc); elsewhere the pid file is trusted. */
function isRedisProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server');
  } catch {
    return !existsSync('/proc');
  }
}

const REDIS_PID_FILE = 'redis.pid';

async function start(binary: string, options: EmbeddedRedisOptions, release: () => void): Promise<EmbeddedRedis> {
  await stopLeftover(options.dataDir, options.say ?? (() => undefined));
  const port = options.port ?? (await freePort());
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'yes', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (child.pid !== undefined) writeFileSync(join(options.dataDir, REDIS_PID_FILE), String(child.pid));
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilReady(url, child, output);
  return {
    url,
    port,
    dataDir: options.dataDir,
    stop: async () => {
      await stopChild(child, url);
      rmSync(join(options.dataDir, REDIS_PID_FILE), { force: true });
      release();
    },
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
