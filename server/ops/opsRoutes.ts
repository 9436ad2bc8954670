import { Router } from 'express';
import type { CadOps } from './cadOps.ts';

/**
 * [OPS2][OPS3] The routes an orchestrator and a metrics collector call, outside `/api` (no session, no API rate
 * limit; they belong on the internal network, not behind the public proxy):
 * - `/livez` answers 200 while the process turns its event loop;
 * - `/readyz` answers 200 only while Redis answers a PING within its bound and the instance is not draining, else
 *   503 with the reason, always within a second;
 * - `/metrics` is the Prometheus text exposition.
 */
export function opsRoutes(ops: CadOps): Router {
  const router = Router();
  const startedAt = Date.now();
  router.get('/livez', (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.json({ live: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });
  router.get('/readyz', async (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    if (ops.gate.isDraining) {
      response.status(503).json({ ready: false, reason: 'draining', message: 'this instance is shutting down and takes no new commands' });
      return;
    }
    const redis = await ops.redisProbe.check();
    // Draining may have begun while the PING was out.
    if (ops.gate.isDraining) {
      response.status(503).json({ ready: false, reason: 'draining', message: 'this instance is shutting down and takes no new commands' });
      return;
    }
    if (!redis.isReachable) {
      response.status(503).json({ ready: false, reason: 'redis_unreachable', message: `Redis unreachable: ${redis.reason}` });
      return;
    }
    response.json({ ready: true, redisPingMs: redis.ms });
  });
  router.get('/metrics', async (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.type(ops.metrics.contentType).send(await ops.metrics.exposition());
  });
  return router;
}
