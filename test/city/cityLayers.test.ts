import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../server/city/buildGazetteer.ts';
import { CityLayersSchema } from '../../shared/city/citySchema.ts';
import { cityLayers, roundAreaGeometry } from '../../server/city/cityLayers.ts';
import { loadCity } from '../../server/city/loadCity.ts';
import { JOBURG_DIR } from './cityPackCopy.ts';

const city = loadCity(JOBURG_DIR);

describe('cityLayers', () => {
  it('[CITY11] builds a GET /api/city payload that the shared schema accepts', () => {
    const layers = cityLayers(city, false, buildGazetteer(city));
    expect(CityLayersSchema.parse(layers)).toEqual(layers);
    expect(layers.hasRoadNetwork).toBe(false);
    expect(cityLayers(city, true, []).hasRoadNetwork).toBe(true);
    expect(layers.wards).toHaveLength(135);
    expect(layers.facilities).toHaveLength(162);
    expect(layers.attribution).toEqual(city.attribution);
  });

  it('[CITY11] rounds geometry to 5 decimals without dropping positions', () => {
    const layers = cityLayers(city, false, buildGazetteer(city));
    const positions = JSON.stringify(layers.boundary.coordinates).match(/-?\d+\.\d+/g) ?? [];
    for (const n of positions) expect((n.split('.')[1] ?? '').length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(roundAreaGeometry(city.boundary)).length).toBeLessThan(JSON.stringify(city.boundary).length);
    const rounded = roundAreaGeometry({ type: 'Polygon', coordinates: [[[28.123456789, -26.1], [28.2, -26.1], [28.2, -26.2], [28.123456789, -26.1]]] });
    expect(rounded.coordinates[0]?.[0]).toEqual([28.12346, -26.1]);
  });
});
