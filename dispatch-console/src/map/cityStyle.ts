import type { FeatureCollection } from 'geojson';
import type { SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import { BACKGROUND_LAYER, CREW_LAYERS, OVERLAY_LAYERS, SOURCE } from './layers.ts';
import { boundaryToFeatures, facilitiesToFeatures, pickToFeatures, roadsToFeatures, wardsToFeatures } from './features.ts';


/** The city's GeoJSON sources; live sources (units, incidents, pick) start empty. */
export function citySources(city: CityLayers): Record<string, SourceSpecification> {
  const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });
  const attribution = city.attribution.join(' · ');
  return {
    [SOURCE.wards]: { type: 'geojson', data: wardsToFeatures(city.wards), attribution },
    [SOURCE.roads]: { type: 'geojson', data: roadsToFeatures(city.roads) },
    [SOURCE.boundary]: { type: 'geojson', data: boundaryToFeatures(city.boundary) },
    [SOURCE.facilities]: { type: 'geojson', data: facilitiesToFeatures(city.facilities) },
    [SOURCE.units]: { type: 'geojson', data: empty() },
    [SOURCE.incidents]: { type: 'geojson', data: empty() },
    [SOURCE.pick]: { type: 'geojson', data: pickToFeatures(null) },
    [SOURCE.routes]: { type: 'geojson', data: empty() },
    [SOURCE.crewPoints]: { type: 'geojson', data: empty() },
  };
}

/**
 * A complete offline style: no tiles, no sprite, and no `glyphs` URL, so MapLibre draws label
 * text from local fonts. Nothing is fetched from the network.
 */
export function buildCityStyle(city: CityLayers): StyleSpecification {
  return {
    version: 8,
    name: `${city.name} dispatch (offline)`,
    center: [city.center[0], city.center[1]],
    zoom: 10,
    sources: citySources(city),
    layers: [BACKGROUND_LAYER, ...OVERLAY_LAYERS],
  };
}

/** The crew's small map: the same offline city, with only what a crew needs on top (route, destination, itself). */
export function buildCrewStyle(city: CityLayers): StyleSpecification {
  return { ...buildCityStyle(city), name: `${city.name} crew route (offline)`, layers: [BACKGROUND_LAYER, ...CREW_LAYERS] };
}
