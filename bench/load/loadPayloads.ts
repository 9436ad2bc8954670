import type { IncidentCreatePayload } from '../../shared/incidents/incidentSchema.ts';
import type { PayloadPlan } from './loadProtocol.ts';

/** One command to send: its event, payload and, for `collectOk`, what an ok answer committed. */
export interface PlannedCommand {
  event: 'unit:position' | 'units:positions' | 'incident:create' | 'dispatch:assign';
  payload: object;
  /** The key of an ok answer (`assign`), or null to take it from the answer (`incident`: the created id). */
  okKey: string | null;
}

const runTag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let commandCounter = 0;

/** A command id unique to this generator process (the server stores first answers by id). */
function nextCommandId(): string {
  commandCounter += 1;
  return `ld${runTag}${commandCounter.toString(36)}`;
}

/** The event a plan sends. */
export function eventOf(plan: PayloadPlan): PlannedCommand['event'] {
  if (plan.kind === 'position') return 'unit:position';
  if (plan.kind === 'positionBatch') return 'units:positions';
  if (plan.kind === 'incident') return 'incident:create';
  return 'dispatch:assign';
}

/**
 * The `seq`-th command of socket `socketIndex` (its unit `unitId` for fixes) under `plan`, `globalSeq` counting
 * over the whole group; null when the plan has run out for this socket.
 */
export function plannedCommand(plan: PayloadPlan, socketIndex: number, unitId: string | undefined, seq: number, globalSeq: number, random: () => number): PlannedCommand | null {
  switch (plan.kind) {
    case 'position': {
      if (!unitId) throw new Error('a position plan needs sockets signed on to a unit');
      const { west, south, east, north } = plan.bbox;
      const position = [west + random() * (east - west), south + random() * (north - south)];
      return { event: 'unit:position', payload: { commandId: nextCommandId(), unitId, position, fixAt: Date.now() }, okKey: null };
    }
    case 'positionBatch': {
      const { bbox, unitIds, batchSize } = plan;
      const fixAt = Date.now();
      const fixes = Array.from({ length: batchSize }, (_, i) => ({
        unitId: unitIds[(globalSeq * batchSize + i) % unitIds.length],
        position: [bbox.west + random() * (bbox.east - bbox.west), bbox.south + random() * (bbox.north - bbox.south)],
        fixAt,
      }));
      return { event: 'units:positions', payload: { commandId: nextCommandId(), fixes }, okKey: null };
    }
    case 'incident': {
      const location = plan.points[globalSeq % plan.points.length];
      if (!location) throw new Error('an incident plan needs points');
      const payload: IncidentCreatePayload = {
        commandId: nextCommandId(),
        type: plan.type,
        location,
        locationNotes: 'load generator',
        callerName: 'Load Caller',
        callbackNumber: '082 555 0147',
        notes: 'synthetic incident',
      };
      return { event: 'incident:create', payload, okKey: null };
    }
    case 'assign': {
      const unit = plan.unitIds[seq];
      const incidents = plan.incidentIdsBySocket[socketIndex] ?? [];
      const incidentId = incidents[seq % Math.max(1, incidents.length)];
      if (unit === undefined || incidentId === undefined) return null;
      return { event: 'dispatch:assign', payload: { commandId: nextCommandId(), incidentId, unitIds: [unit] }, okKey: `${unit}>${incidentId}` };
    }
  }
}
