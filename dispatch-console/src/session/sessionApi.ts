import type { z } from 'zod';
import { CONTRACT } from '../../../shared/protocol/contract.ts';
import { SessionInfoSchema, SignedOutSchema } from '../../../shared/auth/userSchema.ts';
import type { SessionInfo, SignInInput } from '../../../shared/auth/userSchema.ts';
import { CommandErrorSchema } from '../../../shared/errors/errorCodes.ts';
import type { CommandError } from '../../../shared/errors/errorCodes.ts';
import type { Result } from '../../../shared/protocol/result.ts';

/**
 * Sign-in, the session and sign-out over HTTP: they set and clear the httpOnly session cookie, which script never
 * reads. Paths come from the contract.
 */

/** What an answer without the usual `{ ok, error }` body means, by HTTP status. */
function errorForStatus(status: number): CommandError {
  if (status === 401) return { code: 'unauthenticated', message: 'Not signed in.' };
  if (status === 429) return { code: 'rate_limited', message: 'Too many attempts.' };
  return { code: 'internal_error', message: `The server answered ${status}.` };
}

/** Calls a JSON route of the API and reads its Result, the answer checked against `answer`. */
export async function callApi<S extends z.ZodType>(path: string, init: RequestInit, answer: S): Promise<Result<z.output<S>>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin', headers: { accept: 'application/json', ...init.headers } });
  } catch {
    return { ok: false, error: { code: 'internal_error', message: 'The server could not be reached.' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (typeof body !== 'object' || body === null || !('ok' in body)) return { ok: false, error: errorForStatus(response.status) };
  if (body.ok === true && 'data' in body) {
    const parsed = answer.safeParse(body.data);
    if (parsed.success) return { ok: true, data: parsed.data };
    return { ok: false, error: { code: 'protocol_outdated', message: 'The server answered in a form this console does not know.' } };
  }
  const error = CommandErrorSchema.safeParse('error' in body ? body.error : null);
  return { ok: false, error: error.success ? error.data : errorForStatus(response.status) };
}

function post(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Signs in; a dispatcher with several desks is answered `desk_required` with the desks to choose from. */
export function signIn(input: SignInInput): Promise<Result<SessionInfo>> {
  return callApi(CONTRACT['session:sign_in'].http.path, post(input), SessionInfoSchema);
}

/** The session the cookie names (and a renewed cookie); `unauthenticated` when there is none. */
export function readSession(): Promise<Result<SessionInfo>> {
  return callApi(CONTRACT['session:get'].http.path, { method: 'GET' }, SessionInfoSchema);
}

/** Ends the session on every server instance and clears the cookie. */
export function signOut(): Promise<Result<z.output<typeof SignedOutSchema>>> {
  return callApi(CONTRACT['session:sign_out'].http.path, post({}), SignedOutSchema);
}
