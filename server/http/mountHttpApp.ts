import { stampRequestTakenAt } from './requestTakenAt.ts';
import { isNeverSent, NOT_SENT } from '../redis/redisErrors.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { fail } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { Publisher } from '../realtime/publishOutcome.ts';
import { contractRoutes } from './contractRoutes.ts';
import { cityLayersRoute } from './cityLayersRoute.ts';
import { openApiDocument } from './openApiDocument.ts';
import { OPEN311_MOUNT, open311Errors, open311Router } from '../open311/open311Router.ts';
import { securityHeaders } from './securityHeaders.ts';
import { opsRoutes } from '../ops/opsRoutes.ts';
import type { Logger } from '../ops/logger.ts';
import { withinMs } from '../ops/withinMs.ts';

/** [OPS3] How long health waits for the archive's lag (read from Redis) beside its PING; both run at once. */
const ARCHIVE_LAG_BOUND_MS = 500;

export interface HttpAppOptions {
  version: string;
  /** The built console to serve, if any. */
  consoleDir?: string;
}

/**
 * Mounts the HTTP side on `app`: health, state, city layers, OpenAPI, the command routes and the
 * built console. The app is handed to the HTTP server before Socket.IO attaches, so Socket.IO's
 * own requests never reach Express.
 */
export function mountHttpApp(app: Express, ctx: CadContext, publisher: Publisher, options: HttpAppOptions): void {
  app.disable('x-powered-by');
  app.use(stampRequestTakenAt);
  app.use(securityHeaders(ctx.settings.isSecureCookie));
  // [OPS2][OPS3] Outside /api: no API rate limit (a probe every few seconds must never be refused), no session.
  app.use(opsRoutes(ctx.ops));
  // [OPS3] Answers within a second whatever Redis is doing: the PING and the archive's lag are each bounded. It comes
  // before the API's rate limit, which is counted in Redis and would hold it for as long as Redis does not answer;
  // its own cost is one bounded PING and one bounded read.
  app.get('/api/health', async (_request, response) => {
    const [redis, lag] = await Promise.all([ctx.ops.redisProbe.check(), ctx.archive ? withinMs(ctx.archive.archiver.lag(), ARCHIVE_LAG_BOUND_MS) : null]);
    if (!redis.isReachable) {
      ctx.ops.log.debug({ reason: redis.reason }, `health: Redis unreachable (${redis.reason})`);
      response.status(503).json(fail('unavailable', `Redis unreachable: ${redis.reason}`));
      return;
    }
    // [AR5] How far the durable record is behind the live state; null when there is no archive or the lag could not be read in time.
    const archive = lag?.ok ? lag.value : null;
    response.json({ ok: true, data: { redis: 'reachable', version: options.version, city: ctx.city.data.name, archive, ...(lag && !lag.ok ? { archiveLag: 'unknown: not read within 500 ms' } : {}) } });
  });
  // [HI1] Every API request counts against its address's limit, on every instance.
  app.use('/api', (request, response, next) => {
    ctx.limits.consume('http', request.ip ?? 'unknown').then((limit) => {
      if (limit.isAllowed) return next();
      response.setHeader('Retry-After', String(limit.retryAfterSeconds));
      response.status(429).json(fail('rate_limited', `too many requests; try again in ${limit.retryAfterSeconds} s`));
    }, next);
  });
  app.use(express.json({ limit: '64kb' }));
  // The API is same-origin: no cross-origin preflight is served, and OPTIONS answers like any unknown route.
  app.use('/api', (request, response, next) => {
    if (request.method !== 'OPTIONS') return next();
    response.status(404).json(fail('unknown_command', `no route OPTIONS ${request.path}`));
  });

  app.get('/api/openapi.json', (_request, response) => {
    response.json(openApiDocument(options.version));
  });
  app.use(cityLayersRoute(ctx.city.layers));
  // [CC8] Open311 GeoReport v2: outside the contract (the standard fixes its shapes and errors), same ticket functions.
  app.use(OPEN311_MOUNT, open311Router(ctx, publisher), open311Errors(ctx.ops.log));
  app.use(contractRoutes(ctx, publisher));
  app.use('/api', (request, response) => {
    response.status(404).json(fail('unknown_command', `no route ${request.method} ${request.originalUrl}`));
  });

  if (options.consoleDir && existsSync(join(options.consoleDir, 'index.html'))) {
    const consoleDir = options.consoleDir;
    app.use(express.static(consoleDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_request, response) => response.sendFile(join(consoleDir, 'index.html')));
  }
  app.use(jsonErrors(ctx.ops.log));
}

/** Malformed JSON and oversized bodies answer in the one result shape; nothing else leaks. */
const jsonErrors = (log: Logger): ErrorRequestHandler => (error: unknown, request, response, _next) => {
  const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
  if (status >= 400 && status < 500) {
    const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : null;
    const message =
      error instanceof URIError
        ? 'the request path is not a valid address (a % must begin a percent-encoded character)'
        : type === 'entity.too.large'
          ? 'the request body is over 64 kB'
          : type === 'entity.parse.failed'
            ? 'the request body is not valid JSON'
            : 'the request body could not be read';
    response.status(status).json(fail('validation_failed', message));
    return;
  }
  // [OPS10] Redis not connected (the rate limit or the session could not be read): nothing was sent, nothing applied.
  if (isNeverSent(error)) {
    response.status(503).json(fail(NOT_SENT.code, NOT_SENT.message));
    return;
  }
  log.error({ err: error, method: request.method, path: request.path }, 'HTTP request failed');
  response.status(500).json(fail('internal_error', 'the server could not complete the request'));
};
