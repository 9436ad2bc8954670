import { IncidentSchema, type Incident } from '../../shared/incidents/incidentSchema.ts';
import { seesBoard, snapshotForViewer, type Viewer } from '../../shared/protocol/deskView.ts';
import type { Snapshot } from '../../shared/protocol/stateSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import type { BoardStore } from './boardCache.ts';
import { byCallSign, unitFromRecord, type UnitRecord } from '../units/unitRecord.ts';

/** [RT1] Every unit and open incident, read at one instant together with the version they are at. */
export async function readSnapshot(ctx: BoardStore): Promise<Snapshot> {
  const { keys } = ctx;
  return snapshotOf(ctx, await SCRIPTS.snapshot.run(ctx.readsRedis, [keys.version, keys.unitIds, keys.openIncidents], [keys.unitPrefix, keys.incidentPrefix]));
}

/**
 * [RT1][OPS12] What `viewer` sees of the state, read at one instant, at the cost of what it sees: a crew reads its
 * unit and that unit's incident, a role that sees no board reads the version only, a board the whole state, from the
 * instance's copy caught up from the journal (a desk keeps its own part of it, DK1). Equal to
 * `snapshotForViewer(viewer, readSnapshot(ctx))`.
 */
export async function readSnapshotFor(ctx: CadContext, viewer: Viewer): Promise<Snapshot> {
  const { keys } = ctx;
  if (viewer.role === 'crew' && viewer.unitId !== undefined) {
    return snapshotOf(ctx, await SCRIPTS.unitSnapshot.run(ctx.readsRedis, [keys.version, keys.unit(viewer.unitId), keys.openIncidents], [keys.incidentPrefix]));
  }
  // A crew signed on to no unit sees nothing, as a role with no board.
  if (viewer.role === 'crew' || !seesBoard(viewer.role)) return snapshotOf(ctx, [(await ctx.readsRedis.get(keys.version)) ?? '0', '[]', '[]']);
  return snapshotForViewer(viewer, await ctx.board.read());
}

function snapshotOf(ctx: BoardStore, reply: unknown): Snapshot {
  if (!Array.isArray(reply) || reply.length !== 3) throw new Error('snapshot script answered an unexpected shape');
  const [version, unitsJson, incidentsJson] = reply as [string, string, string];
  return boardSnapshot(ctx, Number(version), unitsJson, IncidentSchema.array().parse(JSON.parse(incidentsJson)));
}

/** A snapshot at `version` of the units as the store's scripts give them (`unit_json`, in a JSON array) and `incidents`. */
export function boardSnapshot(ctx: BoardStore, version: number, unitsJson: string, incidents: Incident[]): Snapshot {
  const units = (JSON.parse(unitsJson) as UnitRecord[]).map(unitFromRecord).sort(byCallSign);
  const { ackDeadlineSeconds, stalePositionSeconds } = ctx.settings;
  return { version, at: ctx.now(), settings: { ackDeadlineSeconds, stalePositionSeconds }, units, incidents };
}
