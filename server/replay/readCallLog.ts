import { parse } from 'csv-parse/sync';
import { IncidentTypeIdSchema, type IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import { CALL_LOG_COLUMNS, CallLogRowSchema } from '../../shared/replay/callLogSchema.ts';
import { UnitKindSchema, type UnitKind } from '../../shared/units/unitKinds.ts';
import { UnitIdSchema, type UnitId } from '../../shared/units/unitSchema.ts';

/** A call of the log: its first row's time, type and place. */
export interface LoggedCall {
  callId: string;
  receivedAt: number;
  type: IncidentTypeId;
  location: LngLat;
}

/** One unit response of the log, its stamps as epoch ms (null when absent). */
export interface LoggedResponse {
  /** The row's line in the file (the header is line 1). */
  line: number;
  callId: string;
  unitId: UnitId;
  kind: UnitKind;
  dispatchedAt: number | null;
  enRouteAt: number | null;
  onSceneAt: number | null;
  transportingAt: number | null;
  atHospitalAt: number | null;
  availableAt: number | null;
}

export interface CallLog {
  rowsRead: number;
  calls: LoggedCall[];
  responses: LoggedResponse[];
  /** Rows that could not be read, each with its line and reason. */
  refused: { line: number; reason: string }[];
  /** The log's unit id → the id it runs under (ids are lowercase letters, digits and dashes here). */
  unitIds: Map<string, UnitId>;
}

export interface CallLogMaps {
  types?: Readonly<Record<string, string>>;
  kinds?: Readonly<Record<string, string>>;
}

/** The id a log's unit runs under: lowercased, anything but letters and digits a dash. */
export function unitIdFor(raw: string): UnitId | null {
  const id = raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const parsed = UnitIdSchema.safeParse(id);
  return parsed.success ? parsed.data : null;
}

/**
 * [RL3] Reads a call-log CSV: checks the header, each row's cells, and the type and kind against the product's
 * ids (through the maps when given). A row that does not read is refused with its line and reason and the rest go
 * on; the rows of one call take the call's time, type and place from its first row.
 */
export function readCallLog(text: string, maps: CallLogMaps = {}): CallLog {
  const records = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  const header = records.length > 0 ? Object.keys(records[0] ?? {}) : (text.split(/\r?\n/, 1)[0] ?? '').split(',').map((cell) => cell.trim());
  const missing = CALL_LOG_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`the call log has no column ${missing.join(', ')} (expected: ${CALL_LOG_COLUMNS.join(', ')})`);

  const calls = new Map<string, LoggedCall>();
  const responses: LoggedResponse[] = [];
  const refused: { line: number; reason: string }[] = [];
  const unitIds = new Map<string, UnitId>();
  records.forEach((record, index) => {
    const line = index + 2;
    const parsed = CallLogRowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refused.push({ line, reason: `${issue?.path.join('.') ?? 'row'}: ${issue?.message ?? 'not readable'}` });
      return;
    }
    const row = parsed.data;
    const type = IncidentTypeIdSchema.safeParse(maps.types?.[row.type] ?? row.type);
    if (!type.success) {
      refused.push({ line, reason: `type "${row.type}" is not an incident type${maps.types ? ' of the type map' : ' (give a --type-map)'}` });
      return;
    }
    if (!calls.has(row.call_id)) calls.set(row.call_id, { callId: row.call_id, receivedAt: row.received_at, type: type.data, location: [row.lng, row.lat] });
    if (row.unit_id === '') return;
    const kind = UnitKindSchema.safeParse(maps.kinds?.[row.unit_kind] ?? row.unit_kind);
    if (!kind.success) {
      refused.push({ line, reason: `unit_kind "${row.unit_kind}" is not a unit kind${maps.kinds ? ' of the kind map' : ' (give a --kind-map)'}` });
      return;
    }
    const unitId = unitIds.get(row.unit_id) ?? unitIdFor(row.unit_id);
    if (!unitId) {
      refused.push({ line, reason: `unit_id "${row.unit_id}" has no letter or digit` });
      return;
    }
    unitIds.set(row.unit_id, unitId);
    responses.push({
      line,
      callId: row.call_id,
      unitId,
      kind: kind.data,
      dispatchedAt: row.dispatched_at,
      enRouteAt: row.en_route_at,
      onSceneAt: row.on_scene_at,
      transportingAt: row.transporting_at,
      atHospitalAt: row.at_hospital_at,
      availableAt: row.available_at,
    });
  });
  return { rowsRead: records.length, calls: [...calls.values()], responses, refused, unitIds };
}
