import type { Router } from 'express';
import { Router as createRouter } from 'express';
import type { HoaxRegistry } from '../../shared/callers/callerSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { COMMAND_HANDLERS } from '../commands/commands.ts';
import { HTTP_STATUS } from './httpStatus.ts';
import { sessionFromHeaders } from './sessionFromHeaders.ts';

const csvCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** [CH4] The hoax registry as CSV evidence: one row per hoax call. */
export function hoaxRegistryCsv(registry: HoaxRegistry): string {
  const rows = [['number', 'flagged', 'call_time_utc', 'call_taker', 'caller_name', 'notes']];
  for (const entry of registry.numbers) {
    for (const call of entry.calls) {
      rows.push([entry.number, entry.isFlagged ? 'yes' : 'no', new Date(call.at).toISOString(), call.operatorId, call.callerName, call.notes]);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** GET /api/callers/hoax-registry.csv, through the same `hoax:registry` command and policy. */
export function hoaxRegistryCsvRoute(ctx: CadContext): Router {
  const router = createRouter();
  router.get('/api/callers/hoax-registry.csv', async (request, response) => {
    const session = sessionFromHeaders(request);
    if (!session.ok) {
      response.status(401).json(session);
      return;
    }
    const outcome = await COMMAND_HANDLERS['hoax:registry'].execute(ctx, session.data, request.query.sinceDays === undefined ? {} : { sinceDays: Number(request.query.sinceDays) });
    if (!outcome.result.ok) {
      response.status(HTTP_STATUS[outcome.result.error.code]).json(outcome.result);
      return;
    }
    response.type('text/csv').attachment('hoax-registry.csv').send(hoaxRegistryCsv(outcome.result.data));
  });
  return router;
}
