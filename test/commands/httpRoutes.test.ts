import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CityLayersSchema } from '../../shared/city/citySchema.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { headersAs } from '../support/testSession.ts';

describe('[HT1] the HTTP routes serve the same commands', () => {
  let app: TestServer;
  let dispatchHeaders: Record<string, string>;
  beforeAll(async () => {
    app = await startTestServer();
    dispatchHeaders = await headersAs(app.url, { role: 'dispatcher', operatorId: 'disp-http' });
  });
  afterAll(async () => {
    await app.close();
  });

  const call = async (path: string, init: RequestInit = {}): Promise<{ status: number; body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> => {
    const response = await fetch(`${app.url}${path}`, { ...init, headers: { ...dispatchHeaders, ...(init.headers as Record<string, string> | undefined) } });
    return { status: response.status, body: (await response.json()) as { ok: boolean } };
  };

  it('[HT1] health reports Redis reachable and the version; OpenAPI lists every command route', async () => {
    const health = await call('/api/health');
    expect(health.body).toMatchObject({ ok: true, data: { redis: 'reachable', version: '0.1.0' } });
    const openapi = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/incidents', '/api/dispatch/assign', '/api/units/{unitId}/status', '/api/units/{unitId}/position', '/api/incidents/{incidentId}/recommendation']));
    expect(openapi.components.schemas).toHaveProperty('IncidentCreateInput');
  });

  it('[HT1] the city layers validate against the shared schema', async () => {
    const city = await call('/api/city');
    const layers = CityLayersSchema.parse(city.body.data);
    expect(layers.wards).toHaveLength(135);
    expect(layers.facilities.filter((f) => f.hasEmergencyUnit24h)).toHaveLength(15);
  });

  it('[HT1] create, recommend, assign and report status over HTTP', async () => {
    const created = await call('/api/incidents', { method: 'POST', body: JSON.stringify(incidentInput({ type: 'road_accident' })) });
    expect(created.status).toBe(200);
    const incident = created.body.data as { id: string };
    const recommendation = await call(`/api/incidents/${incident.id}/recommendation`);
    const byKind = (recommendation.body.data as { byKind: { kind: string; candidates: { unitId: string }[] }[] }).byKind;
    const unitId = byKind.find((k) => k.kind === 'als')?.candidates[0]?.unitId ?? '';
    const assigned = await call('/api/dispatch/assign', { method: 'POST', body: JSON.stringify({ commandId: commandId(), incidentId: incident.id, unitIds: [unitId] }) });
    expect(assigned.status).toBe(200);
    const again = await call('/api/dispatch/assign', { method: 'POST', body: JSON.stringify({ commandId: commandId(), incidentId: incident.id, unitIds: [unitId] }) });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('unit_not_available');
    const status = await call(`/api/units/${unitId}/status`, { method: 'POST', body: JSON.stringify({ commandId: commandId(), status: 'en_route' }) });
    expect(status.body).toMatchObject({ ok: true, data: { status: 'en_route' } });
    const state = await call('/api/state');
    expect((state.body.data as { version: number }).version).toBe(3);
  });

  it('[HT2] bad requests answer the result shape with a specific code and change nothing', async () => {
    const before = await app.server.ctx.redis.get(app.server.ctx.keys.version);
    const noSession = await fetch(`${app.url}/api/incidents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(incidentInput()) });
    expect(noSession.status).toBe(401);
    expect(((await noSession.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const declared = await fetch(`${app.url}/api/state`, { headers: { 'x-cad-role': 'supervisor', 'x-cad-operator': 'sup-1' } });
    expect(declared.status).toBe(401);
    const malformed = await call('/api/incidents', { method: 'POST', body: '{"commandId": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.code).toBe('validation_failed');
    const invalid = await call('/api/incidents', { method: 'POST', body: JSON.stringify({ ...incidentInput(), location: [28, -100] }) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.message).toMatch(/location/);
    const noBody = await call('/api/units/als-a01/status', { method: 'POST' });
    expect(noBody.status).toBe(400);
    const badSince = await call('/api/journal?since=abc');
    expect(badSince.status).toBe(400);
    const unknown = await call('/api/nothing-here');
    expect(unknown.status).toBe(404);
    const callTakerAssign = await call('/api/dispatch/assign', { method: 'POST', headers: await headersAs(app.url, { role: 'call_taker', operatorId: 'ct-http' }), body: JSON.stringify({ commandId: commandId(), incidentId: 'x', unitIds: ['als-a01'] }) });
    expect(callTakerAssign.status).toBe(403);
    expect(await app.server.ctx.redis.get(app.server.ctx.keys.version)).toBe(before);
  });

  it('[HT2] a path that does not decode, an OPTIONS request and an address too long all answer in the result shape', async () => {
    const badPath = await call('/api/units/%E0%A4%A/route');
    expect(badPath.status).toBe(400);
    expect(badPath.body.error?.message).toMatch(/^the request path is not a valid address/);
    const options = await fetch(`${app.url}/api/incidents`, { method: 'OPTIONS' });
    expect(options.status).toBe(404);
    expect(((await options.json()) as { error: { code: string } }).error.code).toBe('unknown_command');
    const long = await fetch(`${app.url}/api/incidents/${'x'.repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(((await long.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });
});

describe('[HT3] the city layers are served compressed', () => {
  it('[HT3] gzip when the console accepts it, plain JSON otherwise, the same document either way', async () => {
    const app = await startTestServer();
    try {
      const { request } = await import('node:http');
      const raw = (encoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
        new Promise((resolve, reject) => {
          request(`${app.url}/api/city`, { headers: { 'accept-encoding': encoding } }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
          }).on('error', reject).end();
        });
      const zipped = await raw('gzip, deflate');
      const plain = await raw('identity');
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      const { gunzipSync } = await import('node:zlib');
      expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
      expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    } finally {
      await app.close();
    }
  });
});
