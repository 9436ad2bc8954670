import { describe, expect, it } from 'vitest';
import { parseCoordinates, type CoordinateFormat } from '../../shared/geo/parseCoordinates.ts';
import type { LngLat } from '../../shared/geo/position.ts';

/** Johannesburg CBD: -26.2041, 28.0473 (26°12'14.76"S 28°02'50.28"E; S 26° 12.246' E 28° 2.838'). */
const CBD: LngLat = [28.0473, -26.2041];

function expectPosition(text: string, expected: LngLat, format: CoordinateFormat, tolerance = 1e-5): void {
  const result = parseCoordinates(text);
  if (!result.ok) throw new Error(`${JSON.stringify(text)} was rejected: ${result.reason}`);
  expect(result.format, text).toBe(format);
  expect(Math.abs(result.position[0] - expected[0]), `${text} longitude ${result.position[0]}`).toBeLessThan(tolerance);
  expect(Math.abs(result.position[1] - expected[1]), `${text} latitude ${result.position[1]}`).toBeLessThan(tolerance);
}

function expectReason(text: string, reason: string | RegExp): void {
  const result = parseCoordinates(text);
  if (result.ok) throw new Error(`${JSON.stringify(text)} was accepted as ${result.position.join(', ')}`);
  if (typeof reason === 'string') expect(result.reason, text).toBe(reason);
  else expect(result.reason, text).toMatch(reason);
}

describe('parseCoordinates: good inputs', () => {
  it('[LO1] reads Johannesburg CBD from every notation to within 1e-5 degrees, in [lng, lat] order', () => {
    const decimal = [
      '-26.2041, 28.0473',
      '-26.2041 28.0473',
      '-26.2041,28.0473',
      '-26.2041; 28.0473',
      '26.2041 S, 28.0473 E',
      '26.2041S 28.0473E',
      'S 26.2041 E 28.0473',
      's 26.2041, e 28.0473',
      '26.2041° S, 28.0473° E',
      '-26.2041° 28.0473°',
      '28.0473 E, 26.2041 S',
      'E 28.0473 S 26.2041',
      '26.2041 South, 28.0473 East',
      '\u221226.2041, 28.0473',
    ];
    for (const text of decimal) expectPosition(text, CBD, 'decimal');
    const dms = [
      `26°12'14.76"S 28°02'50.28"E`,
      `26°12′14.76″S 28°2′50.28″E`,
      `26°12'14.76''S 28°02'50.28''E`,
      `26º12’14.76”S, 28º02’50.28”E`,
      '26 12 14.76 S 28 2 50.28 E',
      'S 26 12 14.76 E 28 2 50.28',
      `-26°12'14.76" 28°02'50.28"`,
      '-26 12 14.76 28 2 50.28',
    ];
    for (const text of dms) expectPosition(text, CBD, 'dms');
    const dm = [`S 26° 12.246' E 28° 2.838'`, `26°12.246'S 28°2.838'E`, '26 12.246 S, 28 2.838 E', '-26 12.246, 28 2.838'];
    for (const text of dm) expectPosition(text, CBD, 'dm');
  });

  it('[LO1] reads the forms as a phone app shows them (rounded to 0.1" or 0.001\')', () => {
    expectPosition(`26°12'14.8"S 28°02'50.3"E`, CBD, 'dms', 1e-4);
    expectPosition('26 12 14.8 S 28 2 50.3 E', CBD, 'dms', 1e-4);
    expectPosition(`S 26° 12.247' E 28° 2.838'`, CBD, 'dm', 1e-4);
  });

  it('[LO1] tolerates whitespace: leading, trailing, tabs, newlines, none and non-breaking spaces', () => {
    for (const text of ['  -26.2041 ,  28.0473  ', '-26.2041\t28.0473', '-26.2041\n28.0473', 'S26.2041E28.0473', '26.2041\u00a0S,\u00a028.0473\u00a0E']) {
      expectPosition(text, CBD, 'decimal');
    }
  });

  it('[LO1] handles both hemispheres: letters give the sign, a sign agreeing with the letter is accepted', () => {
    expectPosition('40.7128 N, 74.0060 W', [-74.006, 40.7128], 'decimal');
    expectPosition('N 51 30 26 W 0 7 39', [-(7 / 60 + 39 / 3600), 51 + 30 / 60 + 26 / 3600], 'dms');
    expectPosition('35.6762, 139.6503', [139.6503, 35.6762], 'decimal');
    expectPosition('-33.9249 S, 18.4241 E', [18.4241, -33.9249], 'decimal');
    expectPosition('+26.2041 N, 28.0473 E', [28.0473, 26.2041], 'decimal');
    expectPosition('-26.2041 S, -28.0473 W', [-28.0473, -26.2041], 'decimal');
  });

  it('[LO1] reads "lng, lat" only when the first value cannot be a latitude', () => {
    expectPosition('139.6503, 35.6762', [139.6503, 35.6762], 'decimal');
    expectPosition('-122.4194 37.7749', [-122.4194, 37.7749], 'decimal');
    // Ambiguous: both within ±90, so the human lat, lng order holds even if the caller meant GeoJSON order.
    expectPosition('28.0473, -26.2041', [-26.2041, 28.0473], 'decimal');
  });

  it('[LO1] returns a position the LngLat schema accepts at the Web Mercator edge', () => {
    expectPosition('85.05, 180', [180, 85.05], 'decimal');
    expectPosition('-85.05112878, -180', [-180, -85.05112878], 'decimal');
  });
});

describe('parseCoordinates: bad inputs', () => {
  it('[LO1] rejects empty and blank input', () => {
    expectReason('', 'empty input: give a latitude and a longitude');
    expectReason('   \t ', 'empty input: give a latitude and a longitude');
  });

  it('[LO1] rejects a single number or a single coordinate', () => {
    expectReason('-26.2041', 'a single number (-26.2041) is not a position: give a latitude and a longitude');
    expectReason('26.2041 S', /^only one coordinate found \("26\.2041 S"\)/);
    expectReason(`26°12'14.8"S`, /^only one coordinate found/);
  });

  it('[LO1] rejects garbage, naming what it could not read', () => {
    expectReason('Helen Joseph Hospital', 'unexpected "Helen": expected numbers and N, S, E or W');
    expectReason('-26.2041, 28.0473 #', 'unexpected character "#"');
    expectReason('S, E', 'no numbers found: give a latitude and a longitude');
    expectReason('26. S 28 E', '"26." is not a number');
    expectReason('1, 2, 3', 'found 3 coordinates: expected a latitude and a longitude');
    expectReason('-26,2041 28,0473', 'found 3 coordinates: write decimals with a point, not a comma ("6,2")');
    expectReason('-26.2041 28.0473 100', 'cannot tell latitude from longitude in "-26.2041 28.0473 100": separate them with a comma or N/S/E/W');
  });

  it('[LO1] rejects minutes or seconds of 60 or more', () => {
    expectReason('26 75 S 28 2 E', 'minutes must be below 60 (got 75)');
    expectReason(`26°60'0"S 28°2'50"E`, 'minutes must be below 60 (got 60)');
    expectReason(`26°12'61.5"S 28°2'50"E`, 'seconds must be below 60 (got 61.5)');
  });

  it('[LO1] rejects a latitude beyond Web Mercator and a longitude beyond ±180', () => {
    expectReason('86, 28', 'latitude must be within ±85.05112878 (Web Mercator) (got 86)');
    expectReason('95 S, 28 E', 'latitude must be within ±85.05112878 (Web Mercator) (got -95)');
    expectReason('-26.2, 181', 'longitude must be within ±180 (got 181)');
    expectReason('200, 95', 'latitude must be within ±85.05112878 (Web Mercator) (got 95)');
    expectReason('28 E, 190 W', 'both coordinates are longitudes (E/W): "28 E" and "190 W"');
    expectReason('28 E, 190', 'latitude must be within ±85.05112878 (Web Mercator) (got 190)');
  });

  it('[LO1] rejects a hemisphere letter that contradicts the sign, and two letters on one axis', () => {
    expectReason('-26.2041 N, 28.0473 E', 'the sign of -26.2041 contradicts hemisphere N in "-26.2041 N"');
    expectReason('26.2041 S, -28.0473 E', 'the sign of -28.0473 contradicts hemisphere E in "-28.0473 E"');
    expectReason('26.2 S, 28.0 N', 'both coordinates are latitudes (N/S): "26.2 S" and "28.0 N"');
    expectReason('26.2 E 28.0 W', 'both coordinates are longitudes (E/W): "26.2 E" and "28.0 W"');
  });

  it('[LO1] rejects misplaced marks, signed minutes, fractional degrees before minutes and mixed notations', () => {
    expectReason(`26'12°S 28°2'E`, /^minute mark after 26 in .*: degrees expected there$/);
    expectReason('26 -12 S 28 2 E', 'minutes cannot carry a sign (got -12); put the sign on the degrees');
    expectReason('26.5 12 S 28 2 E', 'degrees must be a whole number when minutes follow (got 26.5)');
    expectReason('26 12.5 14 S 28 2 50 E', 'minutes must be a whole number when seconds follow (got 12.5)');
    expectReason('26 12 14 S 28.04 E', 'the two coordinates use different notations: "26 12 14 S" and "28.04 E"');
    expectReason('26 12 14 5 S 28 2 50 1 E', /^too many numbers in "26 12 14 5 S"/);
    expectReason('S E 28', 'S has no number after it');
    expectReason('S 26 12 E', 'E has no number after it');
    expectReason(`° 26 28`, 'degree sign ° has no number before it');
  });
});
