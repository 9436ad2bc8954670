import type { Unit } from '../../shared/units/unitSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { unitFromRecord } from './unitRecord.ts';

/** Reads units by id in one round trip; a missing unit comes back as null in its place. */
export async function readUnits(ctx: CadContext, unitIds: readonly string[]): Promise<(Unit | null)[]> {
  const pipeline = ctx.redis.pipeline();
  for (const id of unitIds) pipeline.hgetall(ctx.keys.unit(id));
  const replies = (await pipeline.exec()) ?? [];
  return replies.map(([error, record]) => {
    if (error) throw error;
    const fields = record as Record<string, string>;
    return Object.keys(fields).length === 0 ? null : unitFromRecord(fields);
  });
}
