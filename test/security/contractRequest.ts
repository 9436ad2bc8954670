import type { Socket } from 'socket.io-client';
import type { z } from 'zod';
import { CONTRACT, type CommandName, type CommandSpec } from '../../shared/protocol/contract.ts';
import type { TestSocket } from '../support/testClient.ts';
import { leakIn } from './answerShape.ts';

/**
 * Sends a contract command as a real client would, over HTTP (the entry's method and path, path
 * parameters filled from the payload, GET parameters from the declared query fields, a JSON body for
 * POST) or as a socket event. Every answer is checked for leaked internals before it is returned.
 */

export interface HttpAnswer {
  status: number;
  /** The parsed JSON answer; the raw text when it is not JSON. */
  body: unknown;
  text: string;
  headers: Headers;
}

export interface HttpRequestOf {
  method: 'GET' | 'POST';
  /** Path and query string. */
  path: string;
  /** The JSON body of a POST; undefined when the payload has no JSON form. */
  body?: string | undefined;
}

/** The names of a path's `:name` parameters. */
export function pathFields(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
}

/** A value as text for a URL: strings as they are, numbers and booleans printed, anything else as JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined) return String(value);
  return JSON.stringify(value) ?? typeof value;
}

/** Percent-encodes a URL component; a lone surrogate (which cannot be encoded) is made well-formed first. */
function encoded(value: unknown): string {
  const text = asText(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  }
}

const fieldsOf = (payload: unknown): Record<string, unknown> => (typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {});

/** The HTTP request that carries `payload` for the command. */
export function httpRequestOf(name: CommandName, payload: unknown): HttpRequestOf {
  const spec: CommandSpec<z.ZodType, z.ZodType> = CONTRACT[name];
  const fields = fieldsOf(payload);
  const inPath = pathFields(spec.http.path);
  const path = spec.http.path.replace(/:(\w+)/g, (_match, field: string) => encoded(fields[field]));
  if (spec.http.method === 'get') {
    const query = Object.entries(spec.http.query ?? {})
      .filter(([, parameter]) => fields[parameter.field] !== undefined)
      .map(([param, parameter]) => `${param}=${encoded(fields[parameter.field])}`);
    return { method: 'GET', path: query.length > 0 ? `${path}?${query.join('&')}` : path };
  }
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    const body = Object.fromEntries(Object.entries(fields).filter(([field]) => !inPath.includes(field)));
    return { method: 'POST', path, body: JSON.stringify(body) };
  }
  return { method: 'POST', path, body: JSON.stringify(payload) };
}

/** Throws when an answer's text shows a stack frame or a server file path. */
export function assertNoLeak(where: string, text: string): void {
  const leak = leakIn(text);
  if (leak) throw new Error(`${where} leaked ${leak}: ${text.slice(0, 400)}`);
}

/** A raw HTTP request to the server; the answer is checked for leaks. */
export async function sendRaw(url: string, path: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(`${url}${path}`, init);
  const text = await response.text();
  assertNoLeak(`${init.method ?? 'GET'} ${path}`, text);
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON (CSV, or a non-API answer): the text is the body.
  }
  return { status: response.status, body, text, headers: response.headers };
}

/** Sends a command over HTTP, with the session cookie when there is one. */
export function sendHttp(url: string, name: CommandName, payload: unknown, cookie?: string): Promise<HttpAnswer> {
  const request = httpRequestOf(name, payload);
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (request.method === 'POST') headers['content-type'] = 'application/json';
  return sendRaw(url, request.path, { method: request.method, headers, ...(request.body !== undefined ? { body: request.body } : {}) });
}

/** Emits any event with an acknowledgement and resolves with the answer; rejects when none comes in time. */
export function sendEvent(socket: TestSocket, event: string, payload: unknown, timeoutMs = 10_000): Promise<unknown> {
  // The typed socket only knows the contract's events; a test that sends anything widens it here, once.
  const raw = socket as unknown as Socket;
  return new Promise((resolve, reject) => {
    raw.timeout(timeoutMs).emit(event, payload, (error: Error | null, answer: unknown) => {
      if (error) return reject(new Error(`no answer to ${event} within ${timeoutMs} ms`));
      try {
        assertNoLeak(`socket ${event}`, JSON.stringify(answer) ?? '');
      } catch (leak) {
        return reject(leak instanceof Error ? leak : new Error(String(leak)));
      }
      resolve(answer);
    });
  });
}

/** The error code of an answer, or `ok`. */
export function outcomeOf(answer: unknown): string {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return `no result shape: ${JSON.stringify(answer)?.slice(0, 200)}`;
  if (answer.ok === true) return 'ok';
  const error = 'error' in answer && typeof answer.error === 'object' && answer.error !== null ? (answer.error as { code?: unknown }) : {};
  return typeof error.code === 'string' ? error.code : `no error code: ${JSON.stringify(answer).slice(0, 200)}`;
}

/** The data of an accepted answer; throws with the refusal otherwise. */
export function dataOf<T>(answer: unknown): T {
  if (typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok === true && 'data' in answer) return answer.data as T;
  throw new Error(`expected an accepted answer, got ${JSON.stringify(answer)?.slice(0, 400)}`);
}
