import type { Agency } from '../../shared/units/unitKinds.ts';
import type { PersonRole } from '../../shared/auth/roles.ts';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import { SESSION_COOKIE } from '../../server/auth/resolveSession.ts';

/**
 * Who a test acts as: a role, a username (`operatorId`), a dispatcher's agency desk (none = combined)
 * and a crew's vehicle. The user is created through the administrator's API and signed in over HTTP,
 * exactly as a real client would; nothing is declared by the client.
 */
export interface TestIdentity {
  role: PersonRole;
  operatorId: string;
  agency?: Agency | undefined;
  unitId?: string | undefined;
  /** [CC6] A department officer's department (Joburg Water unless named). */
  department?: string | undefined;
}

/** The password of every user the tests create. */
export const TEST_PASSWORD = 'correct horse battery staple';

const sessions = new Map<string, Promise<string>>();
const created = new Map<string, Promise<void>>();

/** The `Cookie` header value of a `Set-Cookie` answer. */
export function cookieOf(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!setCookie) throw new Error(`no session cookie in the answer (status ${response.status})`);
  return setCookie.split(';')[0] ?? '';
}

/** Signs in over HTTP and returns the cookie, or throws with the server's answer. */
export async function signIn(url: string, username: string, password: string, desk?: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, ...(desk ? { desk } : {}) }) });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  return cookieOf(response);
}

/** The demo administrator's cookie for a server. */
export function adminCookie(url: string): Promise<string> {
  const key = `${url}|admin`;
  let known = sessions.get(key);
  if (!known) {
    known = signIn(url, 'admin', DEMO_PASSWORD);
    sessions.set(key, known);
  }
  return known;
}

/** POSTs JSON with a cookie and returns the parsed answer. */
export async function postJson(url: string, path: string, cookie: string, body: unknown): Promise<{ status: number; body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } } };
}

const deskOf = (identity: TestIdentity): string | undefined => (identity.role === 'dispatcher' ? (identity.agency ?? 'combined') : undefined);

/** Creates the identity's user once per server. */
function ensureUser(url: string, identity: TestIdentity): Promise<void> {
  const key = `${url}|${identity.operatorId}`;
  let known = created.get(key);
  if (!known) {
    known = (async () => {
      const desk = deskOf(identity);
      const answer = await postJson(url, '/api/users', await adminCookie(url), {
        username: identity.operatorId,
        displayName: `Test ${identity.operatorId}`,
        role: identity.role,
        desks: desk ? [desk] : [],
        ...(identity.role === 'department_officer' ? { department: identity.department ?? 'joburg_water' } : {}),
        password: TEST_PASSWORD,
      });
      if (!answer.body.ok && answer.body.error?.code !== 'user_exists') throw new Error(`creating ${identity.operatorId} failed: ${JSON.stringify(answer.body)}`);
    })();
    created.set(key, known);
  }
  return known;
}

let signOnCounter = 0;

/**
 * A signed-in session's cookie for the identity: the user is created if need be, signed in, and a
 * crew is signed on to its vehicle. One sign-in per identity and server, reused by later calls.
 */
export function sessionCookie(url: string, identity: TestIdentity): Promise<string> {
  const key = `${url}|${identity.operatorId}|${identity.agency ?? ''}|${identity.unitId ?? ''}`;
  let known = sessions.get(key);
  if (!known) {
    known = (async () => {
      await ensureUser(url, identity);
      const cookie = await signIn(url, identity.operatorId, TEST_PASSWORD, deskOf(identity));
      if (identity.role === 'crew' && identity.unitId) {
        signOnCounter += 1;
        const answer = await postJson(url, '/api/crew/sign-on', cookie, { commandId: `signon${Date.now().toString(36)}${signOnCounter}`, unitId: identity.unitId });
        if (!answer.body.ok) throw new Error(`sign-on of ${identity.operatorId} to ${identity.unitId} failed: ${JSON.stringify(answer.body)}`);
      }
      return cookie;
    })();
    sessions.set(key, known);
  }
  return known;
}

/** Headers for an HTTP request as the identity. */
export async function headersAs(url: string, identity: TestIdentity): Promise<Record<string, string>> {
  return { 'content-type': 'application/json', cookie: await sessionCookie(url, identity) };
}
