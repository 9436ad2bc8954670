import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/contract.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from '../../server/auth/demoUsers.ts';
import { SessionInfoSchema } from '../../shared/auth/userSchema.ts';
import { connectWithCookie, handshakeAnswer } from '../support/testClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { adminCookie, cookieOf, postJson, signIn } from '../support/testSession.ts';

describe('[AU4] sign-in, sessions and the administrator’s users', () => {
  let app: TestServer;
  let now = Date.now();

  beforeAll(async () => {
    app = await startTestServer({ now: () => now });
  });
  afterAll(async () => {
    await app.close();
  });

  const signInAnswer = async (body: unknown): Promise<{ status: number; json: { ok: boolean; data?: unknown; error?: { code: string; message: string; choices?: string[] } }; response: Response }> => {
    const response = await fetch(`${app.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.clone().json()) as { ok: boolean }, response };
  };

  it('[AU4] every demo user signs in with the demo password and gets an httpOnly, SameSite=Strict cookie', async () => {
    for (const user of DEMO_USERS) {
      const desk = user.desks.length > 1 ? 'combined' : undefined;
      const { status, json, response } = await signInAnswer({ username: user.username, password: DEMO_PASSWORD, ...(desk ? { desk } : {}) });
      expect(status, user.username).toBe(200);
      const info = SessionInfoSchema.parse(json.data);
      expect(info.session.role).toBe(user.role);
      const setCookie = response.headers.getSetCookie()[0] ?? '';
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      expect(setCookie).not.toMatch(/Secure/i);
    }
  });

  it('[AU4] a wrong password or unknown user is refused with the same answer; usernames are not case-sensitive', async () => {
    const wrong = await signInAnswer({ username: 'calltaker', password: 'not the password' });
    const unknown = await signInAnswer({ username: 'nobody', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    const upper = await signInAnswer({ username: 'CallTaker', password: DEMO_PASSWORD });
    expect(upper.status).toBe(200);
  });

  it('[AU4] a dispatcher allowed several desks names one; a desk not theirs is refused', async () => {
    const none = await signInAnswer({ username: 'dispatcher', password: DEMO_PASSWORD });
    expect(none.json.error?.code).toBe('desk_required');
    expect(none.json.error?.choices).toEqual(['combined', 'ems', 'fire', 'metro_police']);
    const fire = await signInAnswer({ username: 'dispatcher', password: DEMO_PASSWORD, desk: 'fire' });
    expect(SessionInfoSchema.parse(fire.json.data).session).toMatchObject({ desk: 'fire', agency: 'fire' });
    const notTheirs = await signInAnswer({ username: 'ems', password: DEMO_PASSWORD, desk: 'fire' });
    expect(notTheirs.json.error?.code).toBe('desk_required');
    const single = await signInAnswer({ username: 'ems', password: DEMO_PASSWORD });
    expect(SessionInfoSchema.parse(single.json.data).session).toMatchObject({ desk: 'ems', agency: 'ems' });
  });

  it('[AU4] the session is renewed once past half its life, and ends when it expires', async () => {
    const cookie = await signIn(app.url, 'supervisor', DEMO_PASSWORD);
    const life = app.server.ctx.settings.sessionMinutes * 60_000;
    const fresh = await fetch(`${app.url}/api/session`, { headers: { cookie } });
    expect(fresh.headers.getSetCookie()).toEqual([]);
    now += life * 0.6;
    const renewedAnswer = await fetch(`${app.url}/api/session`, { headers: { cookie } });
    expect(renewedAnswer.status).toBe(200);
    const renewed = cookieOf(renewedAnswer);
    now += life * 0.6;
    // Past the first token's own expiry, the session (and a socket opened with the first token) follows the renewal.
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie: renewed } })).status).toBe(200);
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(200);
    now += life;
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie: renewed } })).status).toBe(401);
    now = Date.now();
  });

  it('[AU4] however often a console renews it, a session ends a day after its sign-in', async () => {
    const signedInAt = now;
    let cookie = await signIn(app.url, 'supervisor', DEMO_PASSWORD);
    const step = app.server.ctx.settings.sessionMinutes * 60_000 * 0.6;
    while (now - signedInAt < 24 * 3_600_000 - step) {
      now += step;
      const answer = await fetch(`${app.url}/api/session`, { headers: { cookie } });
      expect(answer.status).toBe(200);
      const renewed = answer.headers.getSetCookie().length > 0 ? cookieOf(answer) : cookie;
      cookie = renewed;
    }
    now = signedInAt + 24 * 3_600_000 + 1_000;
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(401);
    now = Date.now();
  });

  it('[AU5][AU6] the administrator adds a user, resets their password (their sessions end) and disables them (their console is dropped)', async () => {
    const admin = await adminCookie(app.url);
    const created = await postJson(app.url, '/api/users', admin, { username: 'nomsa', displayName: 'Nomsa Sithole', role: 'call_taker', password: 'first password here' });
    expect(created.body.ok).toBe(true);
    const userId = (created.body.data as { id: string }).id;
    const again = await postJson(app.url, '/api/users', admin, { username: 'Nomsa', displayName: 'Someone else', role: 'supervisor', password: 'another password' });
    expect(again.body.error?.code).toBe('user_exists');

    const first = await signIn(app.url, 'nomsa', 'first password here');
    const reset = await postJson(app.url, `/api/users/${userId}/password`, admin, { password: 'second password here' });
    expect(reset.body.ok).toBe(true);
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie: first } })).status).toBe(401);
    await expect(signIn(app.url, 'nomsa', 'first password here')).rejects.toThrow(/401/);

    const second = await signIn(app.url, 'nomsa', 'second password here');
    const console = await connectWithCookie(app.url, second);
    const ended = new Promise<string>((resolve) => console.socket.once('session:ended', (n) => resolve(n.reason)));
    const dropped = new Promise<void>((resolve) => console.socket.once('disconnect', () => resolve()));
    const disabled = await postJson(app.url, `/api/users/${userId}/disabled`, admin, { isDisabled: true });
    expect(disabled.body.data).toMatchObject({ isDisabled: true });
    expect(await ended).toBe('disabled');
    await dropped;
    expect((await fetch(`${app.url}/api/state`, { headers: { cookie: second } })).status).toBe(401);
    const refused = await signInAnswer({ username: 'nomsa', password: 'second password here' });
    expect(refused.json.error?.code).toBe('sign_in_failed');

    await postJson(app.url, `/api/users/${userId}/disabled`, admin, { isDisabled: false });
    expect(await signIn(app.url, 'nomsa', 'second password here')).toMatch(/^cad_session=/);
    const list = await fetch(`${app.url}/api/users`, { headers: { cookie: admin } });
    const users = ((await list.json()) as { data: { users: { username: string; passwordHash?: string }[] } }).data.users;
    expect(users.map((u) => u.username)).toContain('nomsa');
    expect(JSON.stringify(users)).not.toMatch(/scrypt|passwordHash/);
  });

  it('[AU5] a demo user whose password the administrator changed keeps it when the demo users are seeded again; the others keep theirs', async () => {
    const admin = await adminCookie(app.url);
    const list = await fetch(`${app.url}/api/users`, { headers: { cookie: admin } });
    const police = ((await list.json()) as { data: { users: { id: string; username: string }[] } }).data.users.find((u) => u.username === 'police');
    if (!police) throw new Error('no demo user police');
    expect((await postJson(app.url, `/api/users/${police.id}/password`, admin, { password: 'a password of their own' })).body.ok).toBe(true);
    await seedDemoUsers(app.server.ctx);
    await expect(signIn(app.url, 'police', DEMO_PASSWORD)).rejects.toThrow(/401/);
    expect(await signIn(app.url, 'police', 'a password of their own')).toMatch(/^cad_session=/);
    expect(await signIn(app.url, 'fire', DEMO_PASSWORD)).toMatch(/^cad_session=/);
  });

  it('[AU6] sign-out revokes the session at once: the cookie is cleared and the old token no longer works', async () => {
    const cookie = await signIn(app.url, 'calltaker', DEMO_PASSWORD);
    const out = await fetch(`${app.url}/api/session/sign-out`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/cad_session=;/);
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${app.url}/api/state`, { headers: { authorization: `Bearer ${cookie.split('=')[1] ?? ''}` } })).status).toBe(401);
  });

  it('[AU4] another client may send the same token as a bearer token', async () => {
    const cookie = await signIn(app.url, 'supervisor', DEMO_PASSWORD);
    const token = cookie.slice('cad_session='.length);
    const state = await fetch(`${app.url}/api/state`, { headers: { authorization: `Bearer ${token}` } });
    expect(state.status).toBe(200);
  });

  it('[HI2] a page of another site cannot open a socket with the console’s cookie', async () => {
    const cookie = await signIn(app.url, 'supervisor', DEMO_PASSWORD);
    const refusal = await handshakeAnswer(app.url, { protocolVersion: PROTOCOL_VERSION }, { cookie, origin: 'https://evil.example' });
    expect(refusal).toBe('forbidden');
    const sameSite = await connectWithCookie(app.url, cookie);
    expect(sameSite.snapshot.units.length).toBeGreaterThan(0);
    sameSite.close();
  });
});
