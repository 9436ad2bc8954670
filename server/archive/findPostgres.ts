import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where `initdb`, `pg_ctl` and `postgres` live: Debian's versioned folder (newest first), then PATH. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  const debian = '/usr/lib/postgresql';
  let versioned: string[] = [];
  try {
    versioned = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => join(debian, version, 'bin'));
  } catch {
    // no Debian PostgreSQL; PATH may still have one
  }
  for (const dir of [...versioned, ...(env.PATH ?? '').split(delimiter), '/usr/local/pgsql/bin']) {
    if (dir && ['initdb', 'pg_ctl', 'postgres'].every((name) => isExecutable(join(dir, name)))) return dir;
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL refuses to run as root. When the server runs as root (a container, a CI machine), the embedded
 * database runs as the system's `postgres` account, which Debian's package creates.
 */
export function postgresAccount(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error(POSTGRES_ROOT_MESSAGE);
  return { uid: Number(uid), gid: Number(gid) };
}

export const POSTGRES_MISSING_MESSAGE =
  'No PostgreSQL server binaries (initdb, pg_ctl, postgres) were found. Emergency Connect keeps its durable record ' +
  'in PostgreSQL and starts its own when DATABASE_URL is not set. Install them (Debian/Ubuntu: `sudo apt-get install ' +
  'postgresql`; macOS: `brew install postgresql`) and run the command again, or point the system at an existing ' +
  'PostgreSQL 13+ server with DATABASE_URL=postgres://user:password@host:5432/database.';

const POSTGRES_ROOT_MESSAGE =
  'The server runs as root and PostgreSQL refuses to: there is no `postgres` system account to run the embedded ' +
  'database as. Run the server as an ordinary user, install Debian\'s postgresql package (it creates the account), ' +
  'or set DATABASE_URL to an existing PostgreSQL server.';
