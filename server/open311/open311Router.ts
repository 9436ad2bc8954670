import { isNeverSent, NOT_SENT } from '../redis/redisErrors.ts';
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { CareCatalogue } from '../../shared/tickets/careServiceSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { Logger } from '../ops/logger.ts';
import { appendAudit, summarisePayload } from '../audit/appendAudit.ts';
import { publishOutcome, type Publisher } from '../realtime/publishOutcome.ts';
import { normalizeTicketReference } from '../../shared/tickets/ticketReference.ts';
import { readTicket } from '../tickets/readTicket.ts';
import { open311Discovery, open311Request, open311Service, open311ServiceDefinition, w3DateTime, type Open311Error } from './open311Documents.ts';
import { open311KeyName } from './open311Keys.ts';
import { createOpen311Request, type NewRequestAnswer } from './open311NewRequest.ts';
import { findRequests, parseRequestQuery } from './open311RequestQuery.ts';
import { xmlDocument, type XmlValue } from './open311Xml.ts';

/** Where the router is mounted (every path under it answers in the standard's shape) and the GeoReport v2 endpoint. */
export const OPEN311_MOUNT = '/open311';
const ENDPOINT_PATH = `${OPEN311_MOUNT}/v2`;

type Format = 'json' | 'xml';

const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** The format a path asks for: its extension; JSON for a path without one it knows (an unknown route, an error before routing). */
function formatOfPath(path: string): Format {
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/** [CC8] One answer in the asked format: JSON as is, XML under `root` by the standard's element names. */
function answer(response: Response, format: Format, status: number, root: string, body: XmlValue): void {
  response.status(status).type(CONTENT_TYPES[format]);
  response.send(format === 'json' ? JSON.stringify(body) : xmlDocument(root, body));
}

/** [CC8] The standard's error answer: `[{ code, description }]` (XML `<errors><error>…`), the HTTP status the first error's. */
function answerErrors(response: Response, format: Format, errors: readonly Open311Error[]): void {
  answer(response, format, errors[0]?.code ?? 400, 'errors', errors);
}

const notFound = (description: string): Open311Error[] => [{ code: 404, description }];

/** A path parameter as one string. */
function param(request: Request, name: string): string {
  const value: unknown = request.params[name];
  return typeof value === 'string' ? value : '';
}

/** The route's format, or null when the extension names none the standard has (the resource does not exist). */
function formatParam(request: Request): Format | null {
  const format = param(request, 'format');
  return format === 'json' || format === 'xml' ? format : null;
}

/** The form body's fields, or the JSON object; anything else (a JSON array) is no fields. */
function bodyOf(request: Request): Record<string, unknown> {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** When the server started: the discovery changeset (the services can change only with a restart). */
const STARTED = w3DateTime(Date.now());

/**
 * [CC8]–[CC11][CC13] The Open311 GeoReport v2 endpoint at /open311/v2/: discovery, services, service definitions,
 * service requests (GET by window or id, POST with an API key), in JSON and XML. Outside the command contract because
 * the standard fixes every shape, but reading and creating tickets only through server/tickets.
 */
export function open311Router(ctx: CadContext, publisher: Publisher): Router {
  const router = Router();

  // [CC14] Apps in a browser on any site may call the endpoint: it uses no cookie (a POST carries its API key), and
  // what it reads is public. A preflight is answered at once.
  router.use((request, response, next) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    response.setHeader('Access-Control-Max-Age', '600');
    if (request.method === 'OPTIONS') {
      response.status(204).end();
      return;
    }
    next();
  });

  // [CC13] Every request counts against its address's HTTP limit (HI1), as /api does.
  router.use((request, response, next) => {
    ctx.limits.consume('http', request.ip ?? 'unknown').then((limit) => {
      if (limit.isAllowed) return next();
      response.setHeader('Retry-After', String(limit.retryAfterSeconds));
      answerErrors(response, formatOfPath(request.path), [{ code: 429, description: `too many requests; try again in ${limit.retryAfterSeconds} s` }]);
    }, next);
  });
  // The standard's POST is form-encoded; JSON bodies are read by the app's JSON parser.
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));

  const withCatalogue = (handle: (request: Request, response: Response, format: Format, catalogue: CareCatalogue) => Promise<void> | void) => async (request: Request, response: Response): Promise<void> => {
    const format = formatParam(request);
    if (format === null) return answerErrors(response, formatOfPath(request.path), notFound(`no resource ${request.path}: the formats are .json and .xml`));
    const catalogue = ctx.city.care;
    if (!catalogue) return answerErrors(response, format, notFound(`${ctx.city.data.name} runs no Care Connect line, so no Open311 service`));
    await handle(request, response, format, catalogue);
  };

  router.get(
    '/v2/discovery.:format',
    withCatalogue((request, response, format, catalogue) => {
      const url = `${request.protocol}://${request.get('host') ?? 'localhost'}${ENDPOINT_PATH}`;
      answer(response, format, 200, 'discovery', open311Discovery(catalogue, url, STARTED));
    }),
  );

  router.get(
    '/v2/services.:format',
    withCatalogue((_request, response, format, catalogue) => {
      answer(response, format, 200, 'services', catalogue.file.services.map(open311Service));
    }),
  );

  router.get(
    '/v2/services/:code.:format',
    withCatalogue((request, response, format, catalogue) => {
      const code = param(request, 'code');
      const service = catalogue.service(code);
      if (!service) return answerErrors(response, format, notFound(`service_code ${code} is not a service of this city: see services.json`));
      answer(response, format, 200, 'service_definition', open311ServiceDefinition(service));
    }),
  );

  router.get(
    '/v2/requests.:format',
    withCatalogue(async (request, response, format, catalogue) => {
      const query = parseRequestQuery(request.query, catalogue, ctx.now());
      if (Array.isArray(query)) return answerErrors(response, format, query);
      const found = await findRequests(ctx, catalogue, query);
      // [CC10] JSON: the stored records as they are, joined; XML: each record read and written out.
      if (format === 'json') response.status(200).type(CONTENT_TYPES.json).send(`[${found.map((request) => request.json).join(',')}]`);
      else answer(response, format, 200, 'service_requests', found.map((request) => request.record()));
    }),
  );

  router.get(
    '/v2/requests/:id.:format',
    withCatalogue(async (request, response, format, catalogue) => {
      const id = param(request, 'id');
      const found = await readTicket(ctx, normalizeTicketReference(id) ?? id.trim());
      if (!found) return answerErrors(response, format, notFound(`no service request ${id}`));
      answer(response, format, 200, 'service_requests', [open311Request(found.ticket, catalogue, ctx.city.data)]);
    }),
  );

  router.post(
    '/v2/requests.:format',
    withCatalogue(async (request, response, format, catalogue) => {
      // [OPS4] A draining server creates nothing more; the app sends the request again, to another instance.
      if (!ctx.ops.gate.enter()) return answerErrors(response, format, [{ code: 503, description: 'this server is shutting down: send the request again' }]);
      try {
        await createRequest(request, response, format, catalogue);
      } finally {
        ctx.ops.gate.leave();
      }
    }),
  );

  async function createRequest(request: Request, response: Response, format: Format, catalogue: CareCatalogue): Promise<void> {
    const body = bodyOf(request);
    const key = typeof body.api_key === 'string' ? body.api_key : typeof request.query.api_key === 'string' ? request.query.api_key : '';
    const keyName = key === '' ? null : await open311KeyName(ctx, key);
    // The key is checked, never kept: the audit and the ticket get every other field.
    const fields = Object.fromEntries(Object.entries(body).filter(([name]) => name !== 'api_key'));
    if (keyName === null) {
      await auditPost(ctx, request, null, 'forbidden', fields, null);
      return answerErrors(response, format, [{ code: 403, description: key === '' ? 'api_key is required to create a service request' : "invalid api_key received: can't proceed with create_request" }]);
    }
    const created = await createOpen311Request(ctx, catalogue, fields, keyName);
    if (created.outcome) publishOutcome(publisher, created.outcome);
    await auditPost(ctx, request, keyName, auditOutcome(created), fields, created.ticket?.reference ?? null);
    if (created.status !== 200) return answerErrors(response, format, created.body);
    answer(response, format, 200, 'service_requests', created.body);
  }

  router.use((request, response) => answerErrors(response, formatOfPath(request.path), notFound(`no resource ${request.method} ${request.path}`)));
  return router;
}

/** The audit's outcome of a POST: `ok`, the refusal's code, or what the endpoint refused before any ticket was tried. */
function auditOutcome(created: NewRequestAnswer): string {
  if (created.status === 200) return 'ok';
  if (created.outcome && !created.outcome.result.ok) return created.outcome.result.error.code;
  return created.status === 404 ? 'service_not_found' : 'validation_failed';
}

/**
 * [CC13] Every POST is audited as `open311:request` by `open311:<key name>` (the API key never), filed under the
 * reference it created; a refused key is written once a minute per address, as other floods are (AD1).
 */
async function auditPost(ctx: CadContext, request: Request, keyName: string | null, outcome: string, fields: Record<string, unknown>, reference: string | null): Promise<void> {
  const address = request.ip ?? 'unknown';
  if (keyName === null) {
    const first = await ctx.redis.set(ctx.keys.auditThrottle('open311_key', address), '1', 'PX', 60_000, 'NX');
    if (first !== 'OK') return;
  }
  await appendAudit(ctx, {
    at: ctx.now(),
    command: 'open311:request',
    transport: 'http',
    userId: null,
    username: keyName === null ? null : `open311:${keyName}`,
    role: 'system',
    desk: null,
    unitId: null,
    outcome,
    incidentId: reference,
    unitIds: [],
    summary: summarisePayload(fields),
  }).catch((error: unknown) => ctx.ops.log.error({ err: error }, 'open311: audit append failed'));
}

/** [CC8] A body that cannot be read (malformed JSON, too large) or a failure answers in the standard's error shape. */
export const open311Errors = (log: Logger): ErrorRequestHandler => (error: unknown, request, response, _next) => {
  const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
  const format = formatOfPath(request.path);
  if (status >= 400 && status < 500) {
    const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : null;
    const description = type === 'entity.too.large' ? 'the request body is over 64 kB' : type === 'entity.parse.failed' ? 'the request body is not valid JSON' : 'the request could not be read';
    return answerErrors(response, format, [{ code: 400, description }]);
  }
  // [OPS10] Redis not connected: nothing was sent, nothing applied; the app may send the request again.
  if (isNeverSent(error)) return answerErrors(response, format, [{ code: 503, description: NOT_SENT.message }]);
  log.error({ err: error }, 'open311 request failed');
  answerErrors(response, format, [{ code: 500, description: 'the server could not complete the request' }]);
};
