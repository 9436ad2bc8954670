import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoJSONFeatureDiff, GeoJSONSourceDiff } from 'maplibre-gl';
import type { RankingMethod } from '../../../shared/dispatch/dispatchSchema.ts';
import type { RouteDestination } from '../../../shared/routing/routeSchema.ts';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { LngLat } from '../../../shared/geo/position.ts';
import { isCommittedStatus } from '../../../shared/units/unitStatus.ts';

export interface UnitProperties {
  id: string;
  callSign: string;
  kind: Unit['kind'];
  status: Unit['status'];
  incidentId: string | null;
  /** Draw order: committed units above available ones above out-of-service ones. */
  rank: number;
}

export interface IncidentProperties {
  id: string;
  reference: string;
  priority: Incident['priority'];
  status: Incident['status'];
  type: Incident['type'];
  selected: boolean;
}

export interface FacilityProperties {
  id: string;
  name: string;
  kind: CityLayers['facilities'][number]['kind'];
  emergency24h: boolean;
}

export interface WardProperties {
  ward: number;
  region: CityLayers['wards'][number]['region'];
}

function point(position: LngLat): Point {
  return { type: 'Point', coordinates: [position[0], position[1]] };
}

/** Units sharing a base stack up: the committed one must be the one seen. */
export function unitRank(unit: Unit): number {
  if (isCommittedStatus(unit.status)) return 2;
  return unit.status === 'available' ? 1 : 0;
}

/** A unit as a map point, coloured by status and labelled with its call sign; its id is the unit's. */
export function unitToFeature(unit: Unit): Feature<Point, UnitProperties> {
  return {
    type: 'Feature',
    id: unit.id,
    geometry: point(unit.position),
    properties: unitProperties(unit),
  };
}

function unitProperties(unit: Unit): UnitProperties {
  return { id: unit.id, callSign: unit.callSign, kind: unit.kind, status: unit.status, incidentId: unit.incidentId, rank: unitRank(unit) };
}

/** Units as map points, coloured by status and labelled with their call sign. */
export function unitsToFeatures(units: Iterable<Unit>): FeatureCollection<Point, UnitProperties> {
  const features: Feature<Point, UnitProperties>[] = [];
  for (const unit of units) features.push(unitToFeature(unit));
  return { type: 'FeatureCollection', features };
}

const UNIT_PROPERTY_KEYS = ['id', 'callSign', 'kind', 'status', 'incidentId', 'rank'] as const;

/** A map-source change of units: the `updateData` diff MapLibre takes, with its lists always there. */
export type UnitsSourceDiff = Required<Pick<GeoJSONSourceDiff, 'add' | 'update'>>;

/** How a unit's map feature changed (its point, its changed properties), or null when it did not. */
function unitChange(old: Unit, unit: Unit): GeoJSONFeatureDiff | null {
  if (old === unit) return null;
  const change: GeoJSONFeatureDiff = { id: unit.id };
  if (old.position[0] !== unit.position[0] || old.position[1] !== unit.position[1]) change.newGeometry = point(unit.position);
  const was = unitProperties(old);
  const is = unitProperties(unit);
  const changed = UNIT_PROPERTY_KEYS.filter((key) => was[key] !== is[key]).map((key) => ({ key, value: is[key] }));
  if (changed.length > 0) change.addOrUpdateProperties = changed;
  return change.newGeometry || change.addOrUpdateProperties ? change : null;
}

/**
 * [RT4] What changed on the map from the units `before` (last fed to the map) to `after`, as a MapLibre
 * `updateData` diff: a moved unit's new point, a changed unit's changed properties, new units added at the end.
 * Applied to the features of `before`, it gives exactly `unitsToFeatures(Object.values(after))`, in the same order.
 * Null when it cannot (a unit gone, or the units in another order, as after a new snapshot): feed the whole
 * collection then. `ids` gives each record's `Object.keys` when the caller has them already.
 */
export function unitsSourceDiff(
  before: Readonly<Record<string, Unit>>,
  after: Readonly<Record<string, Unit>>,
  ids: { before: readonly string[]; after: readonly string[] } = { before: Object.keys(before), after: Object.keys(after) },
): UnitsSourceDiff | null {
  if (ids.after.length < ids.before.length) return null;
  const update: GeoJSONFeatureDiff[] = [];
  const add: Feature<Point, UnitProperties>[] = [];
  for (let i = 0; i < ids.after.length; i += 1) {
    const id = ids.after[i] ?? '';
    const unit = after[id];
    if (!unit) continue;
    if (i >= ids.before.length) {
      add.push(unitToFeature(unit));
      continue;
    }
    if (ids.before[i] !== id) return null;
    const old = before[id];
    const change = old ? unitChange(old, unit) : null;
    if (change) update.push(change);
  }
  return { add, update };
}

/**
 * `unitsSourceDiff` when only the units `changedIds` may differ between the records (same ids, same order): a
 * position frame's, which moves a few hundred of thousands of units. Looks at those alone.
 */
export function changedUnitsDiff(before: Readonly<Record<string, Unit>>, after: Readonly<Record<string, Unit>>, changedIds: readonly string[]): UnitsSourceDiff {
  const update: GeoJSONFeatureDiff[] = [];
  const seen = new Set<string>();
  for (const id of changedIds) {
    const old = before[id];
    const unit = after[id];
    if (!old || !unit || seen.has(id)) continue;
    seen.add(id);
    const change = unitChange(old, unit);
    if (change) update.push(change);
  }
  return { add: [], update };
}

/**
 * Open incidents as map points coloured by priority and labelled with their reference.
 * The most urgent are drawn last, so on top.
 */
export function incidentsToFeatures(incidents: Iterable<Incident>, selectedId: string | null = null): FeatureCollection<Point, IncidentProperties> {
  const open = [...incidents].filter((incident) => incident.status !== 'closed');
  const rank = (incident: Incident) => ['omega', 'alpha', 'bravo', 'charlie', 'delta', 'echo'].indexOf(incident.priority);
  open.sort((a, b) => rank(a) - rank(b));
  return {
    type: 'FeatureCollection',
    features: open.map((incident) => ({
      type: 'Feature',
      id: incident.id,
      geometry: point(incident.location),
      properties: {
        id: incident.id,
        reference: incident.reference,
        priority: incident.priority,
        status: incident.status,
        type: incident.type,
        selected: incident.id === selectedId,
      },
    })),
  };
}

export function facilitiesToFeatures(facilities: CityLayers['facilities']): FeatureCollection<Point, FacilityProperties> {
  return {
    type: 'FeatureCollection',
    features: facilities.map((facility) => ({
      type: 'Feature',
      geometry: point(facility.position),
      properties: { id: facility.id, name: facility.name, kind: facility.kind, emergency24h: facility.hasEmergencyUnit24h },
    })),
  };
}

export function wardsToFeatures(wards: CityLayers['wards']): FeatureCollection<Polygon | MultiPolygon, WardProperties> {
  return {
    type: 'FeatureCollection',
    features: wards.map((ward) => ({
      type: 'Feature',
      geometry: ward.geometry,
      properties: { ward: ward.ward, region: ward.region },
    })),
  };
}

export function boundaryToFeatures(boundary: CityLayers['boundary']): FeatureCollection<Polygon | MultiPolygon, Record<string, never>> {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: boundary, properties: {} }] };
}

/** [RO11] The road network as one multi-line feature (drawn under everything live; empty without roads). */
export function roadsToFeatures(roads: CityLayers['roads']): FeatureCollection<MultiLineString, Record<string, never>> {
  if (roads.length === 0) return { type: 'FeatureCollection', features: [] };
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'MultiLineString', coordinates: roads }, properties: {} }] };
}

/** The location a call taker picked, or nothing. */
export function pickToFeatures(position: LngLat | null): FeatureCollection<Point, Record<string, never>> {
  return { type: 'FeatureCollection', features: position ? [{ type: 'Feature', geometry: point(position), properties: {} }] : [] };
}

export interface RouteProperties {
  unitId: string;
  method: RankingMethod;
}

/** A route to draw: the unit it belongs to and its [lng, lat] path. */
export interface RouteLine {
  unitId: string;
  geometry: readonly LngLat[];
}

/** Routes as map lines; a path of fewer than two points draws nothing. */
export function routesToFeatures(routes: readonly RouteLine[], method: RankingMethod): FeatureCollection<LineString, RouteProperties> {
  return {
    type: 'FeatureCollection',
    features: routes
      .filter((route) => route.geometry.length >= 2)
      .map((route) => ({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: route.geometry.map((p) => [p[0], p[1]]) },
        properties: { unitId: route.unitId, method },
      })),
  };
}

export interface CrewPointProperties {
  role: 'self' | 'destination';
  kind: RouteDestination['kind'] | 'unit';
  name: string;
}

/** The crew map's points: its destination (if any) and its own vehicle (if known). */
export function crewPointsToFeatures(self: LngLat | null, destination: RouteDestination | null): FeatureCollection<Point, CrewPointProperties> {
  const features: Feature<Point, CrewPointProperties>[] = [];
  if (destination) features.push({ type: 'Feature', geometry: point(destination.position), properties: { role: 'destination', kind: destination.kind, name: destination.name } });
  if (self) features.push({ type: 'Feature', geometry: point(self), properties: { role: 'self', kind: 'unit', name: 'You' } });
  return { type: 'FeatureCollection', features };
}
