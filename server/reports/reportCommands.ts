import type { IntervalReport, ReportRangeInput, UtilisationReport } from '../../shared/reports/intervalReportSchema.ts';
import { fail, ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { readUnits } from '../units/readUnits.ts';
import { intervalReport } from './intervalReport.ts';
import { utilisationReport } from './utilisationReport.ts';
import type { Archive } from '../archive/openArchive.ts';

/** [RP1] A report reads the archive; without one, or while PostgreSQL is down, it says so (live dispatch goes on). */
async function fromArchive<T>(ctx: CadContext, read: (archive: Archive) => Promise<T>): Promise<CommandOutcome<T>> {
  const archive = ctx.archive;
  if (!archive) return { result: fail('archive_unavailable', 'this server runs without the PostgreSQL archive (set DATABASE_URL or let it start its own)') };
  try {
    return { result: ok(await read(archive)) };
  } catch (error) {
    ctx.ops.log.error({ err: error }, 'report: archive read failed');
    return { result: fail('archive_unavailable', 'the archive (PostgreSQL) cannot be read just now; live dispatch is not affected') };
  }
}

export function readIntervalReport(ctx: CadContext, input: ReportRangeInput): Promise<CommandOutcome<IntervalReport>> {
  return fromArchive(ctx, async (archive) => {
    const lag = await archive.archiver.lag();
    return intervalReport(archive.pool, input, ctx.city.data.timeZone, ctx.now(), lag.entries);
  });
}

export function readUtilisationReport(ctx: CadContext, input: ReportRangeInput): Promise<CommandOutcome<UtilisationReport>> {
  return fromArchive(ctx, async (archive) => {
    const ids = await ctx.redis.smembers(ctx.keys.unitIds);
    const fleet = (await readUnits(ctx, ids)).flatMap((unit) => (unit ? [unit] : []));
    return utilisationReport(archive.pool, input, fleet, ctx.now());
  });
}
