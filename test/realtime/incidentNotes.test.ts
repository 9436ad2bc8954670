import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withNote } from '../../shared/incidents/incidentNotes.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import { MAX_NOTES_PER_INCIDENT, NOTE_MAX_LENGTH, NOTE_WINDOW_MS } from '../../shared/incidents/noteSchema.ts';
import type { Result } from '../../shared/protocol/result.ts';
import type { Delta, SyncAnswer } from '../../shared/protocol/stateSchema.ts';
import { incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, waitForDelta, ticksCover, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { codeOf, dataOf } from '../support/answers.ts';

const CREW_UNIT = 'als-a01';
const OTHER_CREW_UNIT = 'als-a02';

describe('[NR1]–[NR3] notes on an incident, from every desk and the crew', () => {
  let app: TestServer;
  let dispatcher: TestClient;
  let supervisor: TestClient;
  let callTaker: TestClient;
  let emsDesk: TestClient;
  let fireDesk: TestClient;
  let policeDesk: TestClient;
  let crew: TestClient;
  let otherCrew: TestClient;
  let crewOffVehicle: TestClient;

  beforeAll(async () => {
    app = await startTestServer();
    dispatcher = await connectClient(app.url, { role: 'dispatcher', operatorId: 'nr-disp' });
    supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'nr-sup' });
    callTaker = await connectClient(app.url, { role: 'call_taker', operatorId: 'nr-ct' });
    emsDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'nr-ems', agency: 'ems' });
    fireDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'nr-fire', agency: 'fire' });
    policeDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'nr-jmpd', agency: 'metro_police' });
    crew = await connectClient(app.url, { role: 'crew', operatorId: 'nr-crew', unitId: CREW_UNIT });
    otherCrew = await connectClient(app.url, { role: 'crew', operatorId: 'nr-crew2', unitId: OTHER_CREW_UNIT });
    crewOffVehicle = await connectClient(app.url, { role: 'crew', operatorId: 'nr-crew-off' });
  }, 60_000);
  afterAll(async () => {
    for (const client of [dispatcher, supervisor, callTaker, emsDesk, fireDesk, policeDesk, crew, otherCrew, crewOffVehicle]) client.close();
    await app.close();
  });

  async function create(type: IncidentTypeId = 'medical_emergency'): Promise<Incident> {
    return dataOf(await send(callTaker.socket, 'incident:create', incidentInput({ type })));
  }

  /** An incident with the crew's vehicle committed to it (the crew's vehicle is free again after each test). */
  async function createWithCrew(type: IncidentTypeId = 'medical_emergency'): Promise<Incident> {
    const incident = await create(type);
    dataOf(await send(dispatcher.socket, 'dispatch:assign', { commandId: commandId(), incidentId: incident.id, unitIds: [CREW_UNIT] }));
    return incident;
  }

  async function freeCrewVehicle(incidentId: string): Promise<void> {
    dataOf(await send(dispatcher.socket, 'dispatch:release', { commandId: commandId(), incidentId, unitId: CREW_UNIT, reason: 'not_needed' }));
  }

  function note(client: TestClient, incidentId: string, text: string, id = commandId()): Promise<Result<Incident>> {
    return send(client.socket, 'incident:add_note', { commandId: id, incidentId, text });
  }

  /** The version and the incident as stored, so that a refusal can be shown to change nothing. */
  async function fingerprint(incidentId: string): Promise<string> {
    const { redis, keys } = app.server.ctx;
    return JSON.stringify(await Promise.all([redis.get(keys.version), redis.hgetall(keys.incident(incidentId)), redis.xlen(keys.journal)]));
  }

  async function expectRefusedUnchanged(incidentId: string, attempt: () => Promise<Result<unknown>>, code: string): Promise<void> {
    const before = await fingerprint(incidentId);
    expect(codeOf(await attempt())).toBe(code);
    expect(await fingerprint(incidentId)).toBe(before);
  }

  async function version(): Promise<number> {
    return Number(await app.server.ctx.redis.get(app.server.ctx.keys.version));
  }

  it('[NR1] a dispatcher adds a note: kept on the incident with who, when and the desk, trimmed, line breaks kept', async () => {
    const incident = await create();
    const noted = dataOf(await note(dispatcher, incident.id, '  Caller says the patient is diabetic.\nGate code 4471.  '));
    expect(noted.narrative).toHaveLength(1);
    expect(noted.narrative[0]).toMatchObject({ id: 'n1', text: 'Caller says the patient is diabetic.\nGate code 4471.', by: { operatorId: 'nr-disp', role: 'dispatcher', desk: 'combined' } });
    expect(noted.narrative[0]?.at).toBeTypeOf('number');
    const stored = await app.server.ctx.redis.hget(app.server.ctx.keys.incident(incident.id), 'doc');
    expect((JSON.parse(stored ?? '{}') as Incident).narrative).toEqual(noted.narrative);
    const entry = await app.server.ctx.redis.xrevrange(app.server.ctx.keys.journal, '+', '-', 'COUNT', 1);
    expect(entry[0]?.[1]).toContain('incident:note_added');
  });

  it('[NR2] a call-taker and a supervisor note any incident; the EMS desk notes an EMS incident', async () => {
    const incident = await create();
    dataOf(await note(callTaker, incident.id, 'Second call from the neighbour: door is open'));
    dataOf(await note(supervisor, incident.id, 'Watch this one: third call from the address this week'));
    const noted = dataOf(await note(emsDesk, incident.id, 'Advised caller to unlock the gate'));
    expect(noted.narrative.map((n) => [n.id, n.by.operatorId, n.by.role, n.by.desk])).toEqual([
      ['n1', 'nr-ct', 'call_taker', undefined],
      ['n2', 'nr-sup', 'supervisor', undefined],
      ['n3', 'nr-ems', 'dispatcher', 'ems'],
    ]);
  });

  it('[NR2][AU2] the crew of the committed vehicle adds a note, named with its vehicle and call sign', async () => {
    const incident = await createWithCrew();
    try {
      const noted = dataOf(await note(crew, incident.id, 'On scene: patient conscious, BP 90/60'));
      expect(noted.narrative.at(-1)).toMatchObject({ text: 'On scene: patient conscious, BP 90/60', by: { operatorId: 'nr-crew', role: 'crew', unitId: CREW_UNIT, callSign: 'ALS-A01' } });
    } finally {
      await freeCrewVehicle(incident.id);
    }
  });

  it('[NR2][AU2] refused, changing nothing: the crew of another vehicle, a crew not signed on, a desk that does not see the incident', async () => {
    const incident = await createWithCrew();
    try {
      await expectRefusedUnchanged(incident.id, () => note(otherCrew, incident.id, 'not our job'), 'forbidden');
      await expectRefusedUnchanged(incident.id, () => note(crewOffVehicle, incident.id, 'not on a vehicle'), 'not_signed_on');
      await expectRefusedUnchanged(incident.id, () => note(policeDesk, incident.id, 'not our incident'), 'forbidden');
      await expectRefusedUnchanged(incident.id, () => note(fireDesk, incident.id, 'not our incident'), 'forbidden');
    } finally {
      await freeCrewVehicle(incident.id);
    }
    // Once its vehicle has left, the crew sees the incident no more.
    await expectRefusedUnchanged(incident.id, () => note(crew, incident.id, 'after we cleared'), 'forbidden');
  });

  it('[NR1][CM4] a note too long, empty or with control characters is refused validation_failed, and nothing changes', async () => {
    const incident = await create();
    for (const text of ['x'.repeat(NOTE_MAX_LENGTH + 1), '   ', 'tab\tseparated', 'bell\u0007']) {
      await expectRefusedUnchanged(incident.id, () => note(dispatcher, incident.id, text), 'validation_failed');
    }
    const tooLong = await note(dispatcher, incident.id, 'x'.repeat(NOTE_MAX_LENGTH + 1));
    expect(tooLong.ok ? [] : tooLong.error.issues?.map((i) => i.path)).toEqual(['text']);
    dataOf(await note(dispatcher, incident.id, ` ${'x'.repeat(NOTE_MAX_LENGTH)} `));
  });

  it('[NR1][CM1] a resend with the same commandId answers the first answer and adds nothing; the id with another text is refused', async () => {
    const incident = await create();
    const id = commandId();
    const first = await note(dispatcher, incident.id, 'Caller hung up; tried callback, no answer', id);
    expect(codeOf(first)).toBe('ok');
    const at = await version();
    expect(await note(dispatcher, incident.id, 'Caller hung up; tried callback, no answer', id)).toEqual(first);
    expect(await version()).toBe(at);
    await expectRefusedUnchanged(incident.id, () => note(dispatcher, incident.id, 'another text', id), 'command_id_reused');
    const stored = await app.server.ctx.redis.hget(app.server.ctx.keys.incident(incident.id), 'doc');
    expect((JSON.parse(stored ?? '{}') as Incident).narrative).toHaveLength(1);
  });

  it('[NR3][DK1][CR1] every desk on the incident and its crew receive the note live; another desk only a version tick', async () => {
    const incident = await createWithCrew('structure_fire');
    try {
      expect(incident.agencies).toEqual(expect.arrayContaining(['fire', 'ems']));
      expect(incident.agencies).not.toContain('metro_police');
      const noted = dataOf(await note(crew, incident.id, 'Smoke from the second floor, one patient out'));
      const isNote = (d: Delta): boolean => d.fact === 'incident:note_added' && d.incidents[0]?.id === incident.id;
      for (const client of [dispatcher, supervisor, emsDesk, fireDesk, crew]) {
        const delta = await waitForDelta(client, isNote);
        expect(delta.incidents[0]?.narrative).toEqual(noted.narrative);
        expect(delta.actor).toMatchObject({ role: 'crew', operatorId: 'nr-crew' });
      }
      // The consoles that do not see the incident get the version as a tick, and never the note.
      const noteVersion = (await waitForDelta(emsDesk, isNote)).version;
      for (const client of [policeDesk, otherCrew]) {
        await expect.poll(() => ticksCover(client.ticks, noteVersion), { timeout: 5_000 }).toBe(true);
        expect(client.versions.gaps).toEqual([]);
        expect(client.deltas.some(isNote)).toBe(false);
      }
    } finally {
      await freeCrewVehicle(incident.id);
    }
  });

  it('[NR3][RT3] the note is in sync:since for the desks and the crew on the incident, and for no other desk', async () => {
    const incident = await createWithCrew('structure_fire');
    try {
      const before = await version();
      const noted = dataOf(await note(fireDesk, incident.id, 'Second engine requested by the officer on scene'));
      const since = async (client: TestClient): Promise<Delta[]> => {
        const answer: Result<SyncAnswer> = await send(client.socket, 'sync:since', { version: before });
        const data = dataOf(answer);
        if (data.kind !== 'deltas') throw new Error('expected deltas, got a snapshot');
        return data.deltas.filter((d) => d.fact === 'incident:note_added');
      };
      for (const client of [dispatcher, emsDesk, fireDesk, crew]) {
        const deltas = await since(client);
        expect(deltas.map((d) => d.incidents[0]?.narrative)).toEqual([noted.narrative]);
      }
      expect(await since(policeDesk)).toEqual([]);
      expect(await since(otherCrew)).toEqual([]);
    } finally {
      await freeCrewVehicle(incident.id);
    }
  });

  it('[NR2] a closed incident takes notes for NOTE_WINDOW_HOURS after its close, then refuses note_window_passed', async () => {
    const incident = await create();
    dataOf(await send(dispatcher.socket, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'false_alarm' }));
    const late = dataOf(await note(callTaker, incident.id, 'Caller rang back: it was her brother, all fine'));
    expect(late.status).toBe('closed');
    expect(late.narrative).toHaveLength(1);
    // A day on (sessions last 13 h, so the close is moved back rather than the clock forward).
    const { redis, keys } = app.server.ctx;
    await redis.hset(keys.incident(incident.id), 'doc', JSON.stringify({ ...late, closedAt: Date.now() - NOTE_WINDOW_MS - 60_000 }));
    await expectRefusedUnchanged(incident.id, () => note(supervisor, incident.id, 'too late'), 'note_window_passed');
  });

  it(`[NR2] an incident keeps at most MAX_NOTES_PER_INCIDENT (${MAX_NOTES_PER_INCIDENT}) notes, then refuses incident_notes_full`, async () => {
    const incident = await create();
    // The notes already there are written as the store keeps them (200 commands would be a rate-limit test).
    const { redis, keys } = app.server.ctx;
    let full: Incident = incident;
    for (let i = 0; i < MAX_NOTES_PER_INCIDENT; i += 1) full = withNote(full, { at: Date.now(), by: { operatorId: 'nr-ct', role: 'call_taker' }, text: `note ${i + 1}` });
    await redis.hset(keys.incident(incident.id), 'doc', JSON.stringify(full));
    await expectRefusedUnchanged(incident.id, () => note(dispatcher, incident.id, 'one too many'), 'incident_notes_full');
  });

  it('[NR4] the incident keeps who acknowledged and each status its crew reported, for the narrative', async () => {
    const incident = await createWithCrew();
    try {
      dataOf(await send(crew.socket, 'unit:acknowledge', { commandId: commandId(), unitId: CREW_UNIT }));
      dataOf(await send(crew.socket, 'unit:status', { commandId: commandId(), unitId: CREW_UNIT, status: 'en_route' }));
      const delta = await waitForDelta(emsDesk, (d) => d.fact === 'unit:status_changed' && d.incidents[0]?.id === incident.id);
      const assignment = delta.incidents[0]?.assignments.find((a) => a.unitId === CREW_UNIT);
      expect(assignment).toMatchObject({ acknowledgedBy: 'nr-crew', steps: [{ status: 'en_route', by: 'nr-crew' }] });
    } finally {
      await freeCrewVehicle(incident.id);
    }
  });
});
