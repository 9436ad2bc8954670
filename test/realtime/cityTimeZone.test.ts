import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CityLayersSchema } from '../../shared/city/citySchema.ts';
import { isValidReference } from '../../shared/incidents/referenceNumber.ts';
import { incidentInput, CALL_TAKER } from '../support/builders.ts';
import { connectClient, send } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** Somewhere in Andorra la Vella, inside the pack's outline. */
const ANDORRA_LA_VELLA: [number, number] = [1.5218, 42.5063];

describe('[IC2][OP2] an Andorra server dates its references on Andorra\'s calendar (daylight saving included)', () => {
  let app: TestServer;
  // The server's clock, set by each test: the references' day is read from it.
  let now = Date.UTC(2026, 6, 14, 22, 30);

  beforeAll(async () => {
    app = await startTestServer({ cityDir: 'fixtures/andorra', now: () => now });
  });
  afterAll(async () => {
    await app.close();
  });

  it('[OP2] the console learns the city\'s zone with its layers', async () => {
    const layers = CityLayersSchema.parse(((await (await fetch(`${app.url}/api/city`)).json()) as { data: unknown }).data);
    expect(layers.timeZone).toBe('Europe/Andorra');
  });

  it('[IC2] 22:30 UTC on 14 July is 00:30 on 15 July in Andorra (UTC+2): the reference carries 260715', async () => {
    now = Date.UTC(2026, 6, 14, 22, 30);
    const client = await connectClient(app.url, CALL_TAKER);
    const created = await send(client.socket, 'incident:create', incidentInput({ location: ANDORRA_LA_VELLA }));
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.reference).toMatch(/^EC-260715-0001-\d$/);
    expect(isValidReference(created.data.reference)).toBe(true);
    // [IC13] "1" is today's first incident: today in Andorra, still 14 July in UTC.
    const found = await send(client.socket, 'incident:get', { reference: '1' });
    expect(found.ok && found.data.reference).toBe(created.data.reference);
    client.close();
  });

  it('[IC2] 22:30 UTC on 14 January is 23:30 the same day in Andorra (UTC+1): the reference carries 260114', async () => {
    now = Date.UTC(2026, 0, 14, 22, 30);
    const client = await connectClient(app.url, CALL_TAKER);
    const created = await send(client.socket, 'incident:create', incidentInput({ location: ANDORRA_LA_VELLA }));
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.reference).toMatch(/^EC-260114-0001-\d$/);
    client.close();
  });
});
