import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CityData } from './cityData.ts';
import { loadCity } from './loadCity.ts';
import { loadOsmCityPack } from './loadOsmCityPack.ts';
import { OSM_PACK_FILES } from './osmCityPack.ts';

/** A city pack as the server starts it: the city, and its road graph file when it has one. */
export interface CityPack {
  city: CityData;
  /** `roads.bin` of the pack; null when the city has no road network (straight-line estimates). */
  roadGraphFile: string | null;
}

/**
 * [CP1] Loads the city pack in `dir`: a pack with a `city.json` manifest was built from an
 * OpenStreetMap extract; otherwise it is a municipal-data pack like Johannesburg's. Either may
 * carry a `roads.bin` road graph.
 */
export function loadCityPack(dir: string): CityPack {
  const city = existsSync(join(dir, OSM_PACK_FILES.manifest)) ? loadOsmCityPack(dir) : loadCity(dir);
  const roads = join(dir, OSM_PACK_FILES.roads);
  return { city, roadGraphFile: existsSync(roads) ? roads : null };
}
