import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Open311KeyIssued } from '../../shared/open311/open311KeySchema.ts';
import { TicketCreateInputSchema, type Ticket } from '../../shared/tickets/ticketSchema.ts';
import type { CadContext } from '../../server/app/cadContext.ts';
import { createTicket } from '../../server/tickets/createTicket.ts';
import type { AuditPage } from '../../shared/audit/auditSchema.ts';
import { CBD, ticketInput } from '../support/builders.ts';
import { commandId } from '../support/testClient.ts';
import { adminCookie, sessionCookie, type TestIdentity } from '../support/testSession.ts';
import { startTestServer, TEST_RATE_LIMITS, type TestServer } from '../support/testServer.ts';
import { dataOf, sendHttp } from '../security/contractRequest.ts';
import { schemaProblems, type Open311SchemaName } from './open311Schemas.ts';
import { asXmlWouldSay, parseXml, sparkValue } from './xmlTree.ts';

const AGENT: TestIdentity = { role: 'care_agent', operatorId: 'o311-agent' };
const WATER: TestIdentity = { role: 'department_officer', operatorId: 'o311-water', department: 'joburg_water' };
const DAY = 86_400_000;

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** An errors answer holding exactly one error: its code (a number in JSON, text in XML) and what it says. */
function expectOneError(body: unknown, code: number | string, says: RegExp): void {
  expect(Array.isArray(body)).toBe(true);
  const errors = body as { code: unknown; description: unknown }[];
  expect(errors).toHaveLength(1);
  expect(errors[0]?.code).toBe(code);
  expect(String(errors[0]?.description)).toMatch(says);
}

async function request(url: string, init?: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('[CC8]–[CC13] the Open311 GeoReport v2 endpoint', () => {
  let app: TestServer;
  let base: string;
  let key: string;

  beforeAll(async () => {
    app = await startTestServer();
    base = `${app.url}/open311/v2`;
    key = (await issueKey('test-app')).key;
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  const ctx = (): CadContext => app.server.ctx;

  async function issueKey(name: string): Promise<Open311KeyIssued> {
    return dataOf<Open311KeyIssued>((await sendHttp(app.url, 'open311:key_create', { name }, await adminCookie(app.url))).body);
  }

  /** GET in JSON, checked against `schema`; the same resource in XML read back and compared with it field by field. */
  async function getBoth(path: string, schema: Open311SchemaName, status = 200): Promise<unknown> {
    const json = await request(`${base}/${path.replace('{format}', 'json')}`);
    expect(json.status, json.text).toBe(status);
    expect(json.contentType).toBe('application/json; charset=utf-8');
    const body: unknown = JSON.parse(json.text);
    expect(schemaProblems(schema, body)).toEqual([]);
    const xml = await request(`${base}/${path.replace('{format}', 'xml')}`);
    expect(xml.status).toBe(status);
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(sparkValue(parseXml(xml.text))).toEqual(asXmlWouldSay(body));
    return body;
  }

  /** POSTs form-encoded fields (the standard's way), with the test key unless `api_key` is given. */
  async function postForm(fields: Record<string, string>, format: 'json' | 'xml' = 'json'): Promise<Answer> {
    return request(`${base}/requests.${format}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: new URLSearchParams({ api_key: key, ...fields }).toString() });
  }

  /** What a refusal may not have changed: the journal's version and the ticket indexes. */
  async function stateOf(): Promise<string> {
    const { redis, keys } = ctx();
    return JSON.stringify(await Promise.all([redis.get(keys.version), redis.zcard(keys.ticketsCreated), redis.zcard(keys.openTickets('joburg_water'))]));
  }

  const agentGet = async (reference: string): Promise<Ticket> => dataOf<Ticket>((await sendHttp(app.url, 'ticket:get', { reference }, await sessionCookie(app.url, AGENT))).body);

  /** A ticket logged by the agent through the command path at a chosen time (for the date filters). */
  async function ticketAt(at: number, serviceCode = 'ROAD-POTHOLE'): Promise<Ticket> {
    const input = TicketCreateInputSchema.parse(ticketInput({ serviceCode, description: 'pothole in the left lane' }));
    const outcome = await createTicket({ ...ctx(), now: () => at }, input, { role: 'care_agent', operatorId: 'o311-agent' });
    return dataOf(outcome.result);
  }

  it('[CC8] discovery names this endpoint, GeoReport v2, in XML and JSON', async () => {
    const discovery = (await getBoth('discovery.{format}', 'discovery.json')) as { endpoints: { url: string; specification: string; formats: string[] }[]; contact: string };
    expect(discovery.endpoints).toEqual([expect.objectContaining({ url: `${app.url}/open311/v2`, specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] })]);
    expect(discovery.contact).toContain('0860 562 874');
  });

  it('[CC14] answers a browser on another site: a preflight at once, and every answer open to any origin; the rest of the API stays same-origin', async () => {
    const preflight = await fetch(`${app.url}/open311/v2/requests.json`, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const services = await fetch(`${app.url}/open311/v2/services.json`, { headers: { origin: 'https://app.example' } });
    expect(services.headers.get('access-control-allow-origin')).toBe('*');
    const api = await fetch(`${app.url}/api/care/services`, { headers: { origin: 'https://app.example' } });
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('[CC8] services lists every Care Connect service; metadata is true exactly where it has extra fields', async () => {
    const services = (await getBoth('services.{format}', 'services.json')) as { service_code: string; metadata: boolean; type: string; group: string }[];
    const catalogue = ctx().city.care;
    expect(services.map((s) => s.service_code)).toEqual(catalogue?.file.services.map((s) => s.code));
    for (const service of services) {
      expect(service.metadata, service.service_code).toBe((catalogue?.service(service.service_code)?.extraFields.length ?? 0) > 0);
      expect(service.type).toBe('realtime');
    }
  });

  it('[CC8] every service definition carries its extra fields as string attributes, in order, with required, hint and label', async () => {
    for (const service of ctx().city.care?.file.services ?? []) await getBoth(`services/${service.code}.{format}`, 'service-definition.json');
    const definition = (await getBoth('services/ACC-METER-READING.{format}', 'service-definition.json')) as { attributes: unknown[] };
    expect(definition.attributes).toEqual([
      { variable: true, code: 'account_number', datatype: 'string', required: true, datatype_description: '10 digits, as on the municipal account', order: 1, description: 'Municipal account number' },
      { variable: true, code: 'meter_number', datatype: 'string', required: true, datatype_description: '6 to 13 digits, as printed on the meter', order: 2, description: 'Meter number' },
      { variable: true, code: 'meter_reading', datatype: 'string', required: true, datatype_description: '1 to 8 digits, whole units only', order: 3, description: 'Meter reading' },
    ]);
    expect(await getBoth('services/WATER-BURST.{format}', 'service-definition.json')).toEqual({ service_code: 'WATER-BURST', attributes: [] });
  });

  it('[CC8] an unknown service, request or resource answers 404 in the standard error shape, in the format asked', async () => {
    const unknown = (await getBoth('services/NO-SUCH.{format}', 'errors.json', 404)) as { code: number; description: string }[];
    expectOneError(unknown, 404, /NO-SUCH/);
    await getBoth('requests/CC-260101-0001-0.{format}', 'errors.json', 404);
    for (const path of ['services.csv', 'requests', 'nothing.json', '../v3/services.json']) {
      const answer = await request(`${base}/${path}`);
      expect(answer.status, path).toBe(404);
      expect(schemaProblems('errors.json', JSON.parse(answer.text))).toEqual([]);
    }
    const other = await request(`${app.url}/open311/anything.xml`);
    expect(other.status).toBe(404);
    expectOneError(sparkValue(parseXml(other.text)), '404', /no resource/);
  });

  it('[CC11][CC9] a form-encoded POST logs a ticket on channel open311 by the key\'s name; GET gives it back without anything personal', async () => {
    const before = await stateOf();
    const created = await postForm({
      service_code: 'WATER-METER-LEAK',
      lat: String(CBD[1]),
      long: String(CBD[0]),
      address_string: '14 Rissik Street, Marshalltown',
      first_name: 'Nomsa',
      last_name: 'Mabaso',
      phone: '082 555 0177',
      email: 'nomsa@example.org',
      description: 'The meter box is flooded and water runs down the street',
      'attribute[meter_number]': '12345678',
      media_url: 'https://example.org/photo.jpg',
      jurisdiction_id: 'joburg.org.za',
      device_id: 'abc123',
    });
    expect(created.status, created.text).toBe(200);
    const answer = JSON.parse(created.text) as { service_request_id: string; service_notice: string; account_id: null }[];
    expect(schemaProblems('request-response.json', answer)).toEqual([]);
    const id = answer[0]?.service_request_id ?? '';
    expect(id).toMatch(/^CC-\d{6}-\d{4}-\d$/);
    expect(answer[0]?.service_notice).toMatch(new RegExp(`^Logged with Care Connect as ${id}\\. Joburg Water expects to resolve it by \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
    expect(await stateOf()).not.toBe(before);

    const ticket = await agentGet(id);
    expect(ticket).toMatchObject({ channel: 'open311', createdBy: 'open311:test-app', serviceCode: 'WATER-METER-LEAK', department: 'joburg_water', extra: { meter_number: '12345678' }, location: CBD });
    expect(ticket.callers[0]).toMatchObject({ name: 'Nomsa Mabaso', callbackNumber: '082 555 0177', email: 'nomsa@example.org', channel: 'open311', by: 'open311:test-app' });

    const [request311] = (await getBoth(`requests/${id}.{format}`, 'requests.json')) as Record<string, unknown>[];
    expect(request311).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: `Open: Logged with Care Connect for ${ctx().city.care?.service('WATER-METER-LEAK')?.name ?? '?'}.`,
      service_code: 'WATER-METER-LEAK',
      agency_responsible: 'Joburg Water',
      description: null,
      lat: Math.round(CBD[1] * 1000) / 1000,
      long: Math.round(CBD[0] * 1000) / 1000,
      address: `Ward ${ticket.ward ?? ''}, City of Johannesburg`,
    });
    expect(request311?.requested_datetime).toBe(new Date(ticket.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const listed = JSON.stringify(await getBoth(`requests.{format}?service_request_id=${id}`, 'requests.json'));
    for (const personal of ['Nomsa', 'Mabaso', '555', 'example.org', 'Rissik', '12345678', 'flooded', String(CBD[1])]) {
      expect(JSON.stringify(request311), personal).not.toContain(personal);
      expect(listed, personal).not.toContain(personal);
    }
  });

  it('[CC11] a JSON POST with an attribute object, answered in XML, as the standard\'s service_requests list', async () => {
    const answer = await request(`${base}/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: key, service_code: 'ACC-METER-READING', attribute: { account_number: '1234567890', meter_number: '987654', meter_reading: 4521 }, phone: '011 555 0100' }),
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    const [created] = sparkValue(parseXml(answer.text)) as { service_request_id: string; service_notice: string; account_id: null }[];
    expect(created?.account_id).toBeNull();
    // A number was given, so the notice carries the service's callback promise.
    expect(created?.service_notice).toContain(ctx().city.care?.service('ACC-METER-READING')?.callbackPromise ?? '?');
    const ticket = await agentGet(created?.service_request_id ?? '');
    expect(ticket).toMatchObject({ extra: { account_number: '1234567890', meter_number: '987654', meter_reading: '4521' }, location: null, description: ctx().city.care?.service('ACC-METER-READING')?.name });
    const [listed] = (await getBoth(`requests/${ticket.reference}.{format}`, 'requests.json')) as Record<string, unknown>[];
    // Not a service about a place: no coordinates, even had the caller's home been given.
    expect(listed).toMatchObject({ lat: null, long: null });
  });

  it('[CC11] bad requests get the standard\'s errors with the right status and change nothing', async () => {
    const before = await stateOf();
    const cases: { fields: Record<string, string>; status: number; says: RegExp }[] = [
      { fields: { api_key: '', service_code: 'WATER-BURST', address_string: 'x' }, status: 403, says: /api_key is required/ },
      { fields: { api_key: 'not-a-key', service_code: 'WATER-BURST', address_string: 'x' }, status: 403, says: /invalid api_key/ },
      { fields: { service_code: 'NO-SUCH' }, status: 404, says: /NO-SUCH is not a service/ },
      { fields: {}, status: 400, says: /service_code: required/ },
      { fields: { service_code: 'WATER-BURST', description: 'no place given' }, status: 400, says: /lat\/long or address_string: .*needs a place/ },
      { fields: { service_code: 'WATER-BURST', lat: '-26.2' }, status: 400, says: /send both/ },
      { fields: { service_code: 'WATER-BURST', lat: 'south', long: '28.04' }, status: 400, says: /lat: a decimal number/ },
      { fields: { service_code: 'WATER-BURST', lat: '-95', long: '28.04' }, status: 400, says: /^lat: / },
      { fields: { service_code: 'ACC-METER-READING', 'attribute[account_number]': '123' }, status: 400, says: /attribute\[account_number\]: Municipal account number: 10 digits/ },
      { fields: { service_code: 'ACC-METER-READING', 'attribute[account_number]': '1234567890', 'attribute[meter_number]': '987654' }, status: 400, says: /attribute\[meter_reading\]: Meter reading is required/ },
      { fields: { service_code: 'WATER-BURST', address_string: 'x', 'attribute[colour]': 'blue' }, status: 400, says: /attribute\[colour\]: WATER-BURST has no such attribute/ },
      { fields: { service_code: 'WATER-BURST', address_string: 'x', phone: 'call me' }, status: 400, says: /^phone: / },
      { fields: { service_code: 'WATER-BURST', address_string: 'x', email: 'nobody' }, status: 400, says: /^email: / },
      { fields: { service_code: 'WATER-BURST', address_string: 'x', description: 'x'.repeat(2001) }, status: 400, says: /^description: / },
    ];
    for (const { fields, status, says } of cases) {
      const answer = await postForm(fields);
      expect(answer.status, `${JSON.stringify(fields).slice(0, 120)} → ${answer.text}`).toBe(status);
      const errors = JSON.parse(answer.text) as { code: number; description: string }[];
      expect(schemaProblems('errors.json', errors)).toEqual([]);
      expect(errors.every((e) => e.code === status)).toBe(true);
      expect(errors.map((e) => e.description).join(' | ')).toMatch(says);
    }
    const xml = await postForm({ api_key: 'not-a-key', service_code: 'WATER-BURST' }, 'xml');
    expect(xml.status).toBe(403);
    expectOneError(sparkValue(parseXml(xml.text)), '403', /invalid api_key/);
    const malformed = await request(`${base}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key": ' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text)).toEqual([{ code: 400, description: 'the request body is not valid JSON' }]);
    expect(await stateOf()).toBe(before);
  });

  it('[CC9] the detailed state travels in status_notes; every end is closed, dated when it closed', async () => {
    const ticket = await ticketAt(Date.now(), 'WATER-BURST');
    const officer = await sessionCookie(app.url, WATER);
    const update = async (status: Ticket['status'], publicNote: string): Promise<void> => {
      dataOf((await sendHttp(app.url, 'ticket:update', { commandId: commandId(), ticketId: ticket.id, status, publicNote, internalNote: 'crew 7, see job card 4411' }, officer)).body);
    };
    const read = async (): Promise<Record<string, unknown>> => ((await getBoth(`requests/${ticket.reference}.{format}`, 'requests.json')) as Record<string, unknown>[])[0] ?? {};
    await update('in_progress', 'A team is repairing the pipe.');
    const inProgress = await read();
    expect(inProgress).toMatchObject({ status: 'open', status_notes: 'In progress: A team is repairing the pipe.' });
    expect(inProgress.service_notice).toMatch(/^Joburg Water expects to resolve it by /);
    await update('closed_fixed', 'The pipe was replaced.');
    const closed = await agentGet(ticket.reference);
    const fixed = await read();
    expect(fixed).toMatchObject({ status: 'closed', status_notes: 'Closed: fixed: The pipe was replaced.', service_notice: null, updated_datetime: new Date(closed.closedAt ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    expect(JSON.stringify(fixed)).not.toContain('job card');
    await update('open', 'Reopened: the resident reports it is leaking again.');
    expect(await read()).toMatchObject({ status: 'open' });
    await update('referred', 'Referred to Rand Water, who own this main.');
    expect(await read()).toMatchObject({ status: 'closed', status_notes: 'Referred elsewhere: Referred to Rand Water, who own this main.' });
  });

  it('[CC10] GET requests: the last 90 days by default, newest first; windows, services and statuses filter; ids override', async () => {
    const now = Date.now();
    const old = await ticketAt(now - 100 * DAY, 'ROAD-SIGN');
    const recent = await ticketAt(now - 10 * DAY, 'ROAD-SIGN');
    const newest = await ticketAt(now - 1000, 'ROAD-SIGN');
    const sinkhole = await ticketAt(now - 5 * DAY, 'ROAD-SINKHOLE');
    const ids = async (query: string): Promise<string[]> => ((await getBoth(`requests.{format}?${query}`, 'requests.json')) as { service_request_id: string }[]).map((r) => r.service_request_id);

    expect(await ids('service_code=ROAD-SIGN')).toEqual([newest.reference, recent.reference]);
    const w3 = (ms: number): string => new Date(ms).toISOString();
    expect(await ids(`service_code=ROAD-SIGN&start_date=${w3(now - 120 * DAY)}&end_date=${w3(now - 50 * DAY)}`)).toEqual([old.reference]);
    // A start alone reads the 90 days from it; an end alone the 90 days up to it.
    expect(await ids(`service_code=ROAD-SIGN&start_date=${w3(now - 101 * DAY)}`)).toEqual([old.reference]);
    expect(await ids(`service_code=ROAD-SIGN&start_date=${w3(now - 91 * DAY)}`)).toEqual([recent.reference]);
    expect(await ids(`service_code=ROAD-SIGN&end_date=${w3(now - 9 * DAY)}`)).toEqual([recent.reference]);
    expect(await ids(`service_code=ROAD-SIGN&end_date=${w3(now - 99 * DAY)}`)).toEqual([old.reference]);
    // An offset written unencoded in a URL (+ read as a space) is still understood.
    const local = new Date(now - 20 * DAY + 2 * 3_600_000).toISOString().slice(0, 19);
    expect(await ids(`service_code=ROAD-SIGN&start_date=${local}+02:00`)).toEqual([newest.reference, recent.reference]);
    expect(await ids('service_code=ROAD-SIGN,ROAD-SINKHOLE')).toEqual([newest.reference, sinkhole.reference, recent.reference]);
    expect(await ids('service_code=ROAD-SIGN&service_code=ROAD-SINKHOLE')).toEqual([newest.reference, sinkhole.reference, recent.reference]);
    dataOf((await sendHttp(app.url, 'ticket:update', { commandId: commandId(), ticketId: recent.id, status: 'closed_not_city', publicNote: 'A provincial road sign.' }, await sessionCookie(app.url, { role: 'supervisor', operatorId: 'o311-sup' }))).body);
    expect(await ids('service_code=ROAD-SIGN&status=closed')).toEqual([recent.reference]);
    expect(await ids('service_code=ROAD-SIGN&status=open')).toEqual([newest.reference]);
    expect(await ids('service_code=ROAD-SIGN&status=open,closed')).toEqual([newest.reference, recent.reference]);
    const all = await ids('status=closed');
    expect(all).toContain(recent.reference);
    expect(all).not.toContain(newest.reference);
    // Named requests override every other argument, the old one included; unknown or misheard ids are simply absent.
    expect(await ids(`service_request_id=${old.reference},CC-000000-0000-0,nonsense,${newest.reference}&service_code=ROAD-SINKHOLE&status=closed`)).toEqual([old.reference, newest.reference]);
  });

  it('[CC10] dates and filters that cannot be read, or a span over 90 days, are refused with 400 (unknown service: 404)', async () => {
    const cases: [string, number, RegExp][] = [
      ['start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z', 400, /may not span more than 90 days/],
      ['start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z', 400, /end_date is before start_date/],
      ['start_date=yesterday', 400, /start_date: a w3 date-time/],
      ['end_date=2026-02-30T00:00:00Z', 400, /end_date: a w3 date-time/],
      ['start_date=2026-01-01', 400, /with its time zone/],
      ['status=pending', 400, /status: open, closed/],
      ['service_code=NO-SUCH', 404, /NO-SUCH is not a service/],
    ];
    for (const [query, status, says] of cases) {
      const errors = (await getBoth(`requests.{format}?${query}`, 'errors.json', status)) as { description: string }[];
      expect(errors.map((e) => e.description).join(' | '), query).toMatch(says);
    }
    const tooMany = Array.from({ length: 1001 }, (_, i) => String(i)).join(',');
    const many = await request(`${base}/requests.json?service_request_id=${tooMany}`);
    expect(many.status).toBe(400);
    expect(JSON.parse(many.text)).toEqual([{ code: 400, description: 'service_request_id: at most 1000 ids at once' }]);
  });

  it('[CC10] at most 1000 answers, the newest, read from the service\'s index: only the answered tickets are read', async () => {
    const now = Date.now();
    const made: Ticket[] = [];
    for (let batch = 0; batch < 1005; batch += 201) {
      const size = Math.min(201, 1005 - batch);
      made.push(...(await Promise.all(Array.from({ length: size }, (_, i) => ticketAt(now - (batch + i + 1) * 60_000, 'PARK-MAINTENANCE')))));
    }
    const { redis } = ctx();
    const hgets = async (): Promise<number> => Number(/cmdstat_hget:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
    const before = await hgets();
    const answer = JSON.parse((await request(`${base}/requests.json?service_code=PARK-MAINTENANCE`)).text) as { service_request_id: string }[];
    expect(answer).toHaveLength(1000);
    expect(answer.map((r) => r.service_request_id)).toEqual(made.slice(0, 1000).map((t) => t.reference));
    expect((await hgets()) - before).toBe(1000);

    // With a status filter the index is paged and the open queues consulted: still only the answer's tickets are read.
    const tiny = await ticketAt(now - 2 * DAY, 'ROAD-TRAFFIC-SIGNAL');
    const beforeFiltered = await hgets();
    const open = JSON.parse((await request(`${base}/requests.json?status=open&service_code=ROAD-TRAFFIC-SIGNAL`)).text) as { service_request_id: string }[];
    expect(open.map((r) => r.service_request_id)).toEqual([tiny.reference]);
    expect((await hgets()) - beforeFiltered).toBe(1);
    const closedNone = JSON.parse((await request(`${base}/requests.json?status=closed&service_code=PARK-MAINTENANCE`)).text) as unknown[];
    expect(closedNone).toEqual([]);
  });

  it('[CC12] keys: the key is shown once, listed by name only; a revoked key is refused at once; names are unique', async () => {
    const issued = await issueKey('ward-12-app');
    expect(issued.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const admin = await adminCookie(app.url);
    const listed = dataOf<unknown[]>((await sendHttp(app.url, 'open311:key_list', {}, admin)).body);
    expect(JSON.stringify(listed)).not.toContain(issued.key);
    expect(listed).toContainEqual({ name: 'ward-12-app', createdAt: issued.createdAt, createdBy: 'admin', revokedAt: null, revokedBy: null });
    const stored = JSON.stringify(await ctx().redis.hgetall(ctx().keys.open311Keys)) + JSON.stringify(await ctx().redis.hgetall(ctx().keys.open311KeyHashes));
    expect(stored).not.toContain(issued.key);

    const post = (apiKey: string): Promise<Answer> => postForm({ api_key: apiKey, service_code: 'REFUSE-MISSED', address_string: '3 Loveday Street' });
    expect((await post(issued.key)).status).toBe(200);
    const again = await sendHttp(app.url, 'open311:key_create', { name: 'Ward-12-App' }, admin);
    expect(again.status).toBe(400);
    const revoked = dataOf<{ revokedAt: number | null; revokedBy: string | null }>((await sendHttp(app.url, 'open311:key_revoke', { name: 'ward-12-app' }, admin)).body);
    expect(revoked.revokedBy).toBe('admin');
    expect(revoked.revokedAt).toBeGreaterThanOrEqual(issued.createdAt);
    const refused = await post(issued.key);
    expect(refused.status).toBe(403);
    expectOneError(JSON.parse(refused.text), 403, /invalid api_key/);
    expect((await sendHttp(app.url, 'open311:key_revoke', { name: 'never-issued' }, admin)).status).toBe(400);
    const agentTry = await sendHttp(app.url, 'open311:key_create', { name: 'sneaky' }, await sessionCookie(app.url, AGENT));
    expect(agentTry.status).toBe(403);
  });

  it('[CC13] every POST is audited under open311:<key name>, filed by the reference, never with the key', async () => {
    const created = JSON.parse((await postForm({ service_code: 'REFUSE-BIN', address_string: '7 Eloff Street' })).text) as { service_request_id: string }[];
    const reference = created[0]?.service_request_id ?? '';
    const page = dataOf<AuditPage>((await sendHttp(app.url, 'audit:search', { username: 'open311:test-app', limit: 500 }, await adminCookie(app.url))).body);
    const entry = page.entries.find((e) => e.incidentId === reference);
    expect(entry).toMatchObject({ command: 'open311:request', role: 'system', transport: 'http', outcome: 'ok' });
    expect(page.entries.some((e) => e.outcome === 'validation_failed')).toBe(true);
    expect(JSON.stringify(page)).not.toContain(key);
  });
});

describe('[CC13][CC8] limits and cities without a Care Connect line', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ cityDir: 'fixtures/andorra', settings: { rateLimits: { ...TEST_RATE_LIMITS, httpPerMinute: 3 } } });
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('[CC8] a city with no Care Connect line has no Open311 service; [CC13] the per-address limit answers 429 in the standard shape', async () => {
    for (let i = 0; i < 3; i += 1) {
      const answer = await request(`${app.url}/open311/v2/services.json`);
      expect(answer.status).toBe(404);
      expectOneError(JSON.parse(answer.text), 404, /runs no Care Connect line/);
    }
    const response = await fetch(`${app.url}/open311/v2/services.xml`);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expectOneError(sparkValue(parseXml(await response.text())), '429', /too many requests/);
  });
});
