import { IncidentSchema } from '../../shared/incidents/incidentSchema.ts';
import type { Snapshot } from '../../shared/protocol/stateSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { unitFromRecord, type UnitRecord } from '../units/unitRecord.ts';

/** [RT1] Every unit and open incident, read at one instant together with the version they are at. */
export async function readSnapshot(ctx: CadContext): Promise<Snapshot> {
  const { keys } = ctx;
  const reply = await SCRIPTS.snapshot.run(ctx.redis, [keys.version, keys.unitIds, keys.openIncidents], [keys.unitPrefix, keys.incidentPrefix]);
  if (!Array.isArray(reply) || reply.length !== 3) throw new Error('snapshot script answered an unexpected shape');
  const [version, unitsJson, incidentsJson] = reply as [string, string, string];
  const units = (JSON.parse(unitsJson) as UnitRecord[]).map(unitFromRecord).sort((a, b) => a.callSign.localeCompare(b.callSign));
  const incidents = IncidentSchema.array().parse(JSON.parse(incidentsJson));
  const { ackDeadlineSeconds, stalePositionSeconds } = ctx.settings;
  return { version: Number(version), at: ctx.now(), settings: { ackDeadlineSeconds, stalePositionSeconds }, units, incidents };
}
