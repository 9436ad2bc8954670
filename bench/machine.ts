import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { findRedisServer } from '../server/redis/findRedisServer.ts';

/** The machine a run was measured on. */
export interface Machine {
  nproc: number;
  cpu: string;
  ramGiB: number;
  node: string;
  redis: string;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function redisVersion(): string {
  const binary = findRedisServer();
  if (!binary) return 'not found';
  const output = execFileSync(binary, ['--version'], { encoding: 'utf8' });
  return /v=(\S+)/.exec(output)?.[1] ?? output.trim();
}

export function describeMachine(): Machine {
  return {
    nproc: availableParallelism(),
    cpu: cpuModel(),
    ramGiB: Math.round((totalmem() / 1_073_741_824) * 10) / 10,
    node: process.version,
    redis: redisVersion(),
  };
}
