import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { inTransaction } from '../server/archive/inTransaction.ts';
import type { FleetUnit, Ward } from '../shared/city/citySchema.ts';
import { agenciesForPlan, INCIDENT_TYPES, type IncidentTypeId } from '../shared/incidents/incidentTypes.ts';
import { IncidentSchema, type Assignment, type AssignmentStep, type Incident } from '../shared/incidents/incidentSchema.ts';
import type { PriorityLevel } from '../shared/incidents/priority.ts';
import { formatReference, referenceDay } from '../shared/incidents/referenceNumber.ts';
import { responseRecord } from '../shared/reports/responseRecord.ts';
import { UNIT_KIND_AGENCY, type Agency, type UnitKind } from '../shared/units/unitKinds.ts';
import { pointInBbox, seededRandom } from './random.ts';

export interface YearOptions {
  incidents: number;
  /** The first instant of the range (a midnight in Johannesburg). */
  from: number;
  days: number;
  seed: number;
}

export interface YearLoad {
  incidents: number;
  unitResponses: number;
  /** Rows the archive's own rules flag (shared/reports/responseRecord.ts). */
  flaggedIncidents: number;
  flaggedResponses: number;
  /** Incidents with no unit sent (cancelled before a dispatch). */
  withoutResponse: number;
  meanDocBytes: number;
  /** Generation and the bulk INSERTs, ms. */
  loadMs: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 2_000;

/** How calls spread over the day (relative weights, 00:00 first): a night trough and an evening peak. */
const HOUR_WEIGHTS = [3, 2.5, 2, 1.8, 1.8, 2.2, 3.2, 4.5, 5, 5, 5, 5.2, 5.4, 5.4, 5.4, 5.6, 6, 6.5, 7, 7, 6.5, 5.5, 4.5, 3.6];

/** A city's mix of calls: mostly medical and injury, then traffic, crime and violence, a few fires and rescues. */
const TYPE_WEIGHTS: Partial<Record<IncidentTypeId, number>> = {
  medical_emergency: 12, fall: 9, injured_person: 8, chest_pain: 8, breathing_problem: 7, road_accident: 11, assault: 7,
  pedestrian_struck: 3, stroke: 3, seizure: 3, theft: 3, structure_fire: 3, veld_fire: 3, cardiac_arrest: 3, sudden_collapse: 3,
  crime_in_progress: 3, poisoning: 2, childbirth: 2, vehicle_fire: 2, abuse_of_women: 1.5, burns: 1, choking: 1,
  road_accident_entrapment: 1, armed_robbery: 1, shooting_stabbing: 1, hijacking: 0.8, child_abuse: 0.7, gas_leak: 0.5,
  building_flood: 0.5, storm_damage: 0.4, murder: 0.3, flood_rescue: 0.3, drowning: 0.2, high_rise_fire: 0.1, explosion: 0.05,
  natural_disaster: 0.02,
};

function weightedPicker<T>(entries: readonly (readonly [T, number])[], random: () => number): () => T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let left = random() * total;
    for (const [value, weight] of entries) {
      left -= weight;
      if (left < 0) return value;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('nothing to pick from');
    return last[0];
  };
}

/** Seconds between `low` and `high`, skewed low, with one case in 20 up to three times `high` (a long tail). */
function secondsBetween(random: () => number, low: number, high: number): number {
  const base = low + (high - low) * random() * random();
  return Math.round((random() < 0.05 ? base * (1 + 2 * random()) : base) * 1000);
}

/** Turnout by agency, seconds: crews in the vehicle (EMS), turning out of a station (fire), on patrol (police). */
const TURNOUT: Record<Agency, [number, number]> = { ems: [20, 110], fire: [40, 130], metro_police: [15, 150] };

interface Row {
  incident: Incident;
  version: number;
}

/**
 * The incidents of a year, deterministic for a seed: calls over `days` days with an evening peak, the city's mix
 * of types and their response plans, units of the city's fleet each sent only when free (a call waits for one
 * when all of its kind are out), plausible stamps with long tails, and a few percent of data-quality faults (a
 * missing en route, stamps out of order, a unit on scene never dispatched, a call start after the entry).
 */
function* yearOfIncidents(options: YearOptions, wards: readonly Ward[], fleet: readonly FleetUnit[]): Generator<Row[]> {
  const random = seededRandom(options.seed);
  const pickHour = weightedPicker(HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const), random);
  const pickType = weightedPicker(Object.entries(TYPE_WEIGHTS).map(([type, weight]) => [type as IncidentTypeId, weight ?? 0] as const), random);
  const arrivals = Float64Array.from({ length: options.incidents }, () => options.from + Math.floor(random() * options.days) * DAY + (pickHour() + random()) * HOUR).sort();
  const unitsOf = new Map<UnitKind, FleetUnit[]>();
  for (const unit of fleet) unitsOf.set(unit.kind, [...(unitsOf.get(unit.kind) ?? []), unit]);
  const freeAt = new Map<string, number>(fleet.map((unit) => [unit.id, 0]));
  const sequenceOf = new Map<string, number>();

  /** The first unit of the kind free at `at`, looking from a rotating start; else the one free soonest. */
  const takeUnit = (kind: UnitKind, at: number): { unit: FleetUnit; at: number } | null => {
    const units = unitsOf.get(kind) ?? [];
    if (units.length === 0) return null;
    const start = Math.floor(random() * units.length);
    let soonest: FleetUnit | null = null;
    for (let i = 0; i < units.length; i += 1) {
      const unit = units[(start + i) % units.length];
      if (!unit) continue;
      const free = freeAt.get(unit.id) ?? 0;
      if (free <= at) return { unit, at };
      if (!soonest || free < (freeAt.get(soonest.id) ?? 0)) soonest = unit;
    }
    return soonest ? { unit: soonest, at: (freeAt.get(soonest.id) ?? at) + 30_000 } : null;
  };

  let batch: Row[] = [];
  for (let i = 0; i < arrivals.length; i += 1) {
    const callAt = Math.round(arrivals[i] ?? options.from);
    const typeId = pickType();
    const type = INCIDENT_TYPES[typeId];
    const questions = type.questions as readonly { ifYes?: PriorityLevel; ifNo?: PriorityLevel }[];
    const asked = questions[Math.floor(random() * questions.length)];
    const priority: PriorityLevel = random() < 0.2 ? (asked?.ifYes ?? asked?.ifNo ?? type.priority) : type.priority;
    const ward = wards[Math.floor(random() * wards.length)];
    const createdAt = callAt + secondsBetween(random, 25, 150);
    const hasCallStart = random() < 0.9;
    // [RP4] A console clock ahead of the server's: the call start after the entry (negative_interval).
    const callStartedAt = hasCallStart ? (random() < 0.004 ? createdAt + 20_000 : callAt) : null;
    const day = referenceDay(createdAt, 'Africa/Johannesburg');
    const sequence = (sequenceOf.get(day) ?? 0) + 1;
    sequenceOf.set(day, sequence);
    const id = formatReference(day, sequence);

    const assignments: Assignment[] = [];
    const isCancelled = random() < 0.04;
    let dispatchAt = createdAt + secondsBetween(random, 15, 110);
    for (const line of isCancelled ? [] : type.plan) {
      for (let n = 0; n < line.count; n += 1) {
        const taken = takeUnit(line.kind, dispatchAt);
        if (!taken) continue;
        const { unit } = taken;
        const assignedAt = taken.at;
        const crew = `crew.${unit.id}`;
        const [turnLow, turnHigh] = TURNOUT[UNIT_KIND_AGENCY[unit.kind]];
        const enRoute = assignedAt + secondsBetween(random, turnLow, turnHigh);
        const isStoodDown = random() < 0.05;
        const onScene = isStoodDown ? null : enRoute + secondsBetween(random, 150, 1100);
        const transports = onScene !== null && (unit.kind === 'als' || unit.kind === 'bls') && random() < 0.55;
        const transporting = transports && onScene !== null ? onScene + secondsBetween(random, 600, 1800) : null;
        const atHospital = transporting !== null ? transporting + secondsBetween(random, 600, 1800) : null;
        const clearedAt = (atHospital ?? onScene ?? enRoute) + secondsBetween(random, 120, 1500);
        const steps: AssignmentStep[] = [{ status: 'en_route', at: enRoute, by: crew }];
        if (onScene !== null) steps.push({ status: 'on_scene', at: onScene, by: crew });
        if (transporting !== null) steps.push({ status: 'transporting', at: transporting, by: crew, to: 'Charlotte Maxeke Johannesburg Academic Hospital' });
        if (atHospital !== null) steps.push({ status: 'at_hospital', at: atHospital, by: crew });
        steps.push({ status: 'available', at: clearedAt, by: crew });
        // [RP4] The faults a year of real stamps has, a few percent in all.
        const fault = random();
        if (fault < 0.015 && onScene !== null) steps.splice(0, 1); // on scene with no en route: missing_stamp
        else if (fault < 0.02 && onScene !== null) {
          // on scene before en route: out_of_order
          steps[0] = { status: 'en_route', at: onScene, by: crew };
          steps[1] = { status: 'on_scene', at: enRoute, by: crew };
        }
        const isNotDispatched = fault >= 0.02 && fault < 0.022 && onScene !== null; // not_dispatched
        assignments.push({ unitId: unit.id, callSign: unit.callSign, kind: unit.kind, assignedAt: isNotDispatched ? 0 : assignedAt, assignedBy: 'dispatcher', acknowledgedAt: assignedAt + secondsBetween(random, 4, 40), acknowledgedBy: crew, clearedAt, steps });
        freeAt.set(unit.id, clearedAt);
        dispatchAt = assignedAt + secondsBetween(random, 0, 60);
      }
    }
    const firstDispatchAt = assignments.reduce<number | null>((first, a) => (a.assignedAt > 0 && (first === null || a.assignedAt < first) ? a.assignedAt : first), null);
    const lastClear = assignments.reduce((last, a) => Math.max(last, a.clearedAt ?? 0), createdAt);
    const closedAt = lastClear + secondsBetween(random, 60, 600);
    const disposition = isCancelled || assignments.length === 0 ? 'cancelled' : assignments.some((a) => a.steps?.some((step) => step.status === 'transporting')) ? 'transported' : 'treated_on_scene';
    const incident: Incident = {
      id,
      reference: id,
      type: typeId,
      priority,
      priorityReasons: priority === type.priority ? [] : ['a key question answered on the call'],
      answers: {},
      agencies: agenciesForPlan(type.plan),
      plan: type.plan.map((line) => ({ ...line })),
      location: pointInBbox(random),
      locationNotes: random() < 0.3 ? 'Corner of the main road, by the taxi rank' : '',
      ward: ward?.ward ?? null,
      region: ward?.region ?? null,
      isInsideMetro: true,
      callerName: random() < 0.8 ? 'Thandiwe Mokoena' : null,
      callbackNumber: random() < 0.9 ? '082 555 0147' : null,
      callbackStatus: 'given',
      notes: 'Caller reports the patient is conscious and breathing; neighbours are with them at the gate.',
      status: 'closed',
      callStartedAt,
      createdAt,
      createdBy: 'calltaker',
      firstDispatchAt,
      closedAt,
      closedBy: 'dispatcher',
      disposition,
      closeNote: '',
      careTicketId: null,
      assignments,
      additionalCallers: [],
      lifecycle: [{ at: closedAt, by: 'dispatcher', action: disposition === 'cancelled' ? 'cancelled' : 'closed', reason: disposition }],
      narrative: [],
    };
    // The generator must make documents the live state would hold: a sample is checked against the schema.
    if (i < 200) IncidentSchema.parse(incident);
    batch.push({ incident, version: 10 + i * 8 });
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const INSERT_INCIDENTS = `
  INSERT INTO incidents (id, version, doc, type, priority, region, ward, agencies, status, received_at, call_started_at, created_at, first_dispatch_at, first_on_scene_at, closed_at, flags)
  SELECT id, version, doc, type, priority, region, ward, string_to_array(agencies, ','), status, received_at, call_started_at, created_at, first_dispatch_at, first_on_scene_at, closed_at, string_to_array(flags, ',')
  FROM unnest($1::text[], $2::bigint[], $3::jsonb[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::text[])
    AS r(id, version, doc, type, priority, region, ward, agencies, status, received_at, call_started_at, created_at, first_dispatch_at, first_on_scene_at, closed_at, flags)`;

const INSERT_RESPONSES = `
  INSERT INTO unit_responses (incident_id, seq, unit_id, call_sign, kind, agency, priority, region, received_at, dispatched_at, acknowledged_at,
    en_route_at, on_scene_at, transporting_at, at_hospital_at, cleared_at, is_first_of_kind, flags)
  SELECT incident_id, seq, unit_id, call_sign, kind, agency, priority, region, received_at, dispatched_at, acknowledged_at,
    en_route_at, on_scene_at, transporting_at, at_hospital_at, cleared_at, is_first_of_kind, string_to_array(flags, ',')
  FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[], $11::bigint[],
    $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[], $17::boolean[], $18::text[])
    AS r(incident_id, seq, unit_id, call_sign, kind, agency, priority, region, received_at, dispatched_at, acknowledged_at,
      en_route_at, on_scene_at, transporting_at, at_hospital_at, cleared_at, is_first_of_kind, flags)`;

/**
 * [Bench 7] Fills the archive's `incidents` and `unit_responses` with a year of incidents, in bulk: each row made
 * by the archive's own `responseRecord` from a whole incident document (as `writeJournalBatch` makes it), then
 * written with multi-row INSERTs over `unnest`, one transaction per 2,000 incidents; then `VACUUM ANALYZE`, as
 * autovacuum would have left tables that old.
 */
export async function loadYearOfIncidents(pool: pg.Pool, options: YearOptions, wards: readonly Ward[], fleet: readonly FleetUnit[]): Promise<YearLoad> {
  const t0 = performance.now();
  const load: YearLoad = { incidents: 0, unitResponses: 0, flaggedIncidents: 0, flaggedResponses: 0, withoutResponse: 0, meanDocBytes: 0, loadMs: 0 };
  let docBytes = 0;
  for (const batch of yearOfIncidents(options, wards, fleet)) {
    const records = batch.map(({ incident, version }) => ({ incident, version, doc: JSON.stringify(incident), record: responseRecord(incident) }));
    const responses = records.flatMap(({ incident, record }) => record.responses.map((response) => ({ incident, received: record.incident.receivedAt, response })));
    await inTransaction(pool, async (client) => {
      await client.query(INSERT_INCIDENTS, [
        records.map((r) => r.incident.id), records.map((r) => r.version), records.map((r) => r.doc), records.map((r) => r.incident.type),
        records.map((r) => r.incident.priority), records.map((r) => r.incident.region), records.map((r) => r.incident.ward), records.map((r) => r.incident.agencies.join(',')),
        records.map((r) => r.incident.status), records.map((r) => r.record.incident.receivedAt), records.map((r) => r.record.incident.callStartedAt),
        records.map((r) => r.record.incident.createdAt), records.map((r) => r.record.incident.firstDispatchAt), records.map((r) => r.record.incident.firstOnSceneAt),
        records.map((r) => r.incident.closedAt), records.map((r) => r.record.incident.flags.join(',')),
      ]);
      await client.query(INSERT_RESPONSES, [
        responses.map((r) => r.response.incidentId), responses.map((r) => r.response.seq), responses.map((r) => r.response.unitId), responses.map((r) => r.response.callSign),
        responses.map((r) => r.response.kind), responses.map((r) => r.response.agency), responses.map((r) => r.incident.priority), responses.map((r) => r.incident.region),
        responses.map((r) => r.received), responses.map((r) => r.response.dispatchedAt), responses.map((r) => r.response.acknowledgedAt), responses.map((r) => r.response.enRouteAt),
        responses.map((r) => r.response.onSceneAt), responses.map((r) => r.response.transportingAt), responses.map((r) => r.response.atHospitalAt), responses.map((r) => r.response.clearedAt),
        responses.map((r) => r.response.isFirstOfKind), responses.map((r) => r.response.flags.join(',')),
      ]);
    });
    load.incidents += records.length;
    load.unitResponses += responses.length;
    load.flaggedIncidents += records.filter((r) => r.record.incident.flags.length > 0).length;
    load.flaggedResponses += responses.filter((r) => r.response.flags.length > 0).length;
    load.withoutResponse += records.filter((r) => r.record.responses.length === 0).length;
    docBytes += records.reduce((sum, r) => sum + Buffer.byteLength(r.doc), 0);
  }
  await pool.query('VACUUM ANALYZE incidents, unit_responses');
  return { ...load, meanDocBytes: docBytes / Math.max(1, load.incidents), loadMs: performance.now() - t0 };
}
