import { asCommandTakenAt } from '../redis/redisClock.ts';
import { requestTakenAt } from './requestTakenAt.ts';
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { COMMAND_NAMES, CONTRACT, type CommandName, type CommandSpec, type HttpBinding } from '../../shared/protocol/contract.ts';
import type { CadContext } from '../app/cadContext.ts';
import { resolveSession, SESSION_COOKIE, tokenFrom } from '../auth/resolveSession.ts';
import type { CommandCaller } from '../commands/commandCaller.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { runCommand } from '../commands/runCommand.ts';
import { publishOutcome, type Publisher } from '../realtime/publishOutcome.ts';
import { CSV_EXPORTS } from './csvExports.ts';
import { DOCUMENT_EXPORTS } from './documentExports.ts';
import { HTTP_STATUS } from './httpStatus.ts';

/** Query values as the contract types them; a value that is not of its type is passed on for the schema to refuse. */
function queryValue(raw: unknown, type: 'integer' | 'string' | 'boolean'): unknown {
  if (typeof raw !== 'string') return raw;
  if (type === 'integer') return raw.trim() === '' ? Number.NaN : Number(raw);
  if (type === 'boolean') return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
  return raw;
}

/** [HT1] The command payload of a request: the JSON body (POST) or the declared query parameters (GET), with the path's fields laid over. */
export function payloadOf(http: HttpBinding, request: Request): unknown {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.params)) if (typeof value === 'string') params[name] = value;
  if (http.method === 'get') {
    const query: Record<string, unknown> = {};
    const raw = request.query as Record<string, unknown>;
    for (const [name, parameter] of Object.entries(http.query ?? {})) if (raw[name] !== undefined) query[parameter.field] = queryValue(raw[name], parameter.type);
    return { ...query, ...params };
  }
  const body: unknown = request.body ?? {};
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, ...params } : body;
}

/** The caller of an HTTP request: its session (cookie or bearer token), checked on every request. */
export async function httpCaller(ctx: CadContext, request: Request): Promise<CommandCaller> {
  const session = await resolveSession(ctx, tokenFrom({ cookie: request.headers.cookie, authorization: request.headers.authorization }));
  return { session, transport: 'http', clientKey: request.ip ?? 'unknown' };
}

function applyCookies(ctx: CadContext, response: Response, outcome: CommandOutcome<unknown>): void {
  const effects = outcome.effects;
  if (effects?.setCookie) {
    response.cookie(SESSION_COOKIE, effects.setCookie.token, { httpOnly: true, sameSite: 'strict', secure: ctx.settings.isSecureCookie, path: '/', expires: new Date(effects.setCookie.expiresAt) });
  }
  if (effects?.clearCookie) response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: ctx.settings.isSecureCookie, path: '/' });
}

/** [CM3][HT1] Every contract entry's HTTP route (and CSV form), through the same `runCommand` as the socket event. */
export function contractRoutes(ctx: CadContext, publisher: Publisher): Router {
  const router = Router();
  for (const name of COMMAND_NAMES) {
    const spec: CommandSpec<z.ZodType, z.ZodType> = CONTRACT[name];
    router[spec.http.method](spec.http.path, (request, response) =>
      // [OPS10] The scripts' deadline counts from when the request came in (before its rate limit and body were read).
      asCommandTakenAt(requestTakenAt(response), async () => {
        const outcome = await runCommand(ctx, name, await httpCaller(ctx, request), payloadOf(spec.http, request));
        applyCookies(ctx, response, outcome);
        response.status(outcome.result.ok ? 200 : HTTP_STATUS[outcome.result.error.code]).json(outcome.result);
        publishOutcome(publisher, outcome);
      }),
    );
    if (spec.http.csvPath) mountCsv(router, ctx, name, spec.http, spec.http.csvPath);
    if (spec.http.documentPath) mountDocument(router, ctx, name, spec.http, spec.http.documentPath);
  }
  return router;
}

function mountCsv(router: Router, ctx: CadContext, name: CommandName, http: HttpBinding, csvPath: string): void {
  const toCsv = CSV_EXPORTS[name];
  if (!toCsv) throw new Error(`${name} declares a CSV path but has no CSV export`);
  router.get(csvPath, async (request, response) => {
    const outcome = await runCommand(ctx, name, await httpCaller(ctx, request), payloadOf(http, request));
    if (!outcome.result.ok) {
      response.status(HTTP_STATUS[outcome.result.error.code]).json(outcome.result);
      return;
    }
    response.type('text/csv').attachment(`${csvPath.split('/').at(-1) ?? 'export.csv'}`).send(toCsv(outcome.result.data));
  });
}

/**
 * [EI4] The bare-document form of a read: the answer itself as JSON (no `{ ok, data }`), named for a download; a
 * refusal answers in the result shape with its status, as on the command's own route.
 */
function mountDocument(router: Router, ctx: CadContext, name: CommandName, http: HttpBinding, documentPath: string): void {
  const fileName = DOCUMENT_EXPORTS[name];
  if (!fileName) throw new Error(`${name} declares a document path but has no document export`);
  router.get(documentPath, async (request, response) => {
    const outcome = await runCommand(ctx, name, await httpCaller(ctx, request), payloadOf(http, request));
    if (!outcome.result.ok) {
      response.status(HTTP_STATUS[outcome.result.error.code]).json(outcome.result);
      return;
    }
    response.type('application/json').attachment(fileName(outcome.result.data)).send(JSON.stringify(outcome.result.data));
  });
}
