import { useMemo } from 'react';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import { createAreaIndex } from '../../../shared/geo/areaIndex.ts';
import type { AreaIndex } from '../../../shared/geo/areaIndex.ts';
import { buildGazetteerIndex } from '../../../shared/city/gazetteer.ts';
import type { GazetteerIndex } from '../../../shared/city/gazetteer.ts';

export interface CityIndexes {
  areas: AreaIndex;
  gazetteer: GazetteerIndex;
}

/** The ward/region index and the place-search index, built once per city from GET /api/city. */
export function useCityIndexes(city: CityLayers | null): CityIndexes | null {
  return useMemo(() => {
    if (!city) return null;
    return { areas: createAreaIndex(city.boundary, city.wards), gazetteer: buildGazetteerIndex(city.gazetteer) };
  }, [city]);
}
