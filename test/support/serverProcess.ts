import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface StartedServer {
  child: ChildProcess;
  /** The URL it printed, or null when it exited first. */
  url: string | null;
  exit: Promise<{ code: number | null; output: string }>;
  /** Everything it has written so far (stdout and stderr). */
  output(): string;
}

/**
 * Runs `command` from the repository with `env` over a bare environment (the simulator and the demo AVL off unless
 * `env` turns them on) until it prints the server's URL or exits.
 */
export function runUntilUrl(command: string, args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<StartedServer> {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', PORT: '0', SIMULATOR: 'off', DEMO_AVL: 'off', ...env } });
  let output = '';
  const exit = new Promise<{ code: number | null; output: string }>((done) => child.on('exit', (code) => done({ code, output })));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      // Stopped (it stops what it started) rather than left running past the test.
      child.kill('SIGTERM');
      fail(new Error(`neither a URL nor an exit within ${timeoutMs / 1000} s: ${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /Open (http:\/\/[^\s"]+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        done({ child, url: found[1], exit, output: () => output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exit.then(() => {
      clearTimeout(timer);
      done({ child, url: null, exit, output: () => output });
    });
  });
}

/**
 * Runs the server's entry point (`server/main.ts`, as `npm start` does) on `dataDir` (embedded Redis and PostgreSQL
 * unless `REDIS_URL` and `DATABASE_URL` are given), logging at `info`.
 */
export function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<StartedServer> {
  return runUntilUrl(process.execPath, ['--import', 'tsx', 'server/main.ts'], { DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env }, 120_000);
}
