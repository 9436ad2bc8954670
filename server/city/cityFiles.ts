/** The file names of a Johannesburg city pack (see fixtures/README.md), inside the directory given to loadCity. */
export const CITY_FILES = {
  boundary: 'coj_municipal_boundary.geojson',
  wards: 'coj_wards_135.geojson',
  wardRegions: 'coj_ward_to_region_APPROX.csv',
  healthFacilities: 'coj_public_health_facilities_2012.geojson',
  policeStations: 'coj_saps_police_stations_2014.geojson',
  fleet: 'fleet.json',
} as const;

/** Credits shown with the map and in the README, as the data's sources ask. */
export const CITY_ATTRIBUTION: readonly string[] = [
  'Boundary and wards (2016): Municipal Demarcation Board / OCHA COD-AB, CC BY-IGO',
  'Ward regions A–G: approximate, derived from facility locations (not an official table)',
  'Public health facilities: Dept of Health inspection reports 2011/12, via OpenUp (Code for South Africa)',
  'Police stations (2014): SAPS, via afrith/sa-crime-stats',
  'Demo fleet based at real facilities and police stations, not the city’s stations',
];
