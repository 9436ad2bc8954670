import { useEffect, useRef, useState, type RefObject } from 'react';
import type { FillLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import type { Coverage } from '../../../shared/coverage/coverageSchema.ts';
import { coverageBand, type CoverageBand, type CoverageGroup } from '../../../shared/coverage/coverageTargets.ts';
import { ROAD_LINE_LAYER } from './layers.ts';

/** The wards again, for the coverage colours: each feature's id is its ward number, for feature state. */
export const COVERAGE_SOURCE = 'ec-coverage';

/** [CV2] Green within target, amber up to a quarter over it, red beyond or with no unit at all. */
export const COVERAGE_BAND_COLORS: Record<CoverageBand, string> = {
  within: '#35d07f',
  near: '#ffb020',
  outside: '#ff4d4d',
};

/** [CV6] Wards coloured by their band (feature state), under the roads, units and incidents; hidden while off. */
export const COVERAGE_FILL_LAYER: FillLayerSpecification = {
  id: 'ec-coverage-fill',
  type: 'fill',
  source: COVERAGE_SOURCE,
  layout: { visibility: 'none' },
  paint: {
    'fill-color': ['match', ['coalesce', ['feature-state', 'band'], 'none'], 'within', COVERAGE_BAND_COLORS.within, 'near', COVERAGE_BAND_COLORS.near, 'outside', COVERAGE_BAND_COLORS.outside, 'rgba(0,0,0,0)'],
    'fill-opacity': 0.38,
  },
};

export function coverageFeatures(wards: CityLayers['wards']): FeatureCollection<Polygon | MultiPolygon, { ward: number }> {
  return { type: 'FeatureCollection', features: wards.map((ward) => ({ type: 'Feature', id: ward.ward, geometry: ward.geometry, properties: { ward: ward.ward } })) };
}

/** What the layer last drew: the group and the coverage's time, for the legend (and the tests) to show. */
export interface CoverageShown {
  group: CoverageGroup;
  computedAt: number;
}

/**
 * [CV6] The coverage layer of a board map: the wards' source and fill are added once the map has loaded, each ward's
 * band is set as feature state whenever the coverage or the chosen group changes (no geometry is sent again), and
 * the ward under the pointer is reported. Returns what is drawn now and the ward under the pointer.
 */
export function useCoverageLayer(
  mapRef: RefObject<MapLibreMap | null>,
  isLoaded: boolean,
  city: CityLayers,
  coverage: Coverage | null | undefined,
  group: CoverageGroup | null,
): { shown: CoverageShown | null; hoveredWard: number | null } {
  const [shown, setShown] = useState<CoverageShown | null>(null);
  const [hoveredWard, setHoveredWard] = useState<number | null>(null);
  const isEnabled = coverage !== undefined;
  const wardsRef = useRef(city.wards);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded || !isEnabled) return;
    if (!map.getSource(COVERAGE_SOURCE)) map.addSource(COVERAGE_SOURCE, { type: 'geojson', data: coverageFeatures(wardsRef.current) });
    if (!map.getLayer(COVERAGE_FILL_LAYER.id)) map.addLayer(COVERAGE_FILL_LAYER, map.getLayer(ROAD_LINE_LAYER.id) ? ROAD_LINE_LAYER.id : undefined);
    const onMove = (event: MapMouseEvent) => {
      const ward: unknown = map.queryRenderedFeatures(event.point, { layers: [COVERAGE_FILL_LAYER.id] })[0]?.properties['ward'];
      setHoveredWard(typeof ward === 'number' ? ward : null);
    };
    const onLeave = () => setHoveredWard(null);
    map.on('mousemove', COVERAGE_FILL_LAYER.id, onMove);
    map.on('mouseleave', COVERAGE_FILL_LAYER.id, onLeave);
    return () => {
      map.off('mousemove', COVERAGE_FILL_LAYER.id, onMove);
      map.off('mouseleave', COVERAGE_FILL_LAYER.id, onLeave);
    };
  }, [mapRef, isLoaded, isEnabled]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded || !map.getLayer(COVERAGE_FILL_LAYER.id)) return;
    const isVisible = group !== null && coverage !== null && coverage !== undefined;
    map.setLayoutProperty(COVERAGE_FILL_LAYER.id, 'visibility', isVisible ? 'visible' : 'none');
    if (!isVisible) {
      setShown(null);
      setHoveredWard(null);
      return;
    }
    for (const ward of coverage.wards) {
      map.setFeatureState({ source: COVERAGE_SOURCE, id: ward.ward }, { band: coverageBand(ward[group].travelSeconds, group) });
    }
    setShown({ group, computedAt: coverage.computedAt });
  }, [mapRef, isLoaded, coverage, group]);

  return { shown, hoveredWard };
}
