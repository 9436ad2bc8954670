import type { OsmTags } from '../../routing/osm/readOsmExtract.ts';
import { stationKindOf } from '../../routing/osm/extractStations.ts';
import { isPlaceType } from './localities.ts';

/**
 * Highway values that are not streets one can be at: planned or gone roads, and points or areas mapped as ways
 * (platforms, rest areas). Every other named highway is a street, footpaths and tracks included (hikers call too).
 */
const NOT_STREETS: ReadonlySet<string> = new Set([
  'proposed', 'construction', 'abandoned', 'disused', 'razed', 'platform', 'bus_stop', 'elevator', 'rest_area', 'services', 'corridor', 'emergency_access_point',
]);

/** Road classes, most important first: the major road of an intersection is named first. */
const ROAD_RANK = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street', 'pedestrian', 'service', 'road', 'track'];

export function isStreet(tags: OsmTags): boolean {
  const highway = tags.highway;
  return highway !== undefined && !NOT_STREETS.has(highway) && (streetNames(tags).length > 0 || refsOf(tags).length > 0);
}

/** The rank of a way's road class (lower is more important; links rank with their road). */
export function roadRank(tags: OsmTags): number {
  const rank = ROAD_RANK.indexOf((tags.highway ?? '').replace(/_link$/, ''));
  return rank === -1 ? ROAD_RANK.length : rank;
}

const trimmed = (value: string | undefined): string | null => {
  const text = value?.trim();
  return text === undefined || text === '' ? null : text;
};

export function nameOf(tags: OsmTags): string | null {
  return trimmed(tags.name);
}

/** The values of a tag that OSM separates with ";". */
const values = (value: string | undefined): string[] => (value ?? '').split(';').map((part) => part.trim()).filter((part) => part !== '');

/** A street's names: a way on two streets at once carries both, separated by ";". */
export function streetNames(tags: OsmTags): string[] {
  return values(tags.name);
}

/** A road's reference numbers ("CG-2", "M1"; several separated by ";"); a ref without a digit is a note, not a number. */
export function refsOf(tags: OsmTags): string[] {
  return values(tags.ref).filter((ref) => /\d/.test(ref));
}

/** Amenities never worth a search, even when named. */
const AMENITY_CLUTTER: ReadonlySet<string> = new Set([
  'bench', 'waste_basket', 'waste_disposal', 'recycling', 'vending_machine', 'parking_space', 'bicycle_parking', 'motorcycle_parking', 'post_box',
  'telephone', 'drinking_water', 'water_point', 'clock', 'grit_bin', 'hunting_stand', 'loading_dock', 'parking_entrance', 'bbq', 'atm', 'ticket_validator',
]);
const TOURISM: ReadonlySet<string> = new Set([
  'hotel', 'hostel', 'motel', 'guest_house', 'apartment', 'chalet', 'alpine_hut', 'wilderness_hut', 'camp_site', 'caravan_site', 'museum', 'gallery',
  'attraction', 'viewpoint', 'zoo', 'theme_park', 'aquarium', 'artwork',
]);
const LEISURE_CLUTTER: ReadonlySet<string> = new Set(['picnic_table', 'firepit', 'outdoor_seating', 'bleachers', 'bandstand']);
const RAILWAY: ReadonlySet<string> = new Set(['station', 'halt', 'tram_stop']);
const AEROWAY: ReadonlySet<string> = new Set(['aerodrome', 'heliport', 'helipad', 'terminal']);
const MAN_MADE: ReadonlySet<string> = new Set(['lighthouse', 'tower', 'water_tower', 'bridge', 'dam', 'pier', 'works', 'wastewater_plant', 'water_works']);
const NATURAL: ReadonlySet<string> = new Set(['peak', 'saddle', 'cave_entrance', 'beach', 'cape', 'volcano']);

/** "place_of_worship" → "Place of worship". */
function label(value: string): string {
  const words = value.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Shop values that already name the shop; the others read "<value> shop" ("Clothes shop"). */
const SHOP_NOUNS: ReadonlySet<string> = new Set(['supermarket', 'mall', 'department_store', 'bakery', 'butcher', 'kiosk', 'florist', 'hairdresser', 'chemist', 'optician', 'garden_centre', 'car_repair', 'convenience']);

/**
 * What a named element is, when it is worth finding in an emergency ("Hotel", "School", "Supermarket", "Railway
 * station", "Peak"), or null. Stations (hospitals, police, fire, ambulance) are left out: the pack lists them already.
 */
export function poiTypeOf(tags: OsmTags): string | null {
  if (nameOf(tags) === null || stationKindOf(tags) !== null || tags.highway !== undefined || isPlaceType(tags.place)) return null;
  const { amenity, tourism, leisure, shop, healthcare, office, historic, building } = tags;
  if (amenity !== undefined && !AMENITY_CLUTTER.has(amenity)) return amenity === 'fuel' ? 'Fuel station' : label(amenity);
  if (tourism !== undefined && TOURISM.has(tourism)) return label(tourism);
  if (tags.railway !== undefined && RAILWAY.has(tags.railway)) return tags.railway === 'tram_stop' ? 'Tram stop' : 'Railway station';
  if (tags.public_transport === 'station') return 'Station';
  if (tags.aeroway !== undefined && AEROWAY.has(tags.aeroway)) return label(tags.aeroway);
  if (leisure !== undefined && !LEISURE_CLUTTER.has(leisure)) return label(leisure);
  if (shop !== undefined) {
    if (shop === 'yes') return 'Shop';
    return SHOP_NOUNS.has(shop) ? label(shop) : `${label(shop)} shop`;
  }
  if (healthcare !== undefined) return label(healthcare);
  if (office !== undefined) return office === 'yes' ? 'Office' : `${label(office)} office`;
  if (historic !== undefined) return label(historic);
  if (tags.man_made !== undefined && MAN_MADE.has(tags.man_made)) return label(tags.man_made);
  if (tags.natural !== undefined && NATURAL.has(tags.natural)) return label(tags.natural);
  if (building !== undefined) return building === 'yes' ? 'Building' : label(building);
  return null;
}

/** The house number and the street (or named place, for addresses without a street) of an address, or null. */
export function addressOf(tags: OsmTags): { number: string; street: string } | null {
  const number = trimmed(tags['addr:housenumber']);
  const street = trimmed(tags['addr:street']) ?? trimmed(tags['addr:place']);
  return number === null || street === null ? null : { number, street };
}

/** Nodes the gazetteer reads: places, points of interest and addresses. */
export function isGazetteerNode(tags: OsmTags): boolean {
  return (isPlaceType(tags.place) && nameOf(tags) !== null) || poiTypeOf(tags) !== null || addressOf(tags) !== null;
}

/** Ways the gazetteer reads: streets, points of interest mapped as outlines, and addresses on buildings. */
export function isGazetteerWay(tags: OsmTags): boolean {
  return isStreet(tags) || poiTypeOf(tags) !== null || addressOf(tags) !== null;
}
