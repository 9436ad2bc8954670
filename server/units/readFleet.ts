import type { Unit } from '../../shared/units/unitSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { readUnits } from './readUnits.ts';

/**
 * [FL2] The whole fleet as the live store holds it, by call sign: what the fleet manager reads. The board's snapshot
 * shows an administrator no unit (AU7: it sees no incident, and units carry theirs), so the fleet is a read of its own.
 */
export async function readFleet(ctx: CadContext): Promise<Unit[]> {
  const ids = await ctx.redis.smembers(ctx.keys.unitIds);
  const units = (await readUnits(ctx, ids)).flatMap((unit) => (unit ? [unit] : []));
  return units.sort((a, b) => a.callSign.localeCompare(b.callSign, 'en', { numeric: true }));
}
