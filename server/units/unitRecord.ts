import { UnitSchema, type Unit } from '../../shared/units/unitSchema.ts';

/** A unit hash as Redis holds it: every value a string. */
export type UnitRecord = Record<string, string>;

/** Parses a unit hash into a validated `Unit`; throws when the stored record is damaged. */
export function unitFromRecord(record: UnitRecord): Unit {
  return UnitSchema.parse({
    id: record.id,
    callSign: record.callSign,
    kind: record.kind,
    agency: record.agency,
    baseId: record.baseId,
    baseName: record.baseName,
    status: record.status,
    statusAt: Number(record.statusAt),
    incidentId: record.incidentId ? record.incidentId : null,
    position: [Number(record.lng), Number(record.lat)],
    fixAt: Number(record.fixAt),
    destinationId: record.destinationId ? record.destinationId : null,
    unansweredAt: record.unansweredAt ? Number(record.unansweredAt) : null,
    crew: record.crew ? (JSON.parse(record.crew) as unknown) : [],
  });
}

/** The hash fields of a unit, as HSET arguments. */
export function unitToFields(unit: Unit): string[] {
  return [
    'id', unit.id,
    'callSign', unit.callSign,
    'kind', unit.kind,
    'agency', unit.agency,
    'baseId', unit.baseId,
    'baseName', unit.baseName,
    'status', unit.status,
    'statusAt', String(unit.statusAt),
    'incidentId', unit.incidentId ?? '',
    'lng', String(unit.position[0]),
    'lat', String(unit.position[1]),
    'fixAt', String(unit.fixAt),
    'destinationId', unit.destinationId ?? '',
    'unansweredAt', unit.unansweredAt === null ? '' : String(unit.unansweredAt),
  ];
}

const CALL_SIGN_ORDER = new Intl.Collator();

/** The board's order of units: by call sign (as `localeCompare`, with one collator for the many comparisons of a board). */
export const byCallSign = (a: Pick<Unit, 'callSign'>, b: Pick<Unit, 'callSign'>): number => CALL_SIGN_ORDER.compare(a.callSign, b.callSign);
