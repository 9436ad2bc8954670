import { startBenchRedis } from '../benchRedis.ts';
import { startLoadGenerator, type LoadGenerator } from './startLoadGenerator.ts';
import { startServerHost, type ServerHost } from './startServerHost.ts';

/** A bench's three processes: its own Redis, the server host and the load generator (each apart from this one). */
export interface BenchProcesses {
  redisPort: number;
  host: ServerHost;
  load: LoadGenerator;
}

/** Starts Redis, the server (with `syntheticUnits`) and a load generator, runs `work`, and stops all three. */
export async function withBenchProcesses<T>(options: { syntheticUnits: number; cpuProfileDir?: string }, work: (processes: BenchProcesses) => Promise<T>): Promise<T> {
  const redis = await startBenchRedis();
  let host: ServerHost | null = null;
  let load: LoadGenerator | null = null;
  try {
    host = await startServerHost({ redisUrl: redis.url, syntheticUnits: options.syntheticUnits, passwordLog2N: 10, ...(options.cpuProfileDir ? { cpuProfileDir: options.cpuProfileDir } : {}) });
    load = startLoadGenerator();
    return await work({ redisPort: redis.port, host, load });
  } finally {
    await load?.stop();
    await host?.stop();
    await redis.cleanup();
  }
}
