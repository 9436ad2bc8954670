import type { OsmTags } from './readOsmExtract.ts';

/** Which ways along its node order a road may be driven. */
export type Direction = { forward: boolean; backward: boolean };

const YES = new Set(['yes', 'true', '1']);
const REVERSE = new Set(['-1', 'reverse']);
const NO = new Set(['no', 'false', '0']);

/**
 * One-way rules [RO2]: `oneway=yes|true|1` forward only, `oneway=-1|reverse` backward only, `oneway=no` both;
 * otherwise `junction=roundabout|circular` and `highway=motorway|motorway_link` imply forward only.
 * `oneway=reversible` (direction changes by time of day) is not routed on: null.
 */
export function onewayOf(tags: OsmTags): Direction | null {
  const oneway = tags.oneway?.toLowerCase();
  if (oneway === 'reversible') return null;
  if (oneway !== undefined && YES.has(oneway)) return { forward: true, backward: false };
  if (oneway !== undefined && REVERSE.has(oneway)) return { forward: false, backward: true };
  if (oneway !== undefined && NO.has(oneway)) return { forward: true, backward: true };
  const implied =
    tags.junction === 'roundabout' || tags.junction === 'circular' || tags.highway === 'motorway' || tags.highway === 'motorway_link';
  return { forward: true, backward: !implied };
}
