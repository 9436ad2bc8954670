import { useMemo } from 'react';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import { createAreaIndex } from '../../../shared/geo/areaIndex.ts';
import type { AreaIndex } from '../../../shared/geo/areaIndex.ts';
import type { CityArea } from '../../../shared/geo/coordinateSlips.ts';
import { buildGazetteerIndex } from '../../../shared/city/gazetteer.ts';
import type { GazetteerIndex } from '../../../shared/city/gazetteer.ts';

export interface CityIndexes {
  areas: AreaIndex;
  gazetteer: GazetteerIndex;
  /** Inside the city's outline, and its bounding box: what typed coordinates are checked against (LO7). */
  cityArea: CityArea;
}

/** The ward/region index, the place-search index and the city's area, built once per city from GET /api/city. */
export function useCityIndexes(city: CityLayers | null): CityIndexes | null {
  return useMemo(() => {
    if (!city) return null;
    const areas = createAreaIndex(city.boundary, city.wards);
    const cityArea: CityArea = { bounds: city.bounds, contains: (p) => areas.locate(p).isInsideMetro };
    return { areas, gazetteer: buildGazetteerIndex(city.gazetteer), cityArea };
  }, [city]);
}
