import type { Facility, FacilityKind } from '../../../shared/city/citySchema.ts';
import type { CommandError } from '../../../shared/errors/errorCodes.ts';
import { UNIT_KIND_AGENCY, UNIT_KINDS, type Agency, type UnitKind } from '../../../shared/units/unitKinds.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';

/** The id prefix of a kind the fleet has no unit of yet: the call-sign prefixes of the imported packs' demo fleets. */
const DEFAULT_PREFIX: Record<UnitKind, string> = {
  als: 'als',
  bls: 'bls',
  fire_engine: 'eng',
  rescue: 'res',
  aerial_ladder: 'lad',
  hazmat: 'haz',
  command: 'cmd',
  metro_police: 'pol',
};

/** The prefix most of a kind's ids start with (Johannesburg's police cars are `jmpd-…`), else the kind's default. */
function prefixOf(kind: UnitKind, units: readonly Unit[]): string {
  const counts = new Map<string, number>();
  for (const unit of units) {
    if (unit.kind !== kind) continue;
    const prefix = unit.id.split('-')[0] ?? '';
    if (prefix !== '' && prefix !== unit.id) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const [best] = [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  return best ? best[0] : DEFAULT_PREFIX[kind];
}

/**
 * [FL3] The unit id offered for a new vehicle of `kind`: its kind's prefix and the number after the highest of the
 * `prefix-NN` ids (`als-07` after `als-06`; `als-01` where the ids are `als-a01`…), never an id the fleet has. Pure.
 */
export function suggestUnitId(kind: UnitKind, units: readonly Unit[]): string {
  const prefix = prefixOf(kind, units);
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  const highest = units.reduce((max, unit) => Math.max(max, Number(pattern.exec(unit.id)?.[1] ?? 0)), 0);
  const taken = new Set<string>(units.map((unit) => unit.id));
  let n = highest + 1;
  while (taken.has(`${prefix}-${String(n).padStart(2, '0')}`)) n += 1;
  return `${prefix}-${String(n).padStart(2, '0')}`;
}

/** What a typed unit id becomes: ids are kept in lowercase, so capitals are taken as meant. */
export function typedUnitId(text: string): string {
  return text.toLowerCase();
}

export const FACILITY_KIND_LABELS: Record<FacilityKind, string> = {
  fire_station: 'Fire station',
  ambulance_station: 'Ambulance station',
  hospital: 'Hospital',
  community_health_centre: 'Community health centre',
  clinic: 'Clinic',
  police_station: 'Police station',
};

/** The same, short, for the picker's narrow kind column. */
export const FACILITY_KIND_SHORT: Record<FacilityKind, string> = {
  fire_station: 'Fire stn',
  ambulance_station: 'Amb stn',
  hospital: 'Hospital',
  community_health_centre: 'CHC',
  clinic: 'Clinic',
  police_station: 'Police',
};

/**
 * [FL3] Where an agency's vehicles stand, most fitting first: fire stations for Fire & Rescue (then police stations
 * and hospitals, where Johannesburg's demo engines stand: its fire stations have no public coordinates), ambulance
 * stations and hospitals for EMS, police stations for Metro Police. Any facility may be a base.
 */
const BASE_ORDER: Record<Agency, readonly FacilityKind[]> = {
  fire: ['fire_station', 'police_station', 'hospital', 'community_health_centre', 'ambulance_station', 'clinic'],
  ems: ['ambulance_station', 'hospital', 'community_health_centre', 'clinic', 'fire_station', 'police_station'],
  metro_police: ['police_station', 'fire_station', 'ambulance_station', 'hospital', 'community_health_centre', 'clinic'],
};

/** The facility kinds a kind of vehicle is meant to stand at. */
const SUITED: Record<Agency, readonly FacilityKind[]> = {
  fire: ['fire_station'],
  ems: ['ambulance_station', 'hospital'],
  metro_police: ['police_station'],
};

/** Whether a facility is of a kind the vehicle is meant to stand at (a fire station for an engine). */
export function isSuitedBase(kind: UnitKind, facility: Facility): boolean {
  return SUITED[UNIT_KIND_AGENCY[kind]].includes(facility.kind);
}

/** Lowercase words without accents: "Hôpital" is found by "hopital". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * [FL3] The bases offered for a vehicle of `kind`: every facility whose name, address or kind holds each typed word,
 * the most fitting kinds first (BASE_ORDER), then by name. An empty search lists them all. Pure.
 */
export function searchBases(kind: UnitKind, facilities: readonly Facility[], typed: string): Facility[] {
  const order = BASE_ORDER[UNIT_KIND_AGENCY[kind]];
  const words = folded(typed).split(/\s+/).filter((word) => word !== '');
  const matches = facilities.filter((facility) => {
    const text = folded(`${facility.name} ${facility.address} ${FACILITY_KIND_LABELS[facility.kind]}`);
    return words.every((word) => text.includes(word));
  });
  return matches.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
}

/** One kind's units for the fleet list, by call sign, with how many are available. */
export interface KindGroup {
  kind: UnitKind;
  units: Unit[];
  available: number;
}

/** [FL2] The fleet by kind in the kinds' own order (ambulances first), each by call sign (numbers in order). Pure. */
export function fleetByKind(units: readonly Unit[]): KindGroup[] {
  return UNIT_KINDS.map((kind) => {
    const ofKind = units.filter((unit) => unit.kind === kind).sort((a, b) => a.callSign.localeCompare(b.callSign, 'en', { numeric: true }));
    return { kind, units: ofKind, available: ofKind.filter((unit) => unit.status === 'available').length };
  });
}

/** Puts the answered unit in the list, in place of the one of its id or added. Pure. */
export function withUnit(units: readonly Unit[] | null, unit: Unit): Unit[] | null {
  if (!units) return null;
  return units.some((u) => u.id === unit.id) ? units.map((u) => (u.id === unit.id ? unit : u)) : [...units, unit];
}

/** One problem with a field of the Add a vehicle form, in plain words. */
const FIELD_TEXT: Record<string, string> = {
  kind: 'Kind: choose the kind of vehicle.',
  unitId: 'Unit id: 2 to 40 lowercase letters, digits or dashes, no spaces (e.g. als-07).',
  callSign: 'Call sign: type it as the radio says it, up to 24 characters.',
  baseId: 'Base: choose the station or hospital the vehicle stands at from the list.',
};

/** The fields with problems (from a zod issue path or the server's `issues`), each once, in form order. */
export function vehicleFieldProblems(paths: readonly string[]): string[] {
  return Object.keys(FIELD_TEXT)
    .filter((field) => paths.some((path) => path === field || path.startsWith(`${field}.`)))
    .map((field) => FIELD_TEXT[field] ?? field);
}

/** [FL1] What went wrong adding the vehicle `unitId`, in plain words. */
export function addVehicleErrorText(error: CommandError, unitId: string): string {
  if (error.code === 'unit_exists') return `The fleet already has a unit ${unitId}. Choose another id.`;
  if (error.code === 'validation_failed' && error.issues) {
    const problems = vehicleFieldProblems(error.issues.map((issue) => issue.path));
    if (problems.length > 0) return problems.join(' ');
  }
  return formatCommandError(error);
}
