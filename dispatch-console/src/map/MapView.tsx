import { useEffect, useRef, useState } from 'react';
import { addMapControls, keepCityFramed, useBringIntoView, usePickCursor } from './mapBehaviour.ts';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { createCityMap, feedSourceData, registerMap, setSourceData, updateSourceData } from './cityMap.ts';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import { buildCityStyle, citySources } from './cityStyle.ts';
import { CLICKABLE_INCIDENT_LAYERS, FACILITY_COLORS, OVERLAY_LAYERS, PRIORITY_COLORS, ROUTE_COLOR, SOURCE, STATUS_COLORS } from './layers.ts';
import { PRIORITY_LABELS, type PriorityLevel } from '../../../shared/incidents/priority.ts';
import { UNIT_STATUSES, UNIT_STATUS_LABELS } from '../../../shared/units/unitStatus.ts';
import { changedUnitsDiff, incidentsToFeatures, pickToFeatures, routesToFeatures, unitsSourceDiff, unitsToFeatures } from './features.ts';
import type { RouteLine } from './features.ts';
import type { RankingMethod } from '../../../shared/dispatch/dispatchSchema.ts';
import type { Coverage } from '../../../shared/coverage/coverageSchema.ts';
import type { CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';
import { useCoverageLayer } from './coverageLayer.ts';
import { positionFrameShown } from '../realtime/positionFrameTiming.ts';
import { unitIdsOf, unitsMovedFrom } from '../realtime/liveState.ts';
import { CoverageControl } from '../coverage/CoverageControl.tsx';

// The bundler moves the worker file; tell MapLibre where it went.

interface MapViewProps {
  city: CityLayers;
  units: Readonly<Record<string, Unit>>;
  incidents: Readonly<Record<string, Incident>>;
  selectedId: string | null;
  /** The routes of the recommended units (top of each kind) for the selected incident. */
  routes?: readonly RouteLine[];
  routeMethod?: RankingMethod;
  pick: LngLat | null;
  pickMode: boolean;
  /** Bring the picked point into view (when it was typed or searched, not clicked). */
  followPick?: boolean;
  onIncidentClick: (incidentId: string) => void;
  onLocationPick: (position: LngLat) => void;
  /** [CV6] The city's live coverage (null until read); absent where the role may not read it: no coverage switch. */
  coverage?: Coverage | null;
  /** The coverage group shown when the map opens (off unless given). */
  initialCoverageGroup?: CoverageGroup | null;
  /**
   * [CV7] The coverage group chosen by the screen around the map (the figures' counts): the map then offers no switch
   * of its own, only the legend.
   */
  coverageGroup?: CoverageGroup;
  /** A small map in a panel: the coverage legend above it and the credits under it (not over it), no legend of marks. */
  compact?: boolean;
}

const NO_ROUTES: readonly RouteLine[] = [];
/** Pixels between the city's bounds and the map's edges when it is framed. */
const CITY_PADDING = 24;

/** Adds the city's sources and layers on top of an online base style. */
function addOverlay(map: MapLibreMap, city: CityLayers): void {
  for (const [id, source] of Object.entries(citySources(city))) {
    if (!map.getSource(id)) map.addSource(id, source);
  }
  for (const layer of OVERLAY_LAYERS) {
    if (!map.getLayer(layer.id)) map.addLayer(layer);
  }
}

/** The one MapLibre map: created once, its live sources only ever updated with `setData`. */
export function MapView(props: MapViewProps) {
  const { city, units, incidents, selectedId, pick, pickMode, routes = NO_ROUTES, routeMethod = 'straight_line' } = props;
  const containerRef = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  /** The units the map's unit source holds (null: none yet, on a new map). */
  const fedUnits = useRef<Readonly<Record<string, Unit>> | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const [isLoaded, setLoaded] = useState(false);
  const [ownCoverageGroup, setCoverageGroup] = useState<CoverageGroup | null>(props.initialCoverageGroup ?? null);
  const coverageGroup = props.coverageGroup ?? ownCoverageGroup;
  const coverageLayer = useCoverageLayer(mapRef, isLoaded, city, props.coverage, coverageGroup);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || mapRef.current) return;
    const onlineStyle = import.meta.env.VITE_MAP_STYLE_URL;
    const map = createCityMap(container, onlineStyle ? onlineStyle : buildCityStyle(city), city, CITY_PADDING);
    addMapControls(map, city, !callbacks.current.compact ? 'over' : onlineStyle ? 'folded' : 'under');
    if (callbacks.current.compact) {
      // A map in a scrolling panel zooms on Ctrl + wheel only: the wheel alone keeps scrolling the panel past it.
      map.cooperativeGestures.enable();
      keepCityFramed(map, city, CITY_PADDING);
    }
    map.on('load', () => {
      if (onlineStyle) addOverlay(map, city);
      setLoaded(true);
    });
    map.on('click', (event: MapMouseEvent) => {
      const hits = map.queryRenderedFeatures(event.point, { layers: CLICKABLE_INCIDENT_LAYERS });
      const id: unknown = hits[0]?.properties['id'];
      if (typeof id === 'string' && !callbacks.current.pickMode) {
        callbacks.current.onIncidentClick(id);
        return;
      }
      callbacks.current.onLocationPick([event.lngLat.lng, event.lngLat.lat]);
    });
    for (const layer of CLICKABLE_INCIDENT_LAYERS) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    mapRef.current = map;
    return registerMap(map, () => {
      mapRef.current = null;
      fedUnits.current = null;
      setLoaded(false);
    });
    // The map is built once for the city; live data flows through the effects below.
  }, [city]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded) return;
    // [RT4] Only what changed since the units last fed goes to the map (the whole collection the first time, or
    // when units left or came in another order).
    const before = fedUnits.current;
    fedUnits.current = units;
    const moved = before ? unitsMovedFrom(units, before) : null;
    const diff = !before ? null : moved ? changedUnitsDiff(before, units, moved) : unitsSourceDiff(before, units, { before: unitIdsOf(before), after: unitIdsOf(units) });
    const fed = !diff
      ? feedSourceData(map, SOURCE.units, unitsToFeatures(Object.values(units)))
      : diff.add.length + diff.update.length > 0
        ? updateSourceData(map, SOURCE.units, diff)
        : null;
    // Ends the User Timing of a position frame that brought these units (nothing when a delta did).
    positionFrameShown(fed);
  }, [units, isLoaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && isLoaded) setSourceData(map, SOURCE.incidents, incidentsToFeatures(Object.values(incidents), selectedId));
  }, [incidents, selectedId, isLoaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && isLoaded) setSourceData(map, SOURCE.routes, routesToFeatures(routes, routeMethod));
  }, [routes, routeMethod, isLoaded]);

  // [MAP1] Selecting an incident brings it into view when it is off screen or under the map's edge controls.
  useBringIntoView(mapRef, isLoaded, selectedId, selectedId ? incidents[selectedId]?.location : undefined);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded) return;
    setSourceData(map, SOURCE.pick, pickToFeatures(pick));
    if (!pick || !callbacks.current.followPick) return;
    const [west, south, east, north] = callbacks.current.city.bounds;
    const isInCity = pick[0] >= west && pick[0] <= east && pick[1] >= south && pick[1] <= north;
    if (!isInCity) {
      // Outside the city the map draws nothing: show the point against the city instead.
      const box: [number, number, number, number] = [Math.min(west, pick[0]), Math.min(south, pick[1]), Math.max(east, pick[0]), Math.max(north, pick[1])];
      map.fitBounds(box, { padding: 48, duration: 400 });
    } else if (map.getZoom() < 12 || !map.getBounds().contains(pick)) {
      map.easeTo({ center: pick, zoom: Math.max(map.getZoom(), 14), duration: 400 });
    }
  }, [pick, isLoaded]);

  usePickCursor(mapRef, pickMode, isLoaded);

  return (
    <div className={props.compact ? 'map-wrap compact' : 'map-wrap'}>
      <div ref={containerRef} className="map" data-testid="map" data-loaded={isLoaded ? 'true' : 'false'} />
      {pickMode && <div className="map-hint">Click the map to place the incident</div>}
      {props.coverage !== undefined && (
        <CoverageControl
          coverage={props.coverage}
          group={coverageGroup}
          onGroup={props.coverageGroup === undefined ? setCoverageGroup : undefined}
          shown={coverageLayer.shown}
          hoveredWard={coverageLayer.hoveredWard}
        />
      )}
      {props.compact ? (
        <details className="map-credits" data-testid="map-credits">
          <summary>Map data: sources and licences</summary>
          {city.attribution.join(' · ')}
        </details>
      ) : (
        <MapLegend />
      )}
    </div>
  );
}

const LEGEND_PRIORITIES: readonly PriorityLevel[] = ['echo', 'delta', 'charlie', 'bravo', 'alpha'];

/** [MAP5] Every mark the map draws: units (circles) by status, incidents (diamonds) by priority, routes, facilities. */
function MapLegend() {
  return (
    <div className="map-legend" aria-label="Map legend" data-testid="map-legend">
      <span className="legend-head">Units</span>
      {UNIT_STATUSES.map((status) => (
        <span key={status} data-status={status}>
          <i className="dot" style={{ background: STATUS_COLORS[status] }} />
          {UNIT_STATUS_LABELS[status]}
        </span>
      ))}
      <span className="legend-head">Incidents</span>
      {LEGEND_PRIORITIES.map((priority) => (
        <span key={priority} data-priority={priority}>
          <i className="diamond" style={{ background: PRIORITY_COLORS[priority] }} />
          {PRIORITY_LABELS[priority].split(' ')[0]}
        </span>
      ))}
      <span>
        <i className="diamond waiting" />
        White rim: no unit yet
      </span>
      <span><i className="route-swatch" style={{ background: ROUTE_COLOR }} />Recommended route</span>
      <span><i className="dot hospital">H</i>24h emergency unit</span>
      <span><i className="dot mark" style={{ background: FACILITY_COLORS.police_station }}>P</i>Police station</span>
      <span><i className="dot mark" style={{ background: FACILITY_COLORS.fire_station }}>F</i>Fire station</span>
      <span><i className="dot mark" style={{ background: FACILITY_COLORS.ambulance_station }}>A</i>Ambulance station</span>
    </div>
  );
}
