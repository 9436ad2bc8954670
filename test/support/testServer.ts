import { resolve } from 'node:path';
import { createCadServer, type CadServer, type CadServerOptions } from '../../server/app/createCadServer.ts';
import type { CityData } from '../../server/city/cityData.ts';
import { loadCityPack, type CityPack } from '../../server/city/loadCityPack.ts';
import type { EmbeddedRedis } from '../../server/redis/embeddedRedis.ts';
import { startTestRedis } from './testRedis.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const packs = new Map<string, CityPack>();

/** A city pack by folder (relative to the repository), loaded once per test file. */
export function cityPack(dir: string): CityPack {
  const known = packs.get(dir);
  if (known) return known;
  const pack = loadCityPack(resolve(ROOT, dir));
  packs.set(dir, pack);
  return pack;
}

/** The Johannesburg city (no road network). */
export function joburgCity(): CityData {
  return cityPack('fixtures/joburg').city;
}

export interface TestServer {
  url: string;
  server: CadServer;
  redis: EmbeddedRedis;
  close(): Promise<void>;
}

/**
 * Starts a real redis-server and one server instance on free ports, with a city pack (Johannesburg
 * unless `cityDir` names another) and its fleet, serving the built console when it has been built.
 */
export async function startTestServer(options: Partial<Omit<CadServerOptions, 'redisUrl'>> & { cityDir?: string } = {}): Promise<TestServer> {
  const redis = await startTestRedis();
  const { cityDir = 'fixtures/joburg', ...serverOptions } = options;
  const pack = cityPack(cityDir);
  const server = await createCadServer({ city: pack.city, roadGraphFile: pack.roadGraphFile, consoleDir: resolve(ROOT, 'dispatch-console/dist'), ...serverOptions, redisUrl: redis.url });
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
