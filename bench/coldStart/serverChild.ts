import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
/** The server as `npm start` and the image run it: the bundle `npm run build:server` writes. */
const BUNDLE = 'dist/server/main.mjs';

/**
 * Builds the server's bundle with the project's own command (`npm run build:server`), so that what is timed is what
 * `npm start` runs. Called once by each benchmark that spawns the server.
 */
export function buildServerBundle(): void {
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
}

/** The cold-start probe as plain JavaScript (built once), so a bundle's start is timed without tsx's loader in it. */
let builtProbe: string | null = null;
function probeScript(): string {
  if (builtProbe) return builtProbe;
  const outfile = join(mkdtempSync(join(tmpdir(), 'cad-coldstart-probe-')), 'coldStartProbe.mjs');
  buildSync({ entryPoints: [resolve(ROOT, 'bench/coldStart/coldStartProbe.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20.19', outfile, logLevel: 'warning' });
  builtProbe = outfile;
  return outfile;
}

/** The server's entry point as `npm start` runs it, with the cold-start probe preloaded when asked. */
export interface ServerChild {
  child: ChildProcess;
  /** Wall-clock time of the spawn call (ms since the epoch, fractional). */
  spawnedAt: number;
  /** Everything written on stdout (the JSON log) and stderr (the probe's lines) so far. */
  stdout(): string;
  stderr(): string;
  exit: Promise<number | null>;
  /** SIGTERM (the server drains and stops what it started), SIGKILL after `graceMs`; resolves on exit. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServerChildOptions {
  env: Record<string, string>;
  /** `bundle` (the default): the built server, as `npm start` runs it; `source`: `server/main.ts` under tsx, as `npm run dev` does. */
  entry?: 'bundle' | 'source';
  /** Preload `bench/coldStart/coldStartProbe.ts`. */
  withProbe?: boolean;
  /** Keep only the last this many characters of stdout and of stderr (a long run); default: everything. */
  keepChars?: number;
}

/**
 * Spawns the server from the repository over a bare environment plus `env`: `node --enable-source-maps [--import probe]
 * dist/server/main.mjs` (build it first: `buildServerBundle`), or `node --import tsx [--import probe] server/main.ts`.
 */
export function spawnServer(options: ServerChildOptions): ServerChild {
  const args =
    options.entry === 'source'
      ? ['--import', 'tsx', ...(options.withProbe ? ['--import', './bench/coldStart/coldStartProbe.ts'] : []), 'server/main.ts']
      : ['--enable-source-maps', ...(options.withProbe ? ['--import', probeScript()] : []), BUNDLE];
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}), ...options.env };
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const keep = options.keepChars ?? Number.POSITIVE_INFINITY;
  const tail = (text: string): string => (text.length > keep ? text.slice(-keep) : text);
  child.stdout.on('data', (chunk: Buffer) => (out = tail(out + chunk.toString())));
  child.stderr.on('data', (chunk: Buffer) => (err = tail(err + chunk.toString())));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    spawnedAt,
    stdout: () => out,
    stderr: () => err,
    exit,
    async stop(graceMs = 35_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Polls `GET url` every `pollMs` until it answers 200; the wall-clock time of that answer, or null at `timeoutMs` or the child's exit. */
export async function waitFor200(url: string, server: ServerChild, pollMs: number, timeoutMs: number): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  let hasExited = false;
  void server.exit.then(() => (hasExited = true));
  while (performance.now() < deadline && !hasExited) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.timeOrigin + performance.now();
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, pollMs));
  }
  return null;
}
