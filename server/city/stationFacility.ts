import type { Facility } from '../../shared/city/citySchema.ts';
import type { Station } from '../routing/osm/stationSchema.ts';

/**
 * A station imported from OpenStreetMap as a facility of the city. A hospital receives patients
 * unless OSM tags it `emergency=no`: most hospitals in small extracts carry no emergency tag at all.
 */
export function stationFacility(station: Station): Facility {
  return {
    id: station.id,
    name: station.name,
    kind: station.kind,
    classification: station.kind === 'hospital' && station.emergencyDepartment === true ? 'HOSPITAL (emergency=yes)' : station.kind.toUpperCase().replace('_', ' '),
    address: '',
    hasEmergencyUnit24h: station.kind === 'hospital' && station.emergencyDepartment !== false,
    region: null,
    ward: null,
    position: station.position,
  };
}
