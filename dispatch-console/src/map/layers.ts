import type {
  BackgroundLayerSpecification,
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Region } from '../../../shared/incidents/incidentSchema.ts';
import type { PriorityLevel } from '../../../shared/incidents/priority.ts';
import type { UnitStatus } from '../../../shared/units/unitStatus.ts';
import type { FacilityKind } from '../../../shared/city/citySchema.ts';

/** Source ids: each is created once and then only fed with `setData`. */
export const SOURCE = {
  wards: 'ec-wards',
  roads: 'ec-roads',
  boundary: 'ec-boundary',
  facilities: 'ec-facilities',
  units: 'ec-units',
  incidents: 'ec-incidents',
  pick: 'ec-pick',
  /** The dispatcher's recommended routes (top unit of each kind), or a crew's route to where it is going. */
  routes: 'ec-routes',
  /** A crew's destination (incident, hospital or base) and its own position. */
  crewPoints: 'ec-crew-points',
} as const;

/**
 * Fonts for labels. The style has no `glyphs` URL, so MapLibre draws every label locally with
 * TinySDF from this CSS font list (weight read from the name); no glyph server is needed.
 */
export const LABEL_FONT = ['DejaVu Sans Bold', 'Arial Bold', 'Helvetica Bold'];

export const BACKGROUND_COLOR = '#0a1016';

export const REGION_COLORS: Record<Region, string> = {
  A: '#3f7fbf',
  B: '#3fbf9a',
  C: '#8fbf3f',
  D: '#bf9a3f',
  E: '#bf5f3f',
  F: '#9a3fbf',
  G: '#3f5fbf',
};

export const STATUS_COLORS: Record<UnitStatus, string> = {
  available: '#35d07f',
  dispatched: '#ffb020',
  en_route: '#ff8a1f',
  on_scene: '#ff4d4d',
  transporting: '#b36bff',
  at_hospital: '#4dc3ff',
  out_of_service: '#6b7280',
};

export const PRIORITY_COLORS: Record<PriorityLevel, string> = {
  echo: '#ff2d55',
  delta: '#ff7a1a',
  charlie: '#ffc21a',
  bravo: '#5ac8fa',
  alpha: '#9aa5b8',
  omega: '#6b7280',
};

export const FACILITY_COLORS: Record<FacilityKind, string> = {
  hospital: '#e07a86',
  community_health_centre: '#c08ad6',
  clinic: '#8f7aa8',
  police_station: '#5b8cff',
  fire_station: '#ff6a3d',
  ambulance_station: '#3ddc97',
};

/** The letter drawn on a facility that matters to dispatch (24-hour emergency units get "H" whatever their kind). */
export const FACILITY_MARKS: Partial<Record<FacilityKind, string>> = {
  police_station: 'P',
  fire_station: 'F',
  ambulance_station: 'A',
};

/** Road routes: bright enough to read over any ward fill and in sunlight. */
export const ROUTE_COLOR = '#39e6ff';
export const ROUTE_CASING_COLOR = '#02131a';

/** ['match', ['get', property], k1, v1, ..., fallback] from a record. */
export function matchBy(property: string, table: Record<string, string>, fallback: string): ExpressionSpecification {
  const pairs = Object.entries(table).flat();
  return ['match', ['get', property], ...pairs, fallback] as unknown as ExpressionSpecification;
}

export const BACKGROUND_LAYER: BackgroundLayerSpecification = {
  id: 'ec-background',
  type: 'background',
  paint: { 'background-color': BACKGROUND_COLOR },
};

export const WARD_FILL_LAYER: FillLayerSpecification = {
  id: 'ec-ward-fill',
  type: 'fill',
  source: SOURCE.wards,
  paint: { 'fill-color': matchBy('region', REGION_COLORS, '#334455'), 'fill-opacity': 0.13 },
};

/** [RO11] The road network, under everything live: enough to read a route against. */
export const ROAD_LINE_LAYER: LineLayerSpecification = {
  id: 'ec-road-line',
  type: 'line',
  source: SOURCE.roads,
  paint: { 'line-color': '#3a4658', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 14, 1.5, 17, 4] },
  layout: { 'line-join': 'round', 'line-cap': 'round' },
};

export const WARD_LINE_LAYER: LineLayerSpecification = {
  id: 'ec-ward-line',
  type: 'line',
  source: SOURCE.wards,
  paint: { 'line-color': '#2c3e50', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.4, 14, 1.2] },
};

export const BOUNDARY_LINE_LAYER: LineLayerSpecification = {
  id: 'ec-boundary-line',
  type: 'line',
  source: SOURCE.boundary,
  paint: { 'line-color': '#7fa7cf', 'line-width': 2.2, 'line-opacity': 0.9 },
};

export const FACILITY_CIRCLE_LAYER: CircleLayerSpecification = {
  id: 'ec-facility-circle',
  type: 'circle',
  source: SOURCE.facilities,
  paint: {
    'circle-color': ['case', ['get', 'emergency24h'], '#ff3b4f', matchBy('kind', FACILITY_COLORS, '#888888')],
    'circle-radius': ['case', ['get', 'emergency24h'], 7, ['in', ['get', 'kind'], ['literal', Object.keys(FACILITY_MARKS)]], 5, 3],
    'circle-stroke-color': ['case', ['get', 'emergency24h'], '#ffffff', '#0a1016'],
    'circle-stroke-width': ['case', ['get', 'emergency24h'], 1.5, 0.8],
    'circle-opacity': 0.85,
  },
};

/** A white "H" on hospitals with a 24-hour emergency unit, "P" on police stations, "F" on fire and "A" on ambulance stations. */
export const FACILITY_MARK_LAYER: SymbolLayerSpecification = {
  id: 'ec-facility-mark',
  type: 'symbol',
  source: SOURCE.facilities,
  filter: ['any', ['get', 'emergency24h'], ['in', ['get', 'kind'], ['literal', Object.keys(FACILITY_MARKS)]]],
  layout: {
    'text-field': ['case', ['get', 'emergency24h'], 'H', matchBy('kind', FACILITY_MARKS, '')],
    'text-font': LABEL_FONT,
    'text-size': ['case', ['get', 'emergency24h'], 10, 7],
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': '#ffffff' },
};

export const FACILITY_LABEL_LAYER: SymbolLayerSpecification = {
  id: 'ec-facility-label',
  type: 'symbol',
  source: SOURCE.facilities,
  minzoom: 12,
  layout: {
    'text-field': ['get', 'name'],
    'text-font': LABEL_FONT,
    'text-size': 10,
    'text-offset': [0, 1.1],
    'text-anchor': 'top',
    'text-optional': true,
  },
  paint: { 'text-color': '#c9a3aa', 'text-halo-color': BACKGROUND_COLOR, 'text-halo-width': 1.2 },
};

/** A dark casing under each route so the line reads over wards, boundaries and a light base map. */
export const ROUTE_CASING_LAYER: LineLayerSpecification = {
  id: 'ec-route-casing',
  type: 'line',
  source: SOURCE.routes,
  layout: { 'line-join': 'round', 'line-cap': 'round' },
  paint: { 'line-color': ROUTE_CASING_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 5, 15, 10], 'line-opacity': 0.9 },
};

export const ROUTE_LINE_LAYER: LineLayerSpecification = {
  id: 'ec-route-line',
  type: 'line',
  source: SOURCE.routes,
  layout: { 'line-join': 'round', 'line-cap': 'round' },
  paint: {
    'line-color': ROUTE_COLOR,
    'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 15, 6],
    // A straight-line estimate is drawn fainter: it is not a road.
    'line-opacity': ['case', ['==', ['get', 'method'], 'straight_line'], 0.6, 1],
  },
};

/** From this zoom every unit is labelled; below it only committed units. */
const UNIT_LABEL_MIN_ZOOM = 10.5;

export const UNIT_CIRCLE_LAYER: CircleLayerSpecification = {
  id: 'ec-unit-circle',
  type: 'circle',
  source: SOURCE.units,
  layout: { 'circle-sort-key': ['get', 'rank'] },
  paint: {
    'circle-color': matchBy('status', STATUS_COLORS, '#aaaaaa'),
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 13, 6.5],
    'circle-stroke-color': '#0a1016',
    'circle-stroke-width': 1.2,
  },
};

export const UNIT_LABEL_LAYER: SymbolLayerSpecification = {
  id: 'ec-unit-label',
  type: 'symbol',
  source: SOURCE.units,
  minzoom: UNIT_LABEL_MIN_ZOOM,
  layout: {
    'symbol-sort-key': ['-', 10, ['get', 'rank']],
    'text-field': ['get', 'callSign'],
    'text-font': LABEL_FONT,
    'text-size': 11,
    'text-offset': [0.7, 0],
    'text-anchor': 'left',
    'text-optional': true,
  },
  paint: { 'text-color': matchBy('status', STATUS_COLORS, '#dddddd'), 'text-halo-color': BACKGROUND_COLOR, 'text-halo-width': 1.5 },
};

/** [MAP4] A committed unit's call sign shows at city zoom too, where the other units' labels would crowd the map. */
export const COMMITTED_UNIT_LABEL_LAYER: SymbolLayerSpecification = {
  ...UNIT_LABEL_LAYER,
  id: 'ec-unit-label-committed',
  minzoom: 0,
  maxzoom: UNIT_LABEL_MIN_ZOOM,
  filter: ['==', ['get', 'rank'], 2],
};

export const INCIDENT_HALO_LAYER: CircleLayerSpecification = {
  id: 'ec-incident-halo',
  type: 'circle',
  source: SOURCE.incidents,
  filter: ['get', 'selected'],
  paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 20, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 },
};

/** Prefix of the incident icons `shapeIcons.ts` draws: `ec-incident-<priority>[-pending]`. */
export const INCIDENT_ICON_PREFIX = 'ec-incident-';

/** The icon of an incident: its priority, and whether it still waits for a unit (a thick white rim). */
const INCIDENT_ICON: ExpressionSpecification = ['concat', INCIDENT_ICON_PREFIX, ['get', 'priority'], ['case', ['==', ['get', 'status'], 'pending'], '-pending', '']];

/** Draw and label order of incidents: the most urgent on top and labelled first. */
const PRIORITY_SORT_KEY: ExpressionSpecification = ['match', ['get', 'priority'], 'echo', 0, 'delta', 1, 'charlie', 2, 'bravo', 3, 'alpha', 4, 5];

/** [MAP2] Incidents are diamonds (units are circles), coloured by priority; one still waiting for a unit has a white rim. */
export const INCIDENT_MARK_LAYER: SymbolLayerSpecification = {
  id: 'ec-incident-mark',
  type: 'symbol',
  source: SOURCE.incidents,
  layout: {
    'icon-image': INCIDENT_ICON,
    'icon-size': ['case', ['==', ['get', 'status'], 'pending'], 1, 0.85],
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
    // Higher keys are drawn on top: Echo last.
    'symbol-sort-key': ['-', 5, PRIORITY_SORT_KEY],
  },
};

/** [MAP3] References do not print over each other: a label that would collide is left out (the diamond stays). */
export const INCIDENT_LABEL_LAYER: SymbolLayerSpecification = {
  id: 'ec-incident-label',
  type: 'symbol',
  source: SOURCE.incidents,
  layout: {
    'text-field': ['get', 'reference'],
    'text-font': LABEL_FONT,
    'text-size': 12,
    'text-max-width': 30,
    'text-offset': [0, 1.4],
    'text-anchor': 'top',
    'text-allow-overlap': false,
    'text-optional': true,
    // Lower keys are placed first: the most urgent incident keeps its label.
    'symbol-sort-key': PRIORITY_SORT_KEY,
  },
  paint: { 'text-color': '#ffffff', 'text-halo-color': '#000000', 'text-halo-width': 2 },
};

export const PICK_LAYER: CircleLayerSpecification = {
  id: 'ec-pick',
  type: 'circle',
  source: SOURCE.pick,
  paint: { 'circle-color': 'rgba(255,255,255,0.15)', 'circle-radius': 14, 'circle-stroke-color': '#ffe14d', 'circle-stroke-width': 3 },
};

/** The crew's destination: a large ringed point in the colour of what it is. */
export const CREW_DESTINATION_LAYER: CircleLayerSpecification = {
  id: 'ec-crew-destination',
  type: 'circle',
  source: SOURCE.crewPoints,
  filter: ['==', ['get', 'role'], 'destination'],
  paint: {
    'circle-color': matchBy('kind', { incident: '#ff2d55', hospital: '#ff3b4f', base: '#35d07f' }, '#ffffff'),
    'circle-radius': 11,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 3,
  },
};

/** The crew's own vehicle: where its device (or the last fix) says it is. */
export const CREW_SELF_LAYER: CircleLayerSpecification = {
  id: 'ec-crew-self',
  type: 'circle',
  source: SOURCE.crewPoints,
  filter: ['==', ['get', 'role'], 'self'],
  paint: { 'circle-color': '#ffe14d', 'circle-radius': 9, 'circle-stroke-color': '#02131a', 'circle-stroke-width': 3 },
};

/** The crew map, bottom to top: the city lightly, the route, where it leads and the vehicle. */
export const CREW_LAYERS: readonly LayerSpecification[] = [
  ROAD_LINE_LAYER,
  WARD_LINE_LAYER,
  BOUNDARY_LINE_LAYER,
  FACILITY_CIRCLE_LAYER,
  FACILITY_MARK_LAYER,
  ROUTE_CASING_LAYER,
  ROUTE_LINE_LAYER,
  CREW_DESTINATION_LAYER,
  CREW_SELF_LAYER,
];

/** Every overlay layer, bottom to top (the background is separate so an online style can replace it). */
export const OVERLAY_LAYERS: readonly LayerSpecification[] = [
  WARD_FILL_LAYER,
  ROAD_LINE_LAYER,
  WARD_LINE_LAYER,
  BOUNDARY_LINE_LAYER,
  FACILITY_CIRCLE_LAYER,
  FACILITY_MARK_LAYER,
  FACILITY_LABEL_LAYER,
  ROUTE_CASING_LAYER,
  ROUTE_LINE_LAYER,
  UNIT_CIRCLE_LAYER,
  UNIT_LABEL_LAYER,
  COMMITTED_UNIT_LABEL_LAYER,
  PICK_LAYER,
  INCIDENT_HALO_LAYER,
  INCIDENT_MARK_LAYER,
  INCIDENT_LABEL_LAYER,
];

/** Layers whose features a click selects. */
export const CLICKABLE_INCIDENT_LAYERS = [INCIDENT_MARK_LAYER.id, INCIDENT_HALO_LAYER.id];
