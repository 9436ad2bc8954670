/** One road class of the emergency-vehicle profile. Speeds in km/h. */
export type RoadClassSpeed = {
  /** Speed used when the way carries no usable `maxspeed` tag, km/h. */
  defaultKmh: number;
  /** Emergency vehicles under lights and siren may exceed the posted speed by this factor... */
  emergencyFactor: number;
  /** ...but never above this speed, km/h. */
  emergencyCapKmh: number;
};

/**
 * The emergency-vehicle speed profile, the one table of it. Drivable `highway` values only: anything not listed
 * (track, path, footway, cycleway, pedestrian, steps, construction, ...) is not routed on. Urban classes get +20 %
 * (capped at 70 km/h, where crossings and parked cars limit a safe response speed); fast roads +10 % capped at 130.
 */
export const ROAD_CLASS_SPEEDS: Readonly<Record<string, RoadClassSpeed>> = {
  motorway: { defaultKmh: 110, emergencyFactor: 1.1, emergencyCapKmh: 130 },
  motorway_link: { defaultKmh: 60, emergencyFactor: 1.1, emergencyCapKmh: 80 },
  trunk: { defaultKmh: 90, emergencyFactor: 1.1, emergencyCapKmh: 120 },
  trunk_link: { defaultKmh: 50, emergencyFactor: 1.1, emergencyCapKmh: 70 },
  primary: { defaultKmh: 70, emergencyFactor: 1.2, emergencyCapKmh: 100 },
  primary_link: { defaultKmh: 45, emergencyFactor: 1.2, emergencyCapKmh: 60 },
  secondary: { defaultKmh: 60, emergencyFactor: 1.2, emergencyCapKmh: 90 },
  secondary_link: { defaultKmh: 40, emergencyFactor: 1.2, emergencyCapKmh: 60 },
  tertiary: { defaultKmh: 50, emergencyFactor: 1.2, emergencyCapKmh: 70 },
  tertiary_link: { defaultKmh: 35, emergencyFactor: 1.2, emergencyCapKmh: 50 },
  unclassified: { defaultKmh: 40, emergencyFactor: 1.2, emergencyCapKmh: 70 },
  residential: { defaultKmh: 30, emergencyFactor: 1.2, emergencyCapKmh: 70 },
  living_street: { defaultKmh: 10, emergencyFactor: 1.2, emergencyCapKmh: 20 },
  service: { defaultKmh: 15, emergencyFactor: 1.2, emergencyCapKmh: 30 },
  road: { defaultKmh: 20, emergencyFactor: 1.2, emergencyCapKmh: 40 },
};

/** The fastest speed any edge can have under the profile, km/h (bounds the A* heuristic). */
export const MAX_EMERGENCY_KMH = Math.max(...Object.values(ROAD_CLASS_SPEEDS).map((c) => c.emergencyCapKmh));

/** The emergency speed on a road of `roadClass` with posted (or default) speed `postedKmh`, km/h. */
export function emergencySpeedKmh(roadClass: RoadClassSpeed, postedKmh: number): number {
  return Math.min(postedKmh * roadClass.emergencyFactor, roadClass.emergencyCapKmh);
}
