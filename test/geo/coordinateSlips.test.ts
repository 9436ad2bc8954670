import { describe, expect, it } from 'vitest';
import { loadCity } from '../../server/city/loadCity.ts';
import { createAreaIndex } from '../../shared/geo/areaIndex.ts';
import { correctCoordinateSlip, type CityArea } from '../../shared/geo/coordinateSlips.ts';
import { parseCoordinates } from '../../shared/geo/parseCoordinates.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import { JOBURG_DIR } from '../city/cityPackCopy.ts';

const city = loadCity(JOBURG_DIR);
const areas = createAreaIndex(city.boundary, city.wards);
const johannesburg: CityArea = { bounds: city.bounds, contains: (p) => areas.locate(p).isInsideMetro };

function typed(text: string): LngLat {
  const parsed = parseCoordinates(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.position;
}

describe('"Did you mean…?" for typed coordinates', () => {
  it('[LO7] offers the latitude with its minus sign when the caller dropped it', () => {
    expect(correctCoordinateSlip(typed('26.2041, 28.0473'), johannesburg)).toEqual({ position: [28.0473, -26.2041], slip: 'latitude_sign' });
  });

  it('[LO7] offers latitude and longitude swapped, with or without the minus sign', () => {
    // "28.0473, -26.2041" is read as latitude 28.0473, longitude -26.2041 (the Atlantic).
    expect(correctCoordinateSlip(typed('28.0473, -26.2041'), johannesburg)).toEqual({ position: [28.0473, -26.2041], slip: 'swapped' });
    expect(correctCoordinateSlip(typed('28.0473, 26.2041'), johannesburg)).toEqual({ position: [28.0473, -26.2041], slip: 'swapped_latitude_sign' });
  });

  it('[LO7] offers nothing for a point in or near the city (a caller just over the line), or one no slip explains', () => {
    expect(correctCoordinateSlip(typed('-26.2041, 28.0473'), johannesburg)).toBeNull();
    // Ekurhuleni, a few km east of the metro: near the city, accepted as typed (IC5).
    expect(correctCoordinateSlip(typed('-26.2041, 28.25'), johannesburg)).toBeNull();
    // Cape Town: far away, and no swap or sign change brings it to Johannesburg.
    expect(correctCoordinateSlip(typed('-33.9249, 18.4241'), johannesburg)).toBeNull();
  });

  it('[LO7] prefers a correction inside the outline to one merely near the bounding box', () => {
    const square: CityArea = { bounds: [1.4, 42.4, 1.8, 42.7], contains: (p) => p[0] > 1.4 && p[0] < 1.8 && p[1] > 42.4 && p[1] < 42.7 };
    expect(correctCoordinateSlip([-1.52, 42.5], square)).toEqual({ position: [1.52, 42.5], slip: 'longitude_sign' });
    expect(correctCoordinateSlip([42.5, 1.52], square)).toEqual({ position: [1.52, 42.5], slip: 'swapped' });
    // Only near the box (inside its margin, outside the outline): still offered when nothing lands inside.
    expect(correctCoordinateSlip([-1.85, -42.5], square)).toEqual({ position: [1.85, 42.5], slip: 'both_signs' });
  });
});
