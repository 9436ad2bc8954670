import { gzipSync } from 'node:zlib';
import { Router } from 'express';
import type { CityLayers } from '../../shared/city/citySchema.ts';

/**
 * GET /api/city: the city's map layers and gazetteer (about a megabyte of JSON, mostly ward
 * outlines). It never changes while the server runs, so it is serialised and gzipped once.
 */
export function cityLayersRoute(layers: CityLayers): Router {
  const json = Buffer.from(JSON.stringify({ ok: true, data: layers }));
  const gzipped = gzipSync(json);
  const router = Router();
  router.get('/api/city', (request, response) => {
    response.type('application/json').setHeader('Vary', 'Accept-Encoding');
    response.setHeader('Cache-Control', 'no-cache');
    if (request.acceptsEncodings('gzip') === 'gzip') {
      response.setHeader('Content-Encoding', 'gzip');
      response.send(gzipped);
      return;
    }
    response.send(json);
  });
  return router;
}
