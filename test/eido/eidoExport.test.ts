import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EidoDocumentSchema, type EidoDocument, type EidoEmergencyResource, type EidoLocation, type EidoNote } from '../../shared/eido/eidoSchema.ts';
import type { AuditPage } from '../../shared/audit/auditSchema.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import { formatReference, referenceDay } from '../../shared/incidents/referenceNumber.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { joburgCity, startTestServer, type TestServer } from '../support/testServer.ts';
import { sessionCookie, type TestIdentity } from '../support/testSession.ts';
import { dataOf, outcomeOf, sendHttp, sendRaw, type HttpAnswer } from '../security/contractRequest.ts';
import { DOCUMENT_SCHEMA, eidoSchemaErrors, fieldsOutsideSchema, nenaSample, type SchemaObject } from './eidoSchema.ts';

const CALL_TAKER: TestIdentity = { role: 'call_taker', operatorId: 'ei-call-taker' };
const DISPATCHER: TestIdentity = { role: 'dispatcher', operatorId: 'ei-dispatcher' };
const SUPERVISOR: TestIdentity = { role: 'supervisor', operatorId: 'ei-supervisor' };
const EMS_DESK: TestIdentity = { role: 'dispatcher', operatorId: 'ei-ems', agency: 'ems' };
const FIRE_DESK: TestIdentity = { role: 'dispatcher', operatorId: 'ei-fire', agency: 'fire' };
const POLICE_DESK: TestIdentity = { role: 'dispatcher', operatorId: 'ei-jmpd', agency: 'metro_police' };
const ALS_UNIT = 'als-c01';
const BLS_UNIT = 'bls-c01';
const ENGINE_UNIT = 'eng-c01';
const POLICE_UNIT = 'jmpd-c01';
const ALS_CREW: TestIdentity = { role: 'crew', operatorId: 'ei-als-crew', unitId: ALS_UNIT };

/** The exported documents, one per agency's incident, read once by the tests below. */
interface Exported {
  incident: Incident;
  document: EidoDocument;
  answer: HttpAnswer;
}

/** Every `$id` of a document, anywhere in it. */
function idsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) idsIn(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (key === '$id' && typeof field === 'string') out.push(field);
      else idsIn(field, out);
    }
  }
  return out;
}

/** Every `{ $ref }` of a document, anywhere in it. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (key === '$ref' && typeof field === 'string') out.push(field);
      else refsIn(field, out);
    }
  }
  return out;
}

/** The key paths of a JSON value (`callComponent[].callBackReference.$ref`), array items merged. */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keyPaths(item, `${prefix}[]`, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      keyPaths(field, path, out);
    }
  }
  return out;
}

const byId = <T extends { $id: string }>(list: readonly T[], ref: { $ref: string } | undefined): T | undefined => list.find((item) => item.$id === ref?.$ref);

describe('[EI1]–[EI5] every incident is exported as a NENA EIDO document', () => {
  let app: TestServer;
  let crew: TestClient | undefined;
  const cookies = new Map<string, string>();
  const exported = new Map<'ems' | 'fire' | 'police', Exported>();
  const hospital = joburgCity().facilities.find((facility) => facility.hasEmergencyUnit24h);

  const cookieOf = async (identity: TestIdentity): Promise<string> => {
    const known = cookies.get(identity.operatorId);
    if (known) return known;
    const cookie = await sessionCookie(app.url, identity);
    cookies.set(identity.operatorId, cookie);
    return cookie;
  };
  const as = async <T>(identity: TestIdentity, name: Parameters<typeof sendHttp>[1], payload: Record<string, unknown>): Promise<T> =>
    dataOf<T>((await sendHttp(app.url, name, payload, await cookieOf(identity))).body);
  const status = (unitId: string, unitStatus: string, extra: Record<string, unknown> = {}): Promise<unknown> =>
    as(DISPATCHER, 'unit:status', { commandId: commandId(), unitId, status: unitStatus, ...extra });
  const exportAs = async (identity: TestIdentity | null, incidentId: string): Promise<HttpAnswer> =>
    sendRaw(app.url, `/api/eido/${encodeURIComponent(incidentId)}`, identity ? { headers: { cookie: await cookieOf(identity) } } : {});

  async function create(type: IncidentTypeId, overrides: Parameters<typeof incidentInput>[0] = {}): Promise<Incident> {
    return as<Incident>(CALL_TAKER, 'incident:create', { ...incidentInput({ type, ...overrides }) });
  }

  async function exportOf(incident: Incident, identity: TestIdentity = SUPERVISOR): Promise<Exported> {
    const answer = await exportAs(identity, incident.id);
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    return { incident, document: EidoDocumentSchema.parse(answer.body), answer };
  }

  beforeAll(async () => {
    app = await startTestServer();
    crew = await connectClient(app.url, ALS_CREW);
    const crewSocket = crew.socket;
    if (!hospital) throw new Error('the city has no 24-hour emergency unit');

    // EMS: a medical emergency answered a minute ago, an ALS whose crew acknowledges and drives, a BLS transporting,
    // a second caller, a crew note and a desk note with markup and a line break.
    const medical = await create('medical_emergency', { callStartedAt: Date.now() - 60_000, notes: 'man collapsed, breathing <fast>' });
    await as(DISPATCHER, 'dispatch:assign', { commandId: commandId(), incidentId: medical.id, unitIds: [ALS_UNIT, BLS_UNIT] });
    dataOf(await send(crewSocket, 'unit:acknowledge', { commandId: commandId(), unitId: ALS_UNIT }));
    dataOf(await send(crewSocket, 'unit:status', { commandId: commandId(), unitId: ALS_UNIT, status: 'en_route' }));
    dataOf(await send(crewSocket, 'incident:add_note', { commandId: commandId(), incidentId: medical.id, text: 'Two minutes out' }));
    await status(BLS_UNIT, 'en_route');
    await status(BLS_UNIT, 'on_scene');
    await status(BLS_UNIT, 'transporting', { destinationId: hospital.id });
    await as(CALL_TAKER, 'incident:link_caller', { commandId: commandId(), incidentId: medical.id, callerName: 'Sipho Dlamini', callbackNumber: '+27 11 555 0100', notes: 'neighbour, same man' });
    await as(EMS_DESK, 'incident:add_note', { commandId: commandId(), incidentId: medical.id, text: 'Gate code <4471> & dog\nin the yard' });
    const medicalNow = await as<Incident>(SUPERVISOR, 'incident:get', { reference: medical.reference });
    exported.set('ems', await exportOf(medicalNow, EMS_DESK));

    // Fire: a vehicle fire from a withheld number; the engine goes on scene; a second caller gives no number.
    const fire = await create('vehicle_fire', { callerName: '', callbackNumber: 'withheld', notes: 'car burning on the verge' });
    await as(DISPATCHER, 'dispatch:assign', { commandId: commandId(), incidentId: fire.id, unitIds: [ENGINE_UNIT] });
    await status(ENGINE_UNIT, 'en_route');
    await status(ENGINE_UNIT, 'on_scene');
    await as(CALL_TAKER, 'incident:link_caller', { commandId: commandId(), incidentId: fire.id, callerName: 'Passer-by', callbackNumber: '', notes: '' });
    await as(FIRE_DESK, 'incident:add_note', { commandId: commandId(), incidentId: fire.id, text: 'Fire out, cooling down' });
    exported.set('fire', await exportOf(await as<Incident>(SUPERVISOR, 'incident:get', { reference: fire.reference }), FIRE_DESK));

    // Police: a theft; the car goes, clears, and the desk closes it as handed to another agency.
    const theft = await create('theft', { callbackNumber: '10111' });
    await as(DISPATCHER, 'dispatch:assign', { commandId: commandId(), incidentId: theft.id, unitIds: [POLICE_UNIT] });
    await status(POLICE_UNIT, 'en_route');
    await status(POLICE_UNIT, 'on_scene');
    await status(POLICE_UNIT, 'available');
    await as(POLICE_DESK, 'incident:add_note', { commandId: commandId(), incidentId: theft.id, text: 'Case opened at SAPS' });
    await as(POLICE_DESK, 'incident:close', { commandId: commandId(), incidentId: theft.id, disposition: 'handed_to_other_agency', note: 'SAPS case 123/06' });
    exported.set('police', await exportOf(await as<Incident>(SUPERVISOR, 'incident:get', { reference: theft.reference }), POLICE_DESK));
  }, 120_000);

  afterAll(async () => {
    crew?.close();
    await app.close();
  });

  const get = (key: 'ems' | 'fire' | 'police'): Exported => {
    const found = exported.get(key);
    if (!found) throw new Error(`no ${key} export`);
    return found;
  };

  it.each(['ems', 'fire', 'police'] as const)('[EI1] the %s incident validates against NENA’s schema, names no field outside it, and every reference resolves', (key) => {
    const { document } = get(key);
    expect(eidoSchemaErrors(document)).toEqual([]);
    expect(fieldsOutsideSchema(document, DOCUMENT_SCHEMA)).toEqual([]);
    const ids = idsIn(document);
    expect(new Set(ids).size, 'every $id is unique').toBe(ids.length);
    expect(refsIn(document).filter((ref) => !ids.includes(ref))).toEqual([]);
  });

  it('[EI1] a document that breaks NENA’s schema is caught (the validator is live)', () => {
    const { document } = get('ems');
    expect(eidoSchemaErrors({ ...document, eidoVersion: '2.0' })).not.toEqual([]);
    expect(eidoSchemaErrors({ ...document, agencyComponent: undefined })).not.toEqual([]);
    expect(eidoSchemaErrors({ ...document, callComponent: [{ ...document.callComponent[0], callStartTimestamp: 'yesterday' }] })).not.toEqual([]);
    expect(fieldsOutsideSchema({ ...document, incidentComponent: { ...document.incidentComponent, incidentTypo: 'x' } }, DOCUMENT_SCHEMA)).toEqual(['/incidentComponent/incidentTypo']);
  });

  it('[EI1] the same top-level sections and key nested paths as NENA’s sample', () => {
    const sample = nenaSample();
    const { document } = get('ems');
    // The sample's additional data is RFC 7852 data a carrier sends with a call; this centre receives none, and an
    // agent's workstation position, a queue, a device contact header and location by reference are likewise unknown.
    const notKept = ['additionalDataComponent', 'callComponent[].additionalDataReference', 'callComponent[].queueIdentifier', 'callbackComponent[].deviceContactHeader', 'agentComponent[].agentWorkstationPositionIdentification', 'locationComponent[].locationByReferenceUrl'];
    const ours = keyPaths(document);
    const missing = [...keyPaths(sample)].filter((path) => !notKept.some((omitted) => path === omitted || path.startsWith(`${omitted}.`) || path.startsWith(`${omitted}[`)) && !ours.has(path));
    expect(missing).toEqual([]);
    const sampleSections = Object.keys(sample).filter((key) => !notKept.includes(key));
    expect(Object.keys(document)).toEqual(expect.arrayContaining(sampleSections));
    expect(document['@context']).toEqual(sample['@context'] as SchemaObject);
    expect(document.eidoVersion).toBe(sample.eidoVersion);
  });

  it('[EI2][EI3] the incident: its reference as tracking id, type, status and priority in the code lists, the place with ward, region and city', () => {
    const { incident, document } = get('ems');
    expect(document.$id).toBe(`urn:emergency:uid:incidentid:${incident.reference}:emergencyconnect.city-of-johannesburg`);
    expect(document.issuingElementIdentification).toBe('cad.emergencyconnect.city-of-johannesburg');
    expect(document.incidentComponent).toMatchObject({
      internalIncidentId: incident.reference,
      incidentTypeInternalCode: 'medical_emergency',
      incidentTypeCommonRegistryText: 'Medical',
      incidentStatusInternalText: ['dispatched'],
      incidentStatusCommonRegistryText: ['Dispatched'],
      incidentCommonPriorityNumber: 2,
    });
    const scene = byId(document.locationComponent, document.incidentComponent.locationReference?.[0]);
    expect(scene?.locationTypeDescriptionRegistryText).toBe('Incident');
    expect(scene?.locationByValue).toContain(`<gml:pos>${incident.location[1].toFixed(6)} ${incident.location[0].toFixed(6)}</gml:pos>`);
    expect(scene?.locationByValue).toContain('<ca:A3>City of Johannesburg</ca:A3>');
    expect(scene?.locationByValue).toContain(`<ca:A5>Ward ${incident.ward}</ca:A5>`);
    expect(scene?.locationByValue).toContain(`<ca:A4>Region ${incident.region}</ca:A4>`);
    expect(scene?.locationByValue).toContain('<ca:LOC>opposite the taxi rank</ca:LOC>');
    expect(document.agencyComponent.map((a) => a.agencyType[0])).toEqual(['psap', 'ems']);
  });

  it('[EI2] calls: the first with its start and answer, a linked caller as a related call; names and numbers where given', () => {
    const { incident, document } = get('ems');
    const [first, second] = document.callComponent;
    expect(document.callComponent).toHaveLength(2);
    expect(first).toMatchObject({ direction: 'incoming', standardPrimaryCallType: 'emergency', callStateRegistryText: 'callEnd', priorityIdentifier: 'high' });
    expect(first?.answerDate).toBe(new Date(incident.callStartedAt ?? 0).toISOString());
    expect(second?.relatedCallIdentifier).toEqual([first?.$id]);
    expect(byId(document.callbackComponent, first?.callBackReference)?.callBackInformationUri).toEqual(['tel:+27825550147']);
    expect(byId(document.callbackComponent, second?.callBackReference)?.callBackInformationUri).toEqual(['tel:+27115550100']);
    const person = byId(document.personComponent, first?.personReference?.[0]);
    expect(person?.personIncidentRoleRegistryText).toEqual(['Caller']);
    expect(person?.callIdentifier).toEqual([first?.$id]);
    expect(byId(document.notesComponent, person?.notesReference?.[0])?.notesActionComments).toBe('Caller: Thandi Mokoena; callback: 082 555 0147');
    expect(byId(document.notesComponent, first?.notesReference?.[0])?.notesActionComments).toBe('man collapsed, breathing &lt;fast&gt;');
  });

  it('[EI2] a withheld number and a caller with no number: no callback, and the person says why', () => {
    const { document } = get('fire');
    const [first, second] = document.callComponent;
    expect(first?.callBackReference).toBeUndefined();
    expect(second?.callBackReference).toBeUndefined();
    const words = (ref: { $ref: string } | undefined) => byId(document.notesComponent, byId(document.personComponent, ref)?.notesReference?.[0])?.notesActionComments;
    expect(words(first?.personReference?.[0])).toBe('Caller: unknown (no name given); callback: number withheld');
    expect(words(second?.personReference?.[0])).toBe('Caller: Passer-by; callback: no number given');
    expect(document.callbackComponent).toEqual([]);
  });

  it('[EI2] a short number stays a local number in the centre’s context', () => {
    const { document } = get('police');
    expect(document.callbackComponent[0]?.callBackInformationUri).toEqual(['tel:10111;phone-context=emergencyconnect.city-of-johannesburg']);
  });

  it('[EI2][EI3] units: status, position, destination and ETA while on the way; who sent them; each unit’s stamps', () => {
    const { document } = get('ems');
    const resource = (callSign: string): EidoEmergencyResource => {
      const found = document.emergencyResourceComponent.find((r) => r.emergencyResourceName === callSign);
      if (!found) throw new Error(`no resource ${callSign}`);
      return found;
    };
    const als = resource('ALS-C01');
    expect(als).toMatchObject({ emergencyResourceTypeCommonRegistryText: 'Ambulance', resourceAttributeRegistryText: ['ALS'], primaryUnitStatusRegistryText: 'Enroute', unitStatusInternal: ['en_route'] });
    expect(Date.parse(als.eta ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(als.unitDestinationReference).toEqual(document.incidentComponent.locationReference?.[0]);
    expect(byId(document.locationComponent, als.unitLocationReference)?.locationTypeDescriptionRegistryText).toBe('Unit');
    const alsCrew = byId(document.agentComponent, als.agentReference[0]);
    expect(alsCrew).toMatchObject({ $id: 'ei-als-crew@ems.emergencyconnect.city-of-johannesburg', agencyReference: { $ref: 'ems.emergencyconnect.city-of-johannesburg' } });
    expect(alsCrew?.agentRoleRegistryText).toContain('Responding');
    const stamps = byId(document.notesComponent, als.notesReference?.[0])?.notesActionComments ?? '';
    expect(stamps).toMatch(/^ALS-C01 assigned \S+ by ei-dispatcher<br>Acknowledged \S+ by ei-als-crew<br>En route \S+ by ei-als-crew<br>ETA at the scene \S+ \(straight-line estimate\)$/);

    const bls = resource('BLS-C01');
    expect(bls).toMatchObject({ resourceAttributeRegistryText: ['BLS'], primaryUnitStatusRegistryText: 'Transporting' });
    const destination: EidoLocation | undefined = byId(document.locationComponent, bls.unitDestinationReference);
    expect(destination?.locationTypeDescriptionRegistryText).toBe('Destination');
    expect(destination?.locationDescriptionText).toContain(hospital?.name ?? '?');
    expect(bls.eta).toBeDefined();

    expect(document.dispatchComponent).toHaveLength(1);
    expect(document.dispatchComponent[0]?.emergencyResourceReference).toEqual([{ $ref: als.$id }, { $ref: bls.$id }]);
    expect(byId(document.agentComponent, document.dispatchComponent[0]?.agentReference)?.agentRoleRegistryText).toContain('Dispatching');
  });

  it('[EI2] notes: every narrative entry with its author and time, escaped as HTML', () => {
    const { incident, document } = get('ems');
    const narrative = (document.incidentComponent.notesReference ?? []).map((ref) => byId(document.notesComponent, ref)).filter((note): note is EidoNote => note !== undefined);
    const desk = narrative.find((note) => note.notesActionComments.startsWith('Gate code'));
    expect(desk?.notesActionComments).toBe('Gate code &lt;4471&gt; &amp; dog<br>in the yard');
    expect(desk?.agentReference).toEqual({ $ref: 'ei-ems@emergencyconnect.city-of-johannesburg' });
    expect(desk?.lastUpdateTimeStamp).toBe(new Date(incident.narrative.find((n) => n.text.startsWith('Gate'))?.at ?? 0).toISOString());
    const crewNote = narrative.find((note) => note.notesActionComments === 'Two minutes out');
    expect(crewNote?.updatedByAgencyReference).toEqual({ $ref: 'ems.emergencyconnect.city-of-johannesburg' });
    expect(narrative.map((note) => note.notesActionComments)).toEqual(expect.arrayContaining([expect.stringMatching(/^Incident created: /), 'ALS-C01 assigned', 'ALS-C01 acknowledged', 'BLS-C01 transporting to ' + (hospital?.name ?? '?')]));
    const times = document.notesComponent.map((note) => note.lastUpdateTimeStamp);
    expect(times).toEqual([...times].sort());
  });

  it('[EI2][EI3] a closed incident: status, disposition with the close note, and a cleared unit without an ETA', () => {
    const { incident, document } = get('police');
    expect(document.incidentComponent).toMatchObject({ incidentTypeCommonRegistryText: 'Law', incidentStatusCommonRegistryText: ['Closed'], incidentStatusInternalText: ['closed'] });
    const disposition = document.incidentComponent.dispositionComponent?.[0];
    expect(disposition).toMatchObject({ dispositionCommonRegistryCode: 'ReferredToOtherAgency', dispositionDescriptionText: 'Handed to another agency', dispositionPrimaryIndicator: true });
    expect(byId(document.notesComponent, disposition?.notesReference?.[0])?.notesActionComments).toBe('SAPS case 123/06');
    expect(byId(document.agentComponent, disposition?.updatedByAgentReference)?.$id).toBe('ei-jmpd@emergencyconnect.city-of-johannesburg');
    const [car] = document.emergencyResourceComponent;
    expect(car).toMatchObject({ emergencyResourceTypeCommonRegistryText: 'Patrol', primaryUnitStatusRegistryText: 'Available', unitStatusInternal: ['cleared'] });
    expect(car?.eta).toBeUndefined();
    expect(car?.unitLocationReference).toBeUndefined();
    expect(document.lastUpdateTimeStamp).toBe(new Date(incident.closedAt ?? 0).toISOString());
    expect(document.agencyComponent.map((a) => a.agencyType[0])).toEqual(['psap', 'police']);
  });

  it('[EI4] the bare document downloads as EIDO-<reference>.json; the contract route answers the same document in the result shape', async () => {
    const { incident, answer, document } = get('fire');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename=EIDO-${incident.reference}.json`);
    const wrapped = await sendHttp(app.url, 'incident:eido', { incidentId: incident.id }, await cookieOf(FIRE_DESK));
    expect(wrapped.status).toBe(200);
    expect(dataOf<EidoDocument>(wrapped.body).incidentComponent).toEqual(document.incidentComponent);
    // The id may be typed in lower case with spaces around it.
    expect((await exportAs(SUPERVISOR, ` ${incident.id.toLowerCase()} `)).status).toBe(200);
  });

  it('[EI4] who may read the incident may hand it off: call-takers, supervisors and its desks; another desk is refused', async () => {
    const police = get('police').incident;
    const ems = get('ems').incident;
    expect((await exportAs(CALL_TAKER, police.id)).status).toBe(200);
    expect((await exportAs(DISPATCHER, police.id)).status).toBe(200);
    const refused = await exportAs(FIRE_DESK, police.id);
    expect(refused.status).toBe(403);
    expect(outcomeOf(refused.body)).toBe('forbidden');
    expect(outcomeOf((await sendHttp(app.url, 'incident:eido', { incidentId: ems.id }, await cookieOf(POLICE_DESK))).body)).toBe('forbidden');
    if (!crew) throw new Error('no crew socket');
    expect(outcomeOf(await send(crew.socket, 'incident:eido', { incidentId: ems.id }))).toBe('forbidden');
    const anonymous = await exportAs(null, police.id);
    expect([anonymous.status, outcomeOf(anonymous.body)]).toEqual([401, 'unauthenticated']);
  });

  it('[EI4] an unknown incident is not found; a malformed id or a wrong check digit is refused before any read', async () => {
    const unknown = formatReference(referenceDay(Date.now(), 'Africa/Johannesburg'), 9999);
    const notFound = await exportAs(SUPERVISOR, unknown);
    expect([notFound.status, outcomeOf(notFound.body)]).toEqual([404, 'incident_not_found']);
    const real = get('ems').incident.id;
    const wrongDigit = `${real.slice(0, -1)}${(Number(real.at(-1)) + 1) % 10}`;
    for (const bad of ['nonsense', 'EC-261126', wrongDigit, 'x'.repeat(60)]) {
      const answer = await exportAs(SUPERVISOR, bad);
      expect([bad, answer.status, outcomeOf(answer.body)]).toEqual([bad, 400, 'validation_failed']);
    }
  });

  it('[EI4][AD1] every export is audited under its incident, with who asked; refusals too', async () => {
    const { incident } = get('police');
    const page = await as<AuditPage>(SUPERVISOR, 'audit:search', { incidentId: incident.id });
    const exports = page.entries.filter((entry) => entry.command === 'incident:eido');
    expect(exports.map((entry) => [entry.username, entry.outcome])).toEqual(expect.arrayContaining([['ei-jmpd', 'ok'], ['ei-fire', 'forbidden'], ['ei-call-taker', 'ok']]));
  });
});
