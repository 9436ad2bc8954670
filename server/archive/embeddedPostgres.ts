import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../redis/freePort.ts';
import { claimFolder } from '../stores/folderOwner.ts';
import { findPostgresBin, POSTGRES_MISSING_MESSAGE, postgresAccount } from './findPostgres.ts';

const run = promisify(execFile);

export interface EmbeddedPostgres {
  /** `postgres://cad:…@127.0.0.1:<port>/cad` */
  url: string;
  port: number;
  dir: string;
  /** Fast shutdown (every committed transaction is on disk) and waits for the process to exit. */
  stop(): Promise<void>;
  /** Kills the postmaster without a clean shutdown, as a crash would; the next start recovers from the WAL. */
  kill(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The folder the cluster, its socket, password and log are kept in (created when absent). */
  dir: string;
  port?: number;
  /** Tests only: no fsync to disk, for speed on throwaway folders (a killed server still loses nothing). A real record always syncs. */
  isThrowaway?: boolean;
}

const USER = 'cad';
const DATABASE = 'cad';

/**
 * [AR1] Starts a PostgreSQL server of the system's own under `dir`: `initdb` on first use (password
 * authentication, the password kept beside the cluster, readable by its owner only), then the `postgres`
 * server on a free loopback port with its socket in the folder. A postmaster left running on the same folder
 * by a server that died is stopped first, so one folder never has two.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  mkdirSync(options.dir, { recursive: true });
  const release = claimFolder(options.dir, 'embedded PostgreSQL');
  try {
    return await start(options, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function start(options: EmbeddedPostgresOptions, release: () => void): Promise<EmbeddedPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING_MESSAGE);
  const account = postgresAccount();
  const cluster = join(options.dir, 'cluster');
  const socketDir = join(options.dir, 'run');
  const passwordFile = join(options.dir, 'password');
  mkdirSync(socketDir, { recursive: true });
  if (account) assertReachable(options.dir, account.uid);
  if (account) for (const path of [options.dir, socketDir]) chownSync(path, account.uid, account.gid);
  const asOwner = account ? { uid: account.uid, gid: account.gid } : {};

  if (!existsSync(join(cluster, 'PG_VERSION'))) {
    if (existsSync(cluster) && readdirSync(cluster).length > 0) {
      throw new Error(`${cluster} is not empty but holds no PostgreSQL cluster; move it away or set DATABASE_URL`);
    }
    const password = randomBytes(24).toString('base64url');
    writeFileSync(passwordFile, password, { mode: 0o600 });
    const seed = join(options.dir, 'initdb.pw');
    writeFileSync(seed, password, { mode: 0o600 });
    if (account) chownSync(seed, account.uid, account.gid);
    try {
      await run(join(bin, 'initdb'), ['-D', cluster, '-U', USER, '--pwfile', seed, '--auth-local=scram-sha-256', '--auth-host=scram-sha-256', '--encoding=UTF8', '--no-locale'], { ...asOwner, env: { ...process.env, LC_ALL: 'C' } });
    } catch (error) {
      throw new Error(`initdb failed in ${cluster}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      rmSync(seed, { force: true });
    }
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  await stopLeftover(bin, cluster, asOwner);

  const port = options.port ?? (await freePort());
  const logFile = join(options.dir, 'postgres.log');
  const log = openSync(logFile, 'a');
  if (account) chownSync(logFile, account.uid, account.gid);
  const settings = [
    '-D', cluster, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1',
    // A throwaway cluster skips fsync (a machine crash may lose it) but still commits to the WAL before answering,
    // so a killed server loses nothing it confirmed.
    '-c', `fsync=${options.isThrowaway ? 'off' : 'on'}`, '-c', 'synchronous_commit=on',
    '-c', 'max_connections=100', '-c', 'shared_buffers=128MB',
  ];
  const child = spawn(join(bin, 'postgres'), settings, { ...asOwner, stdio: ['ignore', log, log], detached: false });
  closeSync(log);
  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  try {
    await waitUntilReady(child, port, password, logFile);
    await ensureDatabase(port, password);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    port,
    dir: options.dir,
    stop: async () => {
      await stopChild(child, 'SIGINT');
      release();
    },
    kill: () => stopChild(child, 'SIGKILL'),
  };
}

/** The postgres account must be able to walk down to its folder; a private parent (a root-only temp folder) stops it. */
function assertReachable(dir: string, uid: number): void {
  for (let at = dirname(resolve(dir)); ; at = dirname(at)) {
    const stat = statSync(at);
    if (stat.uid !== uid && (stat.mode & 0o001) === 0) {
      throw new Error(`the embedded PostgreSQL runs as the postgres account, which cannot enter ${at}: let others pass through it (chmod o+x) or keep the data in another folder`);
    }
    if (at === dirname(at)) return;
  }
}

/** A postmaster still running on this cluster (its server was killed): stopped, so the folder has one. */
async function stopLeftover(bin: string, cluster: string, asOwner: { uid?: number; gid?: number }): Promise<void> {
  if (!existsSync(join(cluster, 'postmaster.pid'))) return;
  try {
    await run(join(bin, 'pg_ctl'), ['status', '-D', cluster], asOwner);
  } catch {
    return; // a stale pid file: postgres itself removes it at start
  }
  await run(join(bin, 'pg_ctl'), ['stop', '-D', cluster, '-m', 'fast', '-w', '-t', '60'], asOwner);
}

function lastLines(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n');
  } catch {
    return '';
  }
}

async function waitUntilReady(child: ChildProcess, port: number, password: string, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode} before it was ready:\n${lastLines(logFile)}`);
    const probe = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres', connectionTimeoutMillis: 1_000 });
    probe.on('error', () => undefined); // readiness probe: refusals are expected until the server listens
    try {
      await probe.connect();
      await probe.query('SELECT 1');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await probe.end().catch(() => undefined);
    }
  }
  throw new Error(`postgres did not become ready within 60 s:\n${lastLines(logFile)}`);
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function stopChild(child: ChildProcess, signal: 'SIGINT' | 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    // SIGINT is PostgreSQL's fast shutdown: it rolls back open transactions and checkpoints.
    child.kill(signal);
  });
}
