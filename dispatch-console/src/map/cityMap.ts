import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource, GeoJSONSourceDiff, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import { provideIncidentIcons } from './shapeIcons.ts';

// The worker ships as its own file in the build (nothing is fetched from a CDN).
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The map on screen (the newest shown), for the end-to-end tests and for support staff in the browser console. */
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

/** The maps alive, oldest first: a second map (the supervisor's figures) is shown over the board's, which stays. */
const registered: MapLibreMap[] = [];

/**
 * Puts the map on `window.ecMap`; the returned function removes the map and forgets it, and `window.ecMap` is the map
 * registered before it again (the board's, when the figures' map goes).
 */
export function registerMap(map: MapLibreMap, onRemoved: () => void): () => void {
  registered.push(map);
  window.ecMap = map;
  return () => {
    map.remove();
    const at = registered.indexOf(map);
    if (at >= 0) registered.splice(at, 1);
    if (window.ecMap === map) {
      const previous = registered.at(-1);
      if (previous) window.ecMap = previous;
      else delete window.ecMap;
    }
    onRemoved();
  };
}

/** Feeds a GeoJSON source: the only way live data reaches the map. */
export function setSourceData(map: MapLibreMap, id: string, data: FeatureCollection): void {
  void map.getSource<GeoJSONSource>(id)?.setData(data);
}

/** `setSourceData` that says when the map's worker has the data (null: no such source). */
export function feedSourceData(map: MapLibreMap, id: string, data: FeatureCollection): Promise<void> | null {
  return map.getSource<GeoJSONSource>(id)?.setData(data) ?? null;
}

/**
 * Changes some features of a GeoJSON source whose features all have ids (MapLibre's `updateData`): only the change
 * goes to the map's worker. Settles when the worker has it (null: no such source).
 */
export function updateSourceData(map: MapLibreMap, id: string, diff: GeoJSONSourceDiff): Promise<void> | null {
  return map.getSource<GeoJSONSource>(id)?.updateData(diff) ?? null;
}
