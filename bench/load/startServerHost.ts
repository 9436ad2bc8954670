import { SERVER_NODE_OPTIONS } from './serverNodeOptions.ts';
import { resolve } from 'node:path';
import { forkCallChild, type CallChild } from './ipcCalls.ts';
import type { HostCalls, HostReady, HostStart } from './serverHostProtocol.ts';

export interface ServerHost extends CallChild<HostCalls> {
  ready: HostReady;
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>;
}

/**
 * Forks the server host (bench/load/serverHost.ts; its API in serverHostProtocol.ts) and starts the server in it.
 * It runs with the V8 options the server is deployed with (scripts/start.sh, the Dockerfile).
 * `cpuProfileDir`: the host runs with `--cpu-prof` and writes its profile there when it stops.
 */
export async function startServerHost(options: HostStart & { cpuProfileDir?: string }): Promise<ServerHost> {
  const { cpuProfileDir, ...start } = options;
  const child = forkCallChild<HostCalls>(resolve(import.meta.dirname, 'serverHost.ts'), { execArgv: [...SERVER_NODE_OPTIONS, ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])] });
  try {
    const ready = await child.call('start', start);
    return {
      ...child,
      ready,
      async stop() {
        if (child.child.exitCode === null) await child.call('stop', {}).catch(() => undefined);
        await child.exited;
      },
    };
  } catch (error) {
    child.child.kill('SIGTERM');
    throw error;
  }
}
