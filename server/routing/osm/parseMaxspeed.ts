/** km/h per mph. */
const KMH_PER_MPH = 1.609344;

/** Implicit `maxspeed` values (`CC:type`), km/h. `XX` holds the defaults for countries not listed. */
const IMPLICIT_MAXSPEEDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  XX: { urban: 50, rural: 90, trunk: 100, motorway: 120, living_street: 20, walk: 6, school: 30, bicycle_road: 30 },
  ZA: { urban: 60, rural: 100, motorway: 120 },
  FR: { urban: 50, rural: 80, trunk: 110, motorway: 130 },
  ES: { urban: 50, rural: 90, trunk: 100, motorway: 120 },
  AD: { urban: 50, rural: 90 },
  GB: { nsl_single: 60 * KMH_PER_MPH, nsl_dual: 70 * KMH_PER_MPH, motorway: 70 * KMH_PER_MPH },
  US: { urban: 25 * KMH_PER_MPH },
};

/**
 * Parses an OSM `maxspeed` value to km/h: plain numbers (km/h), `"30 mph"`, `"50 km/h"`, implicit values such
 * as `"ZA:urban"`, `"FR:rural"`, `"DE:zone30"`, `"walk"`; for a list (`"50;30"`) the lowest. Returns null for
 * values that carry no number (`none`, `signals`, `variable`, unknown implicit types): the road class decides.
 */
export function parseMaxspeed(value: string | undefined): number | null {
  if (value === undefined) return null;
  let lowest: number | null = null;
  for (const part of value.split(';')) {
    const kmh = parseOne(part.trim().toLowerCase());
    if (kmh !== null && kmh > 0 && (lowest === null || kmh < lowest)) lowest = kmh;
  }
  return lowest;
}

function parseOne(text: string): number | null {
  const numeric = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?$/.exec(text);
  if (numeric !== null) {
    const n = Number(numeric[1]);
    if (numeric[2] === 'mph') return n * KMH_PER_MPH;
    if (numeric[2] === 'knots') return n * 1.852;
    return n;
  }
  if (text === 'walk') return IMPLICIT_MAXSPEEDS.XX?.walk ?? null;
  const zone = /zone:?(\d+)$/.exec(text);
  if (zone !== null) return Number(zone[1]);
  const implicit = /^([a-z]{2}):([a-z_]+)$/.exec(text);
  if (implicit === null) return null;
  const country = (implicit[1] ?? '').toUpperCase();
  const type = implicit[2] ?? '';
  return IMPLICIT_MAXSPEEDS[country]?.[type] ?? IMPLICIT_MAXSPEEDS.XX?.[type] ?? null;
}
