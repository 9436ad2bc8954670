import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import { provideIncidentIcons } from './shapeIcons.ts';

// The worker ships as its own file in the build (nothing is fetched from a CDN).
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The map on screen, for the end-to-end tests and for support staff in the browser console. */
    ecMap?: MapLibreMap;
  }
}

/** A north-up, flat map of the city in `container`, framed on its bounds. */
export function createCityMap(container: HTMLElement, style: StyleSpecification | string, city: CityLayers, padding: number): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style,
    bounds: city.bounds,
    fitBoundsOptions: { padding },
    attributionControl: false,
    maxPitch: 0,
    dragRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  provideIncidentIcons(map);
  return map;
}

/** Puts the map on `window.ecMap`; the returned function removes the map and forgets it. */
export function registerMap(map: MapLibreMap, onRemoved: () => void): () => void {
  window.ecMap = map;
  return () => {
    map.remove();
    if (window.ecMap === map) delete window.ecMap;
    onRemoved();
  };
}

/** Feeds a GeoJSON source: the only way live data reaches the map. */
export function setSourceData(map: MapLibreMap, id: string, data: FeatureCollection): void {
  void map.getSource<GeoJSONSource>(id)?.setData(data);
}
