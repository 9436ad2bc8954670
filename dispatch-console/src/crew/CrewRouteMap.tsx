import { useEffect, useRef, useState } from 'react';
import { LngLatBounds } from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createCityMap, registerMap, setSourceData } from '../map/cityMap.ts';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { Route } from '../../../shared/routing/routeSchema.ts';
import { buildCrewStyle } from '../map/cityStyle.ts';
import { BACKGROUND_COLOR, BACKGROUND_LAYER, ROUTE_COLOR, ROUTE_LINE_LAYER, SOURCE } from '../map/layers.ts';
import { crewPointsToFeatures, routesToFeatures } from '../map/features.ts';

interface CrewRouteMapProps {
  city: CityLayers;
  route: Route | null;
  /** Where the vehicle is: the device's fix, else the last one the server has. */
  self: LngLat | null;
  isLight: boolean;
}

const LIGHT_BACKGROUND = '#e9eef2';
/** On a bright map the route is a deep blue: cyan washes out in sunlight. */
const LIGHT_ROUTE_COLOR = '#0050d0';

/** The crew's one small map: the route to follow, where it leads and the vehicle. Created once; fed with `setData`. */
export function CrewRouteMap({ city, route, self, isLight }: CrewRouteMapProps) {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [isLoaded, setLoaded] = useState(false);
  const framedFor = useRef<string | null>(null);
  /** Set when the crew pans or zooms by hand: the map then stops re-framing until the destination changes. */
  const isUserView = useRef(false);
  const selfRef = useRef(self);
  selfRef.current = self;

  useEffect(() => {
    const container = containerRef.current;
    if (!container || mapRef.current) return;
    const map = createCityMap(container, buildCrewStyle(city), city, 16);
    map.on('load', () => setLoaded(true));
    const markUserView = (event: { originalEvent?: unknown }) => {
      if (event.originalEvent) isUserView.current = true;
    };
    map.on('dragstart', markUserView);
    map.on('zoomstart', markUserView);
    mapRef.current = map;
    return registerMap(map, () => {
      mapRef.current = null;
      setLoaded(false);
    });
  }, [city]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded) return;
    map.setPaintProperty(BACKGROUND_LAYER.id, 'background-color', isLight ? LIGHT_BACKGROUND : BACKGROUND_COLOR);
    map.setPaintProperty(ROUTE_LINE_LAYER.id, 'line-color', isLight ? LIGHT_ROUTE_COLOR : ROUTE_COLOR);
  }, [isLight, isLoaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded) return;
    setSourceData(map, SOURCE.routes, routesToFeatures(route ? [{ unitId: 'self', geometry: route.geometry }] : [], route?.method ?? 'straight_line'));
    setSourceData(map, SOURCE.crewPoints, crewPointsToFeatures(self, route?.destination ?? null));
  }, [route, self, isLoaded]);

  // Frame the whole route as it is refreshed (it shrinks as the vehicle closes in), unless the crew moved the map by
  // hand; a new destination always frames again.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded || !route) return;
    const frameKey = `${route.destination.kind}:${route.destination.id}`;
    if (framedFor.current !== frameKey) isUserView.current = false;
    framedFor.current = frameKey;
    if (isUserView.current) return;
    // Re-framed when a new route arrives, not on every fix: the vehicle's fix is read from a ref.
    const here = selfRef.current;
    const points = [...route.geometry, route.destination.position, ...(here ? [here] : [])];
    const first = points[0];
    if (!first) return;
    const bounds = new LngLatBounds(first, first);
    for (const p of points) bounds.extend(p);
    // A vehicle at its base (a route of a few metres) is shown with its neighbourhood, not at street-corner zoom.
    const isShort = route.distanceMeters < 500;
    map.fitBounds(bounds, { padding: 36, maxZoom: isShort ? 13 : 16, duration: 0 });
  }, [route, isLoaded]);

  // The credits go under the map, folded to one line (not over it): a phone-sized map has no room for an attribution box.
  return (
    <>
      <div ref={containerRef} className="crew-map" data-testid="crew-map" data-loaded={isLoaded ? 'true' : 'false'} />
      <details className="crew-attrib" data-testid="crew-attribution">
        <summary>Map data: sources and licences</summary>
        {city.attribution.join(' · ')}
      </details>
    </>
  );
}
