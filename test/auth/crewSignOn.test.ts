import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import { CALL_TAKER } from '../support/builders.ts';
import { commandId, connectClient, connectWithCookie, send, waitForDelta, type TestClient } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { adminCookie, postJson, signIn } from '../support/testSession.ts';

describe('[CR2] a crew member signs on to one vehicle for the shift', () => {
  let app: TestServer;
  let board: TestClient;
  let crewCookie = '';

  beforeAll(async () => {
    app = await startTestServer();
    board = await connectClient(app.url, { role: 'supervisor', operatorId: 'sup-crew' });
    crewCookie = await signIn(app.url, 'crew', DEMO_PASSWORD);
  });
  afterAll(async () => {
    board.close();
    await app.close();
  });

  it('[CR2] before signing on, a crew sees no vehicle and may act on none', async () => {
    const device = await connectWithCookie(app.url, crewCookie);
    expect(device.snapshot.units).toEqual([]);
    const status = await send(device.socket, 'unit:status', { commandId: commandId(), unitId: 'als-f03', status: 'out_of_service' });
    expect(status.ok ? 'ok' : status.error.code).toBe('not_signed_on');
    device.close();
  });

  it('[CR2] signing on shows the crew on the board, and the device is told to reconnect for its vehicle', async () => {
    const device = await connectWithCookie(app.url, crewCookie);
    const changed = new Promise<void>((resolve) => device.socket.once('session:changed', () => resolve()));
    const answer = await send(device.socket, 'crew:sign_on', { commandId: commandId(), unitId: 'als-f03' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.crew.map((m) => m.name)).toEqual(['Bongani Zulu']);
    await changed;
    const seen = await waitForDelta(board, (d) => d.fact === 'unit:crew_changed' && d.units.some((u) => u.id === 'als-f03'));
    expect(seen.units.find((u) => u.id === 'als-f03')?.crew.map((m) => m.name)).toEqual(['Bongani Zulu']);
    device.close();
    const again = await connectWithCookie(app.url, crewCookie);
    expect(again.snapshot.units.map((u) => u.id)).toEqual(['als-f03']);
    const own = await send(again.socket, 'unit:status', { commandId: commandId(), unitId: 'als-f03', status: 'out_of_service' });
    expect(own.ok).toBe(true);
    const other = await send(again.socket, 'unit:status', { commandId: commandId(), unitId: 'als-f04', status: 'out_of_service' });
    expect(other.ok ? 'ok' : other.error.code).toBe('forbidden');
    again.close();
  });

  it('[CR2] two crew members share a vehicle; signing on to another vehicle leaves the first', async () => {
    const second = await signIn(app.url, 'crew2', DEMO_PASSWORD);
    const device2 = await connectWithCookie(app.url, second);
    const joined = await send(device2.socket, 'crew:sign_on', { commandId: commandId(), unitId: 'als-f03' });
    if (!joined.ok) throw new Error(joined.error.message);
    expect(joined.data.crew.map((m) => m.name).sort()).toEqual(['Bongani Zulu', 'Naledi Mahlangu']);
    const device = await connectWithCookie(app.url, crewCookie);
    const moved = await send(device.socket, 'crew:sign_on', { commandId: commandId(), unitId: 'bls-f01' });
    if (!moved.ok) throw new Error(moved.error.message);
    const delta = await waitForDelta(board, (d) => d.fact === 'unit:crew_changed' && d.units.some((u) => u.id === 'bls-f01'));
    const byId = new Map<string, Unit>(delta.units.map((u) => [u.id, u]));
    expect(byId.get('als-f03')?.crew.map((m) => m.name)).toEqual(['Naledi Mahlangu']);
    expect(byId.get('bls-f01')?.crew.map((m) => m.name)).toEqual(['Bongani Zulu']);
    device.close();
    device2.close();
  });

  it('[CR2] signing off empties the crew; a second sign-off is refused; a vehicle that does not exist is refused', async () => {
    const device = await connectWithCookie(app.url, crewCookie);
    const off = await send(device.socket, 'crew:sign_off', { commandId: commandId() });
    if (!off.ok) throw new Error(off.error.message);
    expect(off.data).toMatchObject({ id: 'bls-f01', crew: [] });
    device.close();
    const fresh = await connectWithCookie(app.url, crewCookie);
    expect(fresh.snapshot.units).toEqual([]);
    const twice = await send(fresh.socket, 'crew:sign_off', { commandId: commandId() });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('not_signed_on');
    const nowhere = await send(fresh.socket, 'crew:sign_on', { commandId: commandId(), unitId: 'zz-99' });
    expect(nowhere.ok ? 'ok' : nowhere.error.code).toBe('unit_not_found');
    fresh.close();
  });

  it('[CR2] only a crew member signs on', async () => {
    const callTaker = await connectClient(app.url, CALL_TAKER);
    const answer = await send(callTaker.socket, 'crew:sign_on', { commandId: commandId(), unitId: 'als-f03' });
    expect(answer.ok ? 'ok' : answer.error.code).toBe('forbidden');
    callTaker.close();
  });

  it('[CR2][AU6] disabling a crew member takes them off the vehicle, and the board sees it', async () => {
    const cookie = await signIn(app.url, 'crew2', DEMO_PASSWORD);
    const device = await connectWithCookie(app.url, cookie);
    const on = await send(device.socket, 'crew:sign_on', { commandId: commandId(), unitId: 'bls-f02' });
    if (!on.ok) throw new Error(on.error.message);
    const users = await fetch(`${app.url}/api/users`, { headers: { cookie: await adminCookie(app.url) } });
    const crew2 = ((await users.json()) as { data: { users: { id: string; username: string }[] } }).data.users.find((u) => u.username === 'crew2');
    if (!crew2) throw new Error('no crew2');
    const disabled = await postJson(app.url, `/api/users/${crew2.id}/disabled`, await adminCookie(app.url), { isDisabled: true });
    expect(disabled.body.data).toMatchObject({ isDisabled: true, unitId: null });
    const seen = await waitForDelta(board, (d) => d.fact === 'unit:crew_changed' && d.units.some((u) => u.id === 'bls-f02' && u.crew.length === 0));
    expect(seen.actor).toMatchObject({ role: 'administrator', operatorId: 'admin' });
    device.close();
  });
});
