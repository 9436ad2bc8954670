import type { Unit } from '../../shared/units/unitSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { unitFromRecord } from './unitRecord.ts';

/** Reads units by id in one round trip; a missing unit comes back as null in its place. */
export async function readUnits(ctx: CadContext, unitIds: readonly string[]): Promise<(Unit | null)[]> {
  // Auto-pipelined: the reads go out in one write with whatever else the instance sends in the same tick.
  const records = await Promise.all(unitIds.map((id) => ctx.redis.hgetall(ctx.keys.unit(id))));
  return records.map((fields) => (Object.keys(fields).length === 0 ? null : unitFromRecord(fields)));
}
