import { booleanPointInPolygon, distance as turfDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../../shared/geo/position.ts';
import { seededRandom } from '../support/seededRandom.ts';
import { loadCityGeography } from '../../server/city/loadCityGeography.ts';
import { createAreaIndex, type AreaLocation } from '../../shared/geo/areaIndex.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import { JOBURG_DIR } from '../city/cityPackCopy.ts';

const city = loadCityGeography(JOBURG_DIR);
const index = createAreaIndex(city.boundary, city.wards);

const JOHANNESBURG_CBD: LngLat = [28.0473, -26.2041];
const PRETORIA: LngLat = [28.1881, -25.7461];
const CAPE_TOWN: LngLat = [18.4241, -33.9249];


/** The reference answer: test every ward in order, then the boundary. */
function bruteForceLocate(p: LngLat): AreaLocation {
  const ward = city.wards.find((w) => booleanPointInPolygon(p, w.geometry)) ?? null;
  const isInsideMetro = ward !== null || booleanPointInPolygon(p, city.boundary);
  return { ward: ward?.ward ?? null, region: ward?.region ?? null, isInsideMetro };
}

describe('createAreaIndex', () => {
  it('[GEO1] places central Johannesburg in a ward and region inside the metro', () => {
    const where = index.locate(JOHANNESBURG_CBD);
    expect(where.ward).not.toBeNull();
    expect(where.region).toBe('F');
    expect(where.isInsideMetro).toBe(true);
    expect(where).toEqual(bruteForceLocate(JOHANNESBURG_CBD));
  });

  it('[GEO1] places Pretoria and Cape Town outside the metro, in no ward', () => {
    for (const p of [PRETORIA, CAPE_TOWN]) {
      expect(index.locate(p)).toEqual({ ward: null, region: null, isInsideMetro: false });
    }
  });

  it('[GEO1] places every police station in its own ward', () => {
    for (const station of city.facilities.filter((f) => f.kind === 'police_station')) {
      expect(index.locate(station.position).ward, station.name).toBe(station.ward);
    }
  });

  it('[GEO2] agrees with a brute-force scan of every ward on 500 random points over the bounds', () => {
    const random = seededRandom(20240601);
    const [west, south, east, north] = city.bounds;
    let inside = 0;
    for (let i = 0; i < 500; i += 1) {
      const p: LngLat = [west + random() * (east - west), south + random() * (north - south)];
      const expected = bruteForceLocate(p);
      expect(index.locate(p), `point ${p.join(',')}`).toEqual(expected);
      if (expected.isInsideMetro) inside += 1;
    }
    // The sample really exercises both sides of the boundary.
    expect(inside).toBeGreaterThan(100);
    expect(inside).toBeLessThan(450);
  });

  it('[GEO2] agrees with brute force on ward vertices and edge midpoints (shared edges)', () => {
    for (const ward of city.wards.slice(0, 20)) {
      const ring = ward.geometry.type === 'Polygon' ? ward.geometry.coordinates[0] : ward.geometry.coordinates[0]?.[0];
      for (const vertex of (ring ?? []).filter((_, i) => i % 15 === 0)) {
        expect(index.locate(vertex)).toEqual(bruteForceLocate(vertex));
      }
    }
  });

  it('[GEO3] answers a lookup without scanning every ward: no lookup tests more than a handful of polygons', () => {
    expect(city.wards).toHaveLength(135);
    expect(index.maxCandidatesPerLookup).toBeGreaterThan(0);
    expect(index.maxCandidatesPerLookup).toBeLessThanOrEqual(8);
  });

  it('[GEO1] treats NaN and far-away positions as outside', () => {
    expect(index.locate([Number.NaN, -26.2]).isInsideMetro).toBe(false);
    expect(index.locate([0, 0]).ward).toBeNull();
  });
});

describe('distanceMeters', () => {
  it('[GEO4] is zero for the same point and symmetric', () => {
    expect(distanceMeters(JOHANNESBURG_CBD, JOHANNESBURG_CBD)).toBe(0);
    expect(distanceMeters(JOHANNESBURG_CBD, PRETORIA)).toBe(distanceMeters(PRETORIA, JOHANNESBURG_CBD));
  });

  it('[GEO4] matches turf to within a millimetre per kilometre (Johannesburg–Pretoria ≈ 53 km, –Cape Town ≈ 1,270 km)', () => {
    for (const p of [PRETORIA, CAPE_TOWN]) {
      const expected = turfDistance(JOHANNESBURG_CBD, p, { units: 'meters' });
      expect(Math.abs(distanceMeters(JOHANNESBURG_CBD, p) - expected)).toBeLessThan(expected * 1e-6);
    }
    expect(distanceMeters(JOHANNESBURG_CBD, PRETORIA) / 1000).toBeCloseTo(53.3, 0);
  });
});
