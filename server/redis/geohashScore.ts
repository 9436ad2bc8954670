import type { LngLat } from '../../shared/geo/position.ts';

/** Redis's GEO ranges (geohash.h: GEO_LONG_MIN/MAX, GEO_LAT_MIN/MAX) and its 26-bit step per axis. */
const LNG_MIN = -180;
const LNG_MAX = 180;
const LAT_MIN = -85.05112878;
const LAT_MAX = 85.05112878;
const STEP = 26;
const CELLS = 2 ** STEP;

/** The bits at the even (`odd` 0) or odd (`odd` 1) positions of a number under 2^28. */
function everyOtherBit(value: number, odd: 0 | 1): number {
  let out = 0;
  for (let i = 0; i < 14; i += 1) out |= ((value >>> (2 * i + odd)) & 1) << i;
  return out;
}

/**
 * The position Redis gives for a GEO set member's score, as GEOPOS computes it (geohash.c: geohashDecode, then the
 * cell's centre, clamped to the ranges), to a rounding of the last bit: the score is a 52-bit geohash, the latitude's bits at even positions and the
 * longitude's at odd ones. Reading a set's members WITHSCORES and decoding here spares a GEOPOS of them all.
 */
export function positionOfGeohashScore(score: number): LngLat {
  const high = Math.floor(score / CELLS);
  const low = score - high * CELLS;
  // Bits 0–25 of the hash are the low half, 26 up the high half (a point on the ranges' upper edge sets bit 52 or 53);
  // 26 is even, so the parity of a bit is the same in either.
  const latBits = everyOtherBit(low, 0) + everyOtherBit(high, 0) * 2 ** 13;
  const lngBits = everyOtherBit(low, 1) + everyOtherBit(high, 1) * 2 ** 13;
  const latScale = LAT_MAX - LAT_MIN;
  const lngScale = LNG_MAX - LNG_MIN;
  const latMin = LAT_MIN + (latBits * 1.0 / CELLS) * latScale;
  const latMax = LAT_MIN + ((latBits + 1) * 1.0 / CELLS) * latScale;
  const lngMin = LNG_MIN + (lngBits * 1.0 / CELLS) * lngScale;
  const lngMax = LNG_MIN + ((lngBits + 1) * 1.0 / CELLS) * lngScale;
  const lng = Math.min(LNG_MAX, Math.max(LNG_MIN, (lngMin + lngMax) / 2));
  const lat = Math.min(LAT_MAX, Math.max(LAT_MIN, (latMin + latMax) / 2));
  return [lng, lat];
}
