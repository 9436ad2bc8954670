import { useMemo } from 'react';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import { createAreaIndex } from '../../../shared/geo/areaIndex.ts';
import type { AreaIndex } from '../../../shared/geo/areaIndex.ts';
import type { CityArea } from '../../../shared/geo/coordinateSlips.ts';
import { buildGazetteerIndex } from '../../../shared/city/gazetteer.ts';
import type { GazetteerIndex } from '../../../shared/city/gazetteer.ts';
import type { CityWords } from '../calls/areaLine.ts';

export interface CityIndexes {
  areas: AreaIndex;
  gazetteer: GazetteerIndex;
  /** Inside the city's outline, and its bounding box: what typed coordinates are checked against (LO7). */
  cityArea: CityArea;
  /** How the area line names the city. */
  cityWords: CityWords;
}

/** The ward/region index, the place-search index and the city's area, built once per city from GET /api/city. */
export function useCityIndexes(city: CityLayers | null): CityIndexes | null {
  return useMemo(() => {
    if (!city) return null;
    const areas = createAreaIndex(city.boundary, city.wards);
    const cityArea: CityArea = { bounds: city.bounds, contains: (p) => areas.locate(p).isInsideMetro };
    return { areas, gazetteer: buildGazetteerIndex(city.gazetteer), cityArea, cityWords: { name: city.name, hasWards: city.wards.length > 0 } };
  }, [city]);
}
