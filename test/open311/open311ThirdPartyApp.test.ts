import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { schemaProblems } from './open311Schemas.ts';

/** Signs in through the API with plain fetch and answers the session cookie. */
async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

describe('[CC11][CC12] a third-party app uses Open311 with plain HTTP', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('[CC11][CC12] the administrator issues a key; the app posts a burst pipe, reads it back; Joburg Water sees it in its queue', async () => {
    // The city's administrator issues the app its key through the API.
    const admin = await signIn(app.url, 'admin');
    const issued = await fetch(`${app.url}/api/open311/keys`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin }, body: JSON.stringify({ name: 'fixmyjoburg' }) });
    expect(issued.status).toBe(200);
    const { data: key } = (await issued.json()) as { ok: true; data: { key: string; name: string } };
    expect(key.name).toBe('fixmyjoburg');

    // The app: discovery, the service list and the definition, then the report, form-encoded as the standard sends it.
    const discovery = (await (await fetch(`${app.url}/open311/v2/discovery.json`)).json()) as { endpoints: { url: string }[] };
    const endpoint = discovery.endpoints[0]?.url ?? '';
    expect(endpoint).toBe(`${app.url}/open311/v2`);
    const services = (await (await fetch(`${endpoint}/services.json`)).json()) as { service_code: string; service_name: string; metadata: boolean }[];
    const burst = services.find((s) => s.service_code === 'WATER-BURST');
    expect(burst).toBeDefined();
    const definition = (await (await fetch(`${endpoint}/services/WATER-BURST.json`)).json()) as unknown;
    expect(schemaProblems('service-definition.json', definition)).toEqual([]);
    const body = new URLSearchParams({
      api_key: key.key,
      service_code: 'WATER-BURST',
      lat: '-26.1952',
      long: '28.0340',
      address_string: 'Corner of Jorissen and Bertha Streets, Braamfontein',
      first_name: 'Lindiwe',
      phone: '+27 82 555 0142',
      description: 'Clean water gushing from a crack in the road',
    });
    const posted = await fetch(`${endpoint}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: body.toString() });
    expect(posted.status).toBe(200);
    const created = (await posted.json()) as { service_request_id: string; service_notice: string }[];
    expect(schemaProblems('request-response.json', created)).toEqual([]);
    const id = created[0]?.service_request_id ?? '';

    const read = (await (await fetch(`${endpoint}/requests/${id}.json`)).json()) as { service_request_id: string; status: string; agency_responsible: string; service_name: string }[];
    expect(schemaProblems('requests.json', read)).toEqual([]);
    expect(read).toEqual([expect.objectContaining({ service_request_id: id, status: 'open', agency_responsible: 'Joburg Water', service_name: burst?.service_name })]);
    const recent = (await (await fetch(`${endpoint}/requests.json?service_code=WATER-BURST&status=open`)).json()) as { service_request_id: string }[];
    expect(recent.map((r) => r.service_request_id)).toContain(id);

    // Joburg Water's officer finds it in the department's queue, logged by the app's key on the Open311 channel.
    const water = await signIn(app.url, 'water');
    const queue = (await (await fetch(`${app.url}/api/care/queue`, { headers: { cookie: water } })).json()) as { ok: true; data: { reference: string; channel: string; createdBy: string; callers: { name: string | null }[] }[] };
    expect(queue.data.find((t) => t.reference === id)).toMatchObject({ channel: 'open311', createdBy: 'open311:fixmyjoburg', callers: [expect.objectContaining({ name: 'Lindiwe' })] });

    // The administrator revokes the key: the app's next report is refused in the standard's words.
    const revoke = await fetch(`${app.url}/api/open311/keys/fixmyjoburg/revoke`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin }, body: '{}' });
    expect(revoke.status).toBe(200);
    const refused = await fetch(`${endpoint}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    expect(refused.status).toBe(403);
    expect(schemaProblems('errors.json', await refused.json())).toEqual([]);
  });
});
