import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_TAKER, crewSession, DISPATCHER, incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** The samples of a Prometheus text exposition, by series (`name{labels}`), in the order the labels were written. */
function samplesOf(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

async function scrape(url: string): Promise<{ status: number; contentType: string | null; samples: Map<string, number>; text: string }> {
  const response = await fetch(`${url}/metrics`);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), samples: samplesOf(text), text };
}

describe('[OPS2] Prometheus metrics at /metrics', () => {
  let t: TestServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    // Frames far apart, so two fixes of one unit always meet in the same frame.
    t = await startTestServer({ withArchive: true, settings: { positionFrameMs: 60_000 } });
  }, 180_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await t.close();
  });

  it('[OPS2] counts commands by name and outcome with their latency, sockets by role, positions, Redis PINGs and the event loop', async () => {
    const dispatcher = await connectClient(t.url, DISPATCHER);
    const callTaker = await connectClient(t.url, CALL_TAKER);
    const crew = await connectClient(t.url, crewSession('als-d04'));
    clients.push(dispatcher, callTaker, crew);
    for (let i = 0; i < 3; i += 1) expect((await send(dispatcher.socket, 'incident:create', incidentInput())).ok).toBe(true);
    expect((await send(callTaker.socket, 'dispatch:assign', { commandId: commandId(), incidentId: 'EC-00000000-0001', unitIds: ['als-d04'] })).ok).toBe(false);
    for (const lng of [28.01, 28.02, 28.03]) expect((await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: 'als-d04', position: [lng, -26.2], fixAt: Date.now() })).ok).toBe(true);
    // A readiness check PINGs Redis and feeds the latency histogram.
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);

    const { status, contentType, samples, text } = await scrape(t.url);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE cad_commands_total counter');
    expect(samples.get('cad_commands_total{command="incident:create",outcome="ok"}')).toBe(3);
    expect(samples.get('cad_commands_total{command="dispatch:assign",outcome="forbidden"}')).toBe(1);
    expect(samples.get('cad_commands_total{command="unit:position",outcome="ok"}')).toBe(3);
    expect(samples.get('cad_command_duration_seconds_count{command="incident:create"}')).toBe(3);
    expect(samples.get('cad_command_duration_seconds_bucket{le="+Inf",command="incident:create"}')).toBe(3);
    expect(samples.get('cad_sockets_connected{role="dispatcher"}')).toBe(1);
    expect(samples.get('cad_sockets_connected{role="call_taker"}')).toBe(1);
    expect(samples.get('cad_sockets_connected{role="crew"}')).toBe(1);
    expect(samples.get('cad_sockets_connected{role="supervisor"}')).toBe(0);
    expect(samples.get('cad_positions_received_total')).toBeGreaterThanOrEqual(3);
    // Three fixes of one unit in one frame: the first two were replaced before it went out.
    expect(samples.get('cad_positions_coalesced_total')).toBe(2);
    expect(samples.get('cad_positions_shed_total')).toBe(0);
    expect(samples.get('cad_redis_ping_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(samples.get('cad_commands_in_flight')).toBe(0);
    expect(samples.get('cad_draining')).toBe(0);
    // Node's own, from prom-client's default metrics in this instance's registry.
    expect(samples.get('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(samples.has('process_resident_memory_bytes')).toBe(true);

    // A socket that leaves is no longer counted.
    callTaker.close();
    await expect.poll(async () => (await scrape(t.url)).samples.get('cad_sockets_connected{role="call_taker"}'), { timeout: 5_000 }).toBe(0);
  });

  it('[OPS2] needs no session, and two instances in one process keep their own counts', async () => {
    const response = await fetch(`${t.url}/metrics`);
    expect(response.status).toBe(200);
    const other = await startTestServer();
    try {
      const { samples } = await scrape(other.url);
      expect(samples.has('cad_commands_total{command="incident:create",outcome="ok"}')).toBe(false);
      expect(samples.get('cad_sockets_connected{role="dispatcher"}')).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('[OPS2][AR5] the archive lag gauges follow the archive: 0 once it has confirmed everything, rising while PostgreSQL is down', async () => {
    const archive = t.server.ctx.archive;
    if (!archive || !t.postgres) throw new Error('the test server has no archive');
    const head = Number((await t.server.ctx.redis.get(t.server.ctx.keys.version)) ?? 0);
    expect(await archive.archiver.waitFor(head, 20_000)).toBe(true);
    let { samples } = await scrape(t.url);
    expect(samples.get('cad_archive_lag_entries')).toBe(0);
    expect(samples.get('cad_archive_lag_seconds')).toBe(0);

    await t.postgres.stop();
    const dispatcher = clients[0];
    if (!dispatcher) throw new Error('no dispatcher');
    for (let i = 0; i < 4; i += 1) expect((await send(dispatcher.socket, 'incident:create', incidentInput())).ok).toBe(true);
    ({ samples } = await scrape(t.url));
    expect(samples.get('cad_archive_lag_entries')).toBeGreaterThanOrEqual(4);
    expect(samples.get('cad_archive_lag_seconds')).toBeGreaterThanOrEqual(0);
  });
});
