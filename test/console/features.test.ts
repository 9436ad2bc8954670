import { describe, expect, it } from 'vitest';
import { crewPointsToFeatures, incidentsToFeatures, roadsToFeatures, routesToFeatures, unitsToFeatures, wardsToFeatures } from '../../dispatch-console/src/map/features.ts';
import { buildCityStyle } from '../../dispatch-console/src/map/cityStyle.ts';
import { OVERLAY_LAYERS, SOURCE } from '../../dispatch-console/src/map/layers.ts';
import type { CityLayers } from '../../shared/city/citySchema.ts';
import { makeIncident, makeUnit } from './fixtures.ts';

describe('unitsToFeatures', () => {
  it('makes one point per unit with call sign and status', () => {
    const fc = unitsToFeatures([makeUnit('als-b03', { status: 'en_route', position: [28.1, -26.1] })]);
    expect(fc.features).toHaveLength(1);
    const feature = fc.features[0];
    expect(feature?.geometry.coordinates).toEqual([28.1, -26.1]);
    expect(feature?.properties).toMatchObject({ id: 'als-b03', callSign: 'ALS-B03', status: 'en_route', rank: 2 });
    expect(unitsToFeatures([makeUnit('x', { status: 'out_of_service' })]).features[0]?.properties.rank).toBe(0);
  });
});

describe('incidentsToFeatures', () => {
  it('labels with the reference, marks the selected one, leaves closed out, and puts echo on top', () => {
    const fc = incidentsToFeatures(
      [
        makeIncident('EC-1', { priority: 'echo' }),
        makeIncident('EC-2', { priority: 'charlie' }),
        makeIncident('EC-3', { status: 'closed' }),
      ],
      'EC-2',
    );
    expect(fc.features.map((f) => f.properties.reference)).toEqual(['EC-2', 'EC-1']);
    expect(fc.features.find((f) => f.properties.id === 'EC-2')?.properties.selected).toBe(true);
    expect(fc.features.find((f) => f.properties.id === 'EC-1')?.properties.selected).toBe(false);
  });
});

const square = { type: 'Polygon' as const, coordinates: [[[28, -26], [28.1, -26], [28.1, -26.1], [28, -26]]] as [number, number][][] };
const city: CityLayers = {
  name: 'Johannesburg',
  timeZone: 'Africa/Johannesburg',
  center: [28.05, -26.2],
  bounds: [27.7, -26.6, 28.3, -25.9],
  boundary: square,
  wards: [{ ward: 1, region: 'G', geometry: square }],
  facilities: [],
  hasRoadNetwork: false,
  attribution: ['City of Johannesburg open data'],
  gazetteer: [],
  roads: [[[28, -26], [28.05, -26.02], [28.1, -26]]],
};

describe('buildCityStyle', () => {
  it('is fully offline: no glyphs, sprite or remote sources', () => {
    const style = buildCityStyle(city);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('has a source for every layer', () => {
    const style = buildCityStyle(city);
    for (const layer of OVERLAY_LAYERS) {
      if ('source' in layer) expect(style.sources[layer.source]).toBeDefined();
    }
    expect(style.sources[SOURCE.units]).toBeDefined();
    expect(wardsToFeatures(city.wards).features[0]?.properties.region).toBe('G');
  });
});

describe('routes on the map', () => {
  it('[DS5] draws each route with two or more points as a line tagged with its unit and method', () => {
    const fc = routesToFeatures(
      [
        { unitId: 'als-f03', geometry: [[1.52, 42.5], [1.53, 42.51]] },
        { unitId: 'bls-f01', geometry: [[1.52, 42.5]] },
      ],
      'road_network',
    );
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]?.geometry.coordinates).toEqual([[1.52, 42.5], [1.53, 42.51]]);
    expect(fc.features[0]?.properties).toEqual({ unitId: 'als-f03', method: 'road_network' });
  });

  it('puts the crew’s destination and its own vehicle on its map', () => {
    const fc = crewPointsToFeatures([1.5, 42.5], { kind: 'hospital', id: 'h1', name: 'Hospital', position: [1.52, 42.51] });
    expect(fc.features.map((f) => f.properties.role)).toEqual(['destination', 'self']);
    expect(crewPointsToFeatures(null, null).features).toEqual([]);
  });
});

describe('[RO11] the road network on the map', () => {
  it('[RO11] is one multi-line feature under the live layers, empty for a city without roads', () => {
    const roads = roadsToFeatures(city.roads);
    expect(roads.features[0]?.geometry.coordinates).toEqual(city.roads);
    expect(roadsToFeatures([]).features).toEqual([]);
    const ids = OVERLAY_LAYERS.map((layer) => layer.id);
    expect(ids.indexOf('ec-road-line')).toBeGreaterThan(-1);
    expect(ids.indexOf('ec-road-line')).toBeLessThan(ids.indexOf('ec-route-line'));
    expect(ids.indexOf('ec-road-line')).toBeLessThan(ids.indexOf('ec-unit-circle'));
    expect(buildCityStyle(city).sources[SOURCE.roads]).toBeDefined();
  });
});
