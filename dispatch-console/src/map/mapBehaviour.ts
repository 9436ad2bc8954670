import { useEffect, type RefObject } from 'react';
import { AttributionControl, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { LngLat } from '../../../shared/geo/position.ts';

/**
 * Where a map's credits go: over it (a board map); under it, shown by the panel (a small map, which the attribution
 * box would mostly cover); or also folded behind MapLibre's (i) button, where an online base map brings credits of its own.
 */
export type MapCredits = 'over' | 'under' | 'folded';

/** The controls every board map carries: the credits, zoom buttons and a metric scale. */
export function addMapControls(map: MapLibreMap, city: CityLayers, credits: MapCredits = 'over'): void {
  if (credits !== 'under') map.addControl(new AttributionControl({ compact: credits === 'folded', customAttribution: city.attribution }), 'bottom-right');
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
}

/**
 * A city overview in a panel (the figures' coverage map) keeps the whole city framed as its box changes size (the
 * window resized, the panel laid out again), until someone pans or zooms it by hand.
 */
export function keepCityFramed(map: MapLibreMap, city: CityLayers, padding: number): void {
  let isUserView = false;
  const markUserView = (event: { originalEvent?: unknown }) => {
    if (event.originalEvent) isUserView = true;
  };
  map.on('dragstart', markUserView);
  map.on('zoomstart', markUserView);
  map.on('resize', () => {
    if (!isUserView) map.fitBounds(city.bounds, { padding, duration: 0 });
  });
}

/** How far inside the map's edges (its controls) a selected mark must be to count as in view, pixels. */
const IN_VIEW_MARGIN = 60;

/**
 * [MAP1][CS6] Selecting an incident or a ticket brings it into view when it is off screen or under the map's edge
 * controls. Only a change of selection (or of where the selected mark is) moves the map, not every live update.
 */
export function useBringIntoView(mapRef: RefObject<MapLibreMap | null>, isLoaded: boolean, selectedId: string | null, at: LngLat | null | undefined): void {
  const lng = at?.[0];
  const lat = at?.[1];
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded || lng === undefined || lat === undefined) return;
    const { x, y } = map.project([lng, lat]);
    const canvas = map.getCanvas();
    const isInView = x > IN_VIEW_MARGIN && y > IN_VIEW_MARGIN && x < canvas.clientWidth - IN_VIEW_MARGIN && y < canvas.clientHeight - IN_VIEW_MARGIN;
    if (!isInView) map.easeTo({ center: [lng, lat], duration: 400 });
  }, [mapRef, selectedId, lng, lat, isLoaded]);
}

/** A crosshair over the map while a click places a location. */
export function usePickCursor(mapRef: RefObject<MapLibreMap | null>, pickMode: boolean, isLoaded: boolean): void {
  useEffect(() => {
    const map = mapRef.current;
    if (map) map.getCanvas().style.cursor = pickMode ? 'crosshair' : '';
  }, [mapRef, pickMode, isLoaded]);
}
