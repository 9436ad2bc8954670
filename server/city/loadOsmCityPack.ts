import { bbox as turfBBox, centroid } from '@turf/turf';
import { z } from 'zod';
import type { LngLat } from '../../shared/geo/position.ts';
import type { BBox } from '../../shared/geo/gridSpec.ts';
import { StationSchema } from '../routing/osm/stationSchema.ts';
import type { CityData } from './cityData.ts';
import { CityDataError } from './CityDataError.ts';
import { loadGazetteerFile } from './gazetteerFile.ts';
import { loadCareServicesFile } from './careServicesFile.ts';
import { loadFleet } from './loadFleet.ts';
import { BoundaryFileSchema, CityManifestSchema, OSM_PACK_FILES } from './osmCityPack.ts';
import { labelBy, parseFixtureEnvelope, parseFixtureRecords } from './parseFixtureRecords.ts';
import { readFixtureJson } from './readFixtureFile.ts';
import { stationFacility } from './stationFacility.ts';

const StationsFileSchema = z.object({ attribution: z.string(), source: z.string(), stations: z.array(z.unknown()) });

/**
 * Reads a city pack built by `npm run city:import` (city.json, boundary.geojson, stations.json,
 * fleet.json, gazetteer.json when present; roads.bin is loaded by the router). Throws CityDataError naming the
 * file and record.
 */
export function loadOsmCityPack(dir: string): CityData {
  const manifestFile = readFixtureJson(dir, OSM_PACK_FILES.manifest);
  const manifest = parseFixtureEnvelope(manifestFile.file, CityManifestSchema, manifestFile.json);
  const boundaryFile = readFixtureJson(dir, OSM_PACK_FILES.boundary);
  const { geometry: boundary } = parseFixtureEnvelope(boundaryFile.file, BoundaryFileSchema, boundaryFile.json);
  const stationsFile = readFixtureJson(dir, OSM_PACK_FILES.stations);
  const { stations: rawStations } = parseFixtureEnvelope(stationsFile.file, StationsFileSchema, stationsFile.json);
  const stations = parseFixtureRecords(stationsFile.file, rawStations, StationSchema, labelBy('station', [['id'], ['name']]));
  if (stations.length === 0) throw new CityDataError(stationsFile.file, null, 'no stations: the fleet has nowhere to stand');
  const facilities = stations.map(stationFacility);
  const [west, south, east, north] = turfBBox(boundary);
  const bounds: BBox = [west, south, east, north];
  const center = centroid(boundary).geometry.coordinates as LngLat;
  return {
    name: manifest.name,
    timeZone: manifest.timeZone,
    boundary,
    wards: [],
    facilities,
    fleet: loadFleet(dir, facilities),
    gazetteer: loadGazetteerFile(dir).entries,
    care: loadCareServicesFile(dir),
    center,
    bounds,
    // The manifest's credits already cover the gazetteer the importer wrote beside it.
    attribution: manifest.attribution,
  };
}
