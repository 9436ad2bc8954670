import { useEffect, useRef, useState } from 'react';
import { addMapControls, useBringIntoView, usePickCursor } from '../map/mapBehaviour.ts';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { Ticket } from '../../../shared/tickets/ticketSchema.ts';
import { createCityMap, registerMap, setSourceData } from '../map/cityMap.ts';
import { buildCityStyle } from '../map/cityStyle.ts';
import { SOURCE } from '../map/layers.ts';
import { pickToFeatures } from '../map/features.ts';
import { TICKET_GROUP_LABELS, TICKET_GROUPS } from './ticketQueueOrder.ts';
import { TICKET_GROUP_COLORS, TICKET_LABEL_LAYER, TICKET_MARK_LAYER, TICKET_SOURCE, ticketsToFeatures } from './ticketLayers.ts';

interface TicketMapProps {
  city: CityLayers;
  tickets: readonly Ticket[];
  selectedId: string | null;
  now: number;
  /** The place being set for a new request. */
  pick?: LngLat | null;
  /** Clicks set the place (a request is open) rather than select a ticket. */
  pickMode?: boolean;
  /** Bring the place into view (typed or searched, not clicked). */
  followPick?: boolean;
  onTicketClick?: (ticketId: string) => void;
  onLocationPick?: (position: LngLat) => void;
}

/**
 * [CS6] A Care Connect map: the city, its tickets coloured by how they stand, and the place of a request being
 * logged. A click on a ticket selects it; with a request open, a click anywhere sets the request's place.
 */
export function TicketMap(props: TicketMapProps) {
  const { city, tickets, selectedId, now, pick = null, pickMode = false } = props;
  const containerRef = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [isLoaded, setLoaded] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || mapRef.current) return;
    const map = createCityMap(container, buildCityStyle(city), city, 24);
    addMapControls(map, city);
    map.on('load', () => {
      if (!map.getSource(TICKET_SOURCE)) map.addSource(TICKET_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer(TICKET_MARK_LAYER);
      map.addLayer(TICKET_LABEL_LAYER);
      setLoaded(true);
    });
    map.on('click', (event: MapMouseEvent) => {
      const current = latest.current;
      const hits = map.queryRenderedFeatures(event.point, { layers: [TICKET_MARK_LAYER.id] });
      const id: unknown = hits[0]?.properties['id'];
      if (typeof id === 'string' && !current.pickMode) current.onTicketClick?.(id);
      else if (current.pickMode) current.onLocationPick?.([event.lngLat.lng, event.lngLat.lat]);
    });
    map.on('mouseenter', TICKET_MARK_LAYER.id, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', TICKET_MARK_LAYER.id, () => (map.getCanvas().style.cursor = latest.current.pickMode ? 'crosshair' : ''));
    mapRef.current = map;
    return registerMap(map, () => {
      mapRef.current = null;
      setLoaded(false);
    });
    // The map is built once for the city; live data flows through the effects below.
  }, [city]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && isLoaded) void map.getSource<GeoJSONSource>(TICKET_SOURCE)?.setData(ticketsToFeatures(tickets, selectedId, now));
  }, [tickets, selectedId, now, isLoaded]);

  // The selected ticket comes into view when it is off screen.
  useBringIntoView(mapRef, isLoaded, selectedId, selectedId ? tickets.find((t) => t.id === selectedId)?.location : undefined);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded) return;
    setSourceData(map, SOURCE.pick, pickToFeatures(pick));
    if (!pick || !latest.current.followPick) return;
    if (map.getZoom() < 12 || !map.getBounds().contains(pick)) map.easeTo({ center: pick, zoom: Math.max(map.getZoom(), 14), duration: 400 });
  }, [pick, isLoaded]);

  usePickCursor(mapRef, pickMode, isLoaded);

  return (
    <div className="map-wrap">
      <div ref={containerRef} className="map" data-testid="map" data-loaded={isLoaded ? 'true' : 'false'} />
      {pickMode && <div className="map-hint">Click the map to place the request</div>}
      <div className="map-legend" aria-label="Map legend" data-testid="ticket-map-legend">
        <span className="legend-head">Tickets</span>
        {TICKET_GROUPS.map((group) => (
          <span key={group}>
            <i className="dot" style={{ background: TICKET_GROUP_COLORS[group] }} />
            {TICKET_GROUP_LABELS[group]}
          </span>
        ))}
        {props.onLocationPick && (
          <span>
            <i className="dot pick-swatch" />
            Place being logged
          </span>
        )}
      </div>
    </div>
  );
}
