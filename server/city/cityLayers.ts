import type { AreaGeometry, CityLayers } from '../../shared/city/citySchema.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { GazetteerEntry } from '../../shared/city/gazetteer.ts';
import type { CityData } from './cityData.ts';

/** Decimal places kept in GET /api/city geometry: 5 decimals is about 1 m, finer than the source data. */
export const CITY_LAYER_DECIMALS = 5;

const SCALE = 10 ** CITY_LAYER_DECIMALS;

function roundPosition(p: LngLat): LngLat {
  return [Math.round(p[0] * SCALE) / SCALE, Math.round(p[1] * SCALE) / SCALE];
}

/** The geometry with every coordinate rounded to CITY_LAYER_DECIMALS (ring lengths unchanged, so rings stay valid). */
export function roundAreaGeometry(geometry: AreaGeometry): AreaGeometry {
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(roundPosition)) };
  }
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(roundPosition))) };
}

/** The map layers the console draws (payload of GET /api/city), with geometry rounded to about a metre. */
export function cityLayers(city: CityData, hasRoadNetwork: boolean, gazetteer: GazetteerEntry[], roads: LngLat[][] = []): CityLayers {
  return {
    name: city.name,
    timeZone: city.timeZone,
    center: roundPosition(city.center),
    bounds: city.bounds,
    boundary: roundAreaGeometry(city.boundary),
    wards: city.wards.map((w) => ({ ward: w.ward, region: w.region, geometry: roundAreaGeometry(w.geometry) })),
    facilities: city.facilities,
    hasRoadNetwork,
    attribution: city.attribution,
    gazetteer,
    roads,
  };
}
