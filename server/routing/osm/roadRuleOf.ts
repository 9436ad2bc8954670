import { emergencySpeedKmh, ROAD_CLASS_SPEEDS } from './roadSpeeds.ts';
import { onewayOf } from './onewayOf.ts';
import { parseMaxspeed } from './parseMaxspeed.ts';
import type { OsmTags } from './readOsmExtract.ts';

/** How an emergency vehicle drives one way: speeds in km/h along and against the node order, 0 where not allowed. */
export type RoadRule = { forwardKmh: number; backwardKmh: number };

const DENIED = new Set(['no']);
const ALLOWED = new Set(['yes', 'designated', 'permissive', 'emergency']);

/** Whether the access tags shut emergency vehicles out (`access=no` or `motor_vehicle=no` without `emergency=yes`). */
function isClosed(tags: OsmTags): boolean {
  if (tags.emergency !== undefined && ALLOWED.has(tags.emergency)) return false;
  return [tags.access, tags.vehicle, tags.motor_vehicle, tags.motorcar].some((v) => v !== undefined && DENIED.has(v));
}

/**
 * The emergency profile's rule for a way [RO1], or null when the way is not routed on: not a drivable `highway`
 * (see ROAD_CLASS_SPEEDS), an area, closed by access tags, or reversible. Speed from `maxspeed` (per direction
 * with `maxspeed:forward`/`:backward`) else by class, then the class's emergency factor and cap.
 */
export function roadRuleOf(tags: OsmTags): RoadRule | null {
  const roadClass = tags.highway === undefined ? undefined : ROAD_CLASS_SPEEDS[tags.highway];
  if (roadClass === undefined || tags.area === 'yes' || isClosed(tags)) return null;
  const direction = onewayOf(tags);
  if (direction === null) return null;
  const posted = parseMaxspeed(tags.maxspeed) ?? roadClass.defaultKmh;
  const forward = parseMaxspeed(tags['maxspeed:forward']) ?? posted;
  const backward = parseMaxspeed(tags['maxspeed:backward']) ?? posted;
  return {
    forwardKmh: direction.forward ? emergencySpeedKmh(roadClass, forward) : 0,
    backwardKmh: direction.backward ? emergencySpeedKmh(roadClass, backward) : 0,
  };
}
