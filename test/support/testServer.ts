import { resolve } from 'node:path';
import { createCadServer, type CadServer, type CadServerOptions } from '../../server/app/createCadServer.ts';
import type { CityData } from '../../server/city/cityData.ts';
import { loadCity } from '../../server/city/loadCity.ts';
import type { EmbeddedRedis } from '../../server/redis/embeddedRedis.ts';
import { startTestRedis } from './testRedis.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let joburg: CityData | null = null;

/** The Johannesburg city pack, loaded once per test file. */
export function joburgCity(): CityData {
  joburg ??= loadCity(resolve(ROOT, 'fixtures/joburg'));
  return joburg;
}

export interface TestServer {
  url: string;
  server: CadServer;
  redis: EmbeddedRedis;
  close(): Promise<void>;
}

/**
 * Starts a real redis-server and one server instance on free ports, with the Johannesburg city
 * and fleet, serving the built console when it has been built.
 */
export async function startTestServer(options: Partial<Omit<CadServerOptions, 'redisUrl'>> = {}): Promise<TestServer> {
  const redis = await startTestRedis();
  const server = await createCadServer({ city: joburgCity(), consoleDir: resolve(ROOT, 'dispatch-console/dist'), ...options, redisUrl: redis.url });
  return {
    url: server.url,
    server,
    redis,
    async close() {
      await server.close();
      await redis.cleanup();
    },
  };
}
