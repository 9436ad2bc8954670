import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where Debian's PostgreSQL 15 binaries live (scripts/ensure-pgrouting.sh installs them). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

const ENSURE_SCRIPT = resolve(import.meta.dirname, '../../scripts/ensure-pgrouting.sh');

/** A throwaway PostgreSQL cluster of the benchmark's own: temporary folder, free port, trust auth, no fsync. */
export interface PgCluster {
  port: number;
  dir: string;
  /** `SELECT version()` and the pgRouting version. */
  postgresVersion: string;
  pgroutingVersion: string;
  /** Runs `sql` through psql on stdin (stops at the first error; may hold `COPY … FROM STDIN` data); returns stdout. */
  psql(sql: string): string;
  /** Stops the server and deletes the folder. Safe to call twice. */
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? done(port) : fail(new Error('no free port'))));
    });
  });
}

/** The uid/gid of the `postgres` account (from /etc/passwd), for running the server when we are root. */
function postgresAccount(): { uid: number; gid: number } | null {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('postgres:'));
    const [, , uid, gid] = line?.split(':') ?? [];
    return uid !== undefined && gid !== undefined ? { uid: Number(uid), gid: Number(gid) } : null;
  } catch {
    return null;
  }
}

/** Runs scripts/ensure-pgrouting.sh; null when pgRouting is there, else why not. */
export function ensurePgRouting(): string | null {
  const result = spawnSync('bash', [ENSURE_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  if (result.status === 0) return null;
  const said = `${result.stderr}`.trim().split('\n').filter(Boolean).pop();
  return said ?? `scripts/ensure-pgrouting.sh exited with ${result.status ?? result.signal ?? 'an error'}`;
}

/**
 * Starts a PostgreSQL 15 cluster in a fresh temporary folder on a free loopback port (never the machine's own
 * cluster), as the `postgres` account when running as root, and creates the pgrouting extension in it.
 * The caller must call `stop()` (also on error); SIGINT/SIGTERM stop it too.
 */
export async function startPgCluster(): Promise<PgCluster> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const account = isRoot ? postgresAccount() : null;
  if (isRoot && account === null) throw new Error('running as root and there is no postgres account to run the server as');
  const dir = mkdtempSync(join(tmpdir(), 'cad-pgrouting-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  mkdirSync(data, { mode: 0o700 });
  if (account) {
    chownSync(dir, account.uid, account.gid);
    chownSync(data, account.uid, account.gid);
  }
  /** A PostgreSQL binary, run as the postgres account when we are root. */
  const run = (binary: string, args: readonly string[], input?: string): string => {
    const file = join(PG_BIN, binary);
    const [command, argv] = account ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, [...args]];
    const result = spawnSync(command, argv, { encoding: 'utf8', input: input ?? '', cwd: dir, maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) {
      const detail = `${result.stderr}`.trim() || `${result.stdout}`.trim() || String(result.error ?? result.signal);
      throw new Error(`${binary} failed: ${detail.slice(0, 2000)}`);
    }
    return result.stdout;
  };

  let started = false;
  const stop = (): void => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch (error) {
        console.error(`pgRouting cluster: pg_ctl stop failed (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    rmSync(dir, { recursive: true, force: true });
  };
  function onSignal(signal: NodeJS.Signals): void {
    stop();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  }
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const port = await freePort();
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB`;
    started = true; // from here on, stop() tries pg_ctl stop (a half-started server is stopped too)
    run('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
    const psql = (sql: string): string => run('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres'], sql);
    psql('CREATE EXTENSION pgrouting CASCADE;');
    const postgresVersion = psql('SHOW server_version;').trim();
    const pgroutingVersion = psql('SELECT pgr_version();').trim();
    return { port, dir, postgresVersion, pgroutingVersion, psql, stop };
  } catch (error) {
    const tail = existsSync(log) ? `\n${readFileSync(log, 'utf8').split('\n').slice(-10).join('\n')}` : '';
    stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}${tail}`);
  }
}
