import { resolve } from 'node:path';
import { forkCallChild, type CallChild } from './ipcCalls.ts';
import type { LoadCalls } from './loadProtocol.ts';

export type LoadGenerator = CallChild<LoadCalls> & { stop(): Promise<void> };

/**
 * Forks a load generator (bench/load/loadGenerator.ts; its message API is in bench/load/loadProtocol.ts). `stop`
 * closes its channel, which ends it, and waits for the exit.
 */
export function startLoadGenerator(): LoadGenerator {
  // `LOAD_PROFILE_DIR=/some/dir`: the generator runs under `--cpu-prof` and leaves its profile there (where its CPU goes).
  const profileDir = process.env.LOAD_PROFILE_DIR;
  const child = forkCallChild<LoadCalls>(resolve(import.meta.dirname, 'loadGenerator.ts'), { execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  return {
    ...child,
    async stop() {
      if (child.child.exitCode === null && child.child.connected) child.child.disconnect();
      await child.exited;
    },
  };
}
