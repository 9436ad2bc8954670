import type { AreaGeometry, Facility, FleetUnit, Ward } from '../../shared/city/citySchema.ts';
import type { GazetteerEntry } from '../../shared/city/gazetteer.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { BBox } from '../../shared/geo/gridSpec.ts';
import type { CareServicesFile } from '../../shared/tickets/careServiceSchema.ts';

/** The city as loaded from its fixtures at start-up: geography, real facilities and the demo fleet. */
export type CityData = {
  name: string;
  /** The city's IANA time zone ("Africa/Johannesburg"): days, hours and references are the city's own. */
  timeZone: string;
  boundary: AreaGeometry;
  /** All wards, each with its (approximate) region. */
  wards: Ward[];
  /** Health facilities (`hf-…`) then police stations (`saps-…`). */
  facilities: Facility[];
  fleet: FleetUnit[];
  /** [LO6] The pack's gazetteer.json (streets, intersections, places, points of interest, addresses); empty without one. */
  gazetteer: GazetteerEntry[];
  /** [CC1] The pack's Care Connect line (care-services.json); null when the city runs none. */
  care: CareServicesFile | null;
  /** Centre of the bounds, degrees. */
  center: LngLat;
  bounds: BBox;
  /** Credits to show with the map (README and map attribution control). */
  attribution: string[];
};

/** Everything of the city but its fleet and gazetteer file: what the fleet generator plans from. */
export type CityGeography = Omit<CityData, 'fleet' | 'gazetteer' | 'care'>;
