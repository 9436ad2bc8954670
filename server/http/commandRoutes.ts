import { Router, type Request } from 'express';
import type { CommandName } from '../../shared/protocol/commands.ts';
import type { CadContext } from '../app/cadContext.ts';
import { COMMAND_HANDLERS } from '../commands/commands.ts';
import { publishOutcome, type Publisher } from '../realtime/publishOutcome.ts';
import { HTTP_STATUS } from './httpStatus.ts';
import { sessionFromHeaders } from './sessionFromHeaders.ts';

/** How an HTTP request becomes a command payload. */
type PayloadOf = (request: Request) => unknown;

/** The JSON body with the path's ids laid over it; a missing body reads as `{}` so the schema names what is missing. */
const bodyWith = (params: Record<string, string>, body: unknown): unknown => {
  const fields = body ?? {};
  return typeof fields === 'object' && !Array.isArray(fields) ? { ...fields, ...params } : fields;
};

/** The command routes: method, path, command and how the payload is read. One table, like the policy. */
export const COMMAND_ROUTES: readonly { method: 'get' | 'post'; path: string; command: CommandName; payload: PayloadOf }[] = [
  { method: 'post', path: '/api/incidents', command: 'incident:create', payload: (r) => r.body as unknown },
  { method: 'post', path: '/api/incidents/:incidentId/close', command: 'incident:close', payload: (r) => bodyWith({ incidentId: String(r.params.incidentId) }, r.body as unknown) },
  { method: 'get', path: '/api/incidents/:incidentId/recommendation', command: 'dispatch:recommend', payload: (r) => ({ incidentId: r.params.incidentId }) },
  { method: 'post', path: '/api/dispatch/assign', command: 'dispatch:assign', payload: (r) => r.body as unknown },
  { method: 'post', path: '/api/units/:unitId/status', command: 'unit:status', payload: (r) => bodyWith({ unitId: String(r.params.unitId) }, r.body as unknown) },
  { method: 'post', path: '/api/units/:unitId/position', command: 'unit:position', payload: (r) => bodyWith({ unitId: String(r.params.unitId) }, r.body as unknown) },
  { method: 'get', path: '/api/journal', command: 'sync:since', payload: (r) => ({ version: Number(r.query.since ?? Number.NaN) }) },
  { method: 'get', path: '/api/incidents/:reference', command: 'incident:get', payload: (r) => ({ reference: r.params.reference }) },
  { method: 'post', path: '/api/incidents/duplicates', command: 'incident:duplicates', payload: (r) => r.body as unknown },
  { method: 'post', path: '/api/incidents/:incidentId/callers', command: 'incident:link_caller', payload: (r) => bodyWith({ incidentId: String(r.params.incidentId) }, r.body as unknown) },
  { method: 'post', path: '/api/calls/dispositions', command: 'call:dispose', payload: (r) => r.body as unknown },
  { method: 'get', path: '/api/callers/:number/history', command: 'caller:history', payload: (r) => ({ callbackNumber: r.params.number }) },
  { method: 'post', path: '/api/units/:unitId/acknowledge', command: 'unit:acknowledge', payload: (r) => bodyWith({ unitId: String(r.params.unitId) }, r.body as unknown) },
  { method: 'get', path: '/api/units/:unitId/route', command: 'route:unit', payload: (r) => ({ unitId: r.params.unitId }) },
  { method: 'get', path: '/api/units/:unitId/hospitals', command: 'route:hospitals', payload: (r) => ({ unitId: r.params.unitId }) },
  { method: 'get', path: '/api/callers/hoax-registry', command: 'hoax:registry', payload: (r) => (r.query.sinceDays === undefined ? {} : { sinceDays: Number(r.query.sinceDays) }) },
];

/** [CM3] Every command route goes through the same command handler as the socket event. */
export function commandRoutes(ctx: CadContext, publisher: Publisher): Router {
  const router = Router();
  for (const route of COMMAND_ROUTES) {
    const command = COMMAND_HANDLERS[route.command];
    router[route.method](route.path, async (request, response) => {
      const session = sessionFromHeaders(request);
      if (!session.ok) {
        response.status(401).json(session);
        return;
      }
      const outcome = await command.execute(ctx, session.data, route.payload(request));
      response.status(outcome.result.ok ? 200 : HTTP_STATUS[outcome.result.error.code]).json(outcome.result);
      publishOutcome(publisher, outcome);
    });
  }
  return router;
}
