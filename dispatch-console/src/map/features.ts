import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
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

/** Units as map points, coloured by status and labelled with their call sign. */
export function unitsToFeatures(units: Iterable<Unit>): FeatureCollection<Point, UnitProperties> {
  const features: Feature<Point, UnitProperties>[] = [];
  for (const unit of units) {
    features.push({
      type: 'Feature',
      id: unit.id,
      geometry: point(unit.position),
      properties: { id: unit.id, callSign: unit.callSign, kind: unit.kind, status: unit.status, incidentId: unit.incidentId, rank: unitRank(unit) },
    });
  }
  return { type: 'FeatureCollection', features };
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
