import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Desk } from '../../shared/auth/roles.ts';
import type { Candidate } from '../../shared/dispatch/dispatchSchema.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { CONTRACT } from '../../shared/protocol/contract.ts';
import type { AnswerOf, CommandName, InputOf } from '../../shared/protocol/contract.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { launchBrowser, openConsole } from '../support/consolePage.ts';

export { CHROMIUM_PATH, collectErrors, DEMO_PASSWORD, launchBrowser, openConsole, signIn, waitConnected, waitForMap } from '../support/consolePage.ts';

export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));

/** A real server (with its own Redis) serving the built console, and Chromium to open it. */
export async function startBrowserTestbed(options: Parameters<typeof startTestServer>[0] = {}): Promise<{ server: TestServer; browser: Browser }> {
  if (!existsSync(new URL('../../dispatch-console/dist/index.html', import.meta.url))) {
    throw new Error('dispatch-console/dist is missing: run `npm run build:console` first');
  }
  const server = await startTestServer(options);
  return { server, browser: await launchBrowser() };
}

/** A testbed of a describe block: its server and browser, there once the block's `beforeAll` has run. */
export interface Testbed {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** A testbed with one board open on it, and the board's page errors. */
export interface BoardTestbed extends Testbed {
  readonly page: Page;
  readonly errors: string[];
}

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the testbed's ${what} is not started yet (use it inside a test)`);
  return value;
}

/** Starts a testbed before the enclosing describe block's tests and stops it after them. */
export function useBrowserTestbed(options: Parameters<typeof startTestServer>[0] = {}): Testbed {
  const bed: { server?: TestServer; browser?: Browser } = {};
  beforeAll(async () => {
    const started = await startBrowserTestbed(options);
    bed.server = started.server;
    bed.browser = started.browser;
  }, 120_000);
  afterAll(async () => {
    await bed.browser?.close();
    await bed.server?.close();
  });
  return {
    get server() {
      return present(bed.server, 'server');
    },
    get browser() {
      return present(bed.browser, 'browser');
    },
  };
}

/** `useBrowserTestbed` with a board opened as `username` (at `desk`) before the tests. */
export function useBoardTestbed(username: string, desk?: Desk, options: Parameters<typeof startTestServer>[0] = {}): BoardTestbed {
  const bed = useBrowserTestbed(options);
  const opened: { page?: Page } = {};
  const errors: string[] = [];
  beforeAll(async () => {
    const board = await openConsole(bed.browser, bed.server.url, username, desk);
    opened.page = board.page;
    errors.push(...board.errors);
  }, 120_000);
  return {
    get server() {
      return bed.server;
    },
    get browser() {
      return bed.browser;
    },
    get page() {
      return present(opened.page, 'page');
    },
    errors,
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** A crew member on the sign-on screen signs on to `unitId` (typed as the call sign) and waits for the crew screen. */
export async function signOnToVehicle(page: Page, unitId: string): Promise<void> {
  await page.getByTestId('crew-sign-on-unit').fill(unitId.toUpperCase(), { timeout: 20_000 });
  await page.getByTestId('crew-sign-on-unit').press('Enter');
  await page.locator(`[data-testid="crew-screen"][data-unit-id="${unitId}"]`).waitFor({ timeout: 20_000 });
}

/** A fresh command id (8-64 letters, digits, _ or -). */
export function commandId(): string {
  return randomUUID().replace(/-/g, '');
}

/**
 * Sends a command over HTTP from inside a signed-in page (its cookie, its origin), at the contract's method and
 * path: `:name` segments are filled from the input, the rest goes as the query (GET) or the JSON body (POST).
 */
export async function httpCommand<N extends CommandName>(page: Page, name: N, input: InputOf<N>): Promise<Result<AnswerOf<N>>> {
  const { method, path } = CONTRACT[name].http;
  const fields: Record<string, unknown> = { ...input };
  const filled = path.replace(/:(\w+)/g, (_, field: string) => {
    const value = String(fields[field]);
    delete fields[field];
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
  const target = method === 'get' && query ? `${filled}?${query}` : filled;
  const answer = await page.evaluate(
    async ({ target, method, body }) => {
      const response = await fetch(target, method === 'get' ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return (await response.json()) as unknown;
    },
    { target, method, body: JSON.stringify(input) },
  );
  // The server answers with the contract's Result shape; the test reads it as that.
  return answer as Result<AnswerOf<N>>;
}

/** Braamfontein, inside the metro: where the tests' medical call comes from. */
export const BRAAMFONTEIN: [number, number] = [28.0346, -26.1929];

/** A medical call at Braamfontein with a caller and a callback number, created over HTTP from a signed-in page. */
export async function createMedicalIncident(page: Page, notes = 'man fell, conscious'): Promise<Incident> {
  const created = await httpCommand(page, 'incident:create', {
    commandId: commandId(),
    type: 'medical_emergency',
    location: BRAAMFONTEIN,
    locationNotes: 'outside the library',
    callerName: 'Sipho Dlamini',
    callbackNumber: '082 555 0177',
    notes,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.data;
}

/** Assigns the incident the unit recommended first (of `kind` when there is one) over HTTP; the unit as recommended. */
export async function assignRecommended(page: Page, incidentId: string, kind?: Candidate['kind']): Promise<Candidate> {
  const rec = await httpCommand(page, 'dispatch:recommend', { incidentId });
  if (!rec.ok) throw new Error(rec.error.message);
  const candidates = rec.data.byKind.flatMap((k) => k.candidates);
  const unit = candidates.find((c) => c.kind === kind) ?? rec.data.byKind[0]?.candidates[0];
  if (!unit) throw new Error('no unit recommended');
  const assigned = await httpCommand(page, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: [unit.unitId] });
  if (!assigned.ok) throw new Error(assigned.error.message);
  return unit;
}

/** Rendered incident features at the map's current view, read from the one map instance. */
export function renderedIncidentReferences(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.ecMap;
    if (!map) return [];
    return map.queryRenderedFeatures({ layers: ['ec-incident-mark'] }).map((f) => String(f.properties['reference']));
  });
}

/** Where on the page a position is drawn. */
export async function pagePointOf(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map has no box');
  const point = await page.evaluate(([x, y]) => {
    const map = window.ecMap;
    if (!map) throw new Error('no map');
    const p = map.project([x, y]);
    return { x: p.x, y: p.y };
  }, [lng, lat] as const);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** The `data-field` of the element that has the keyboard focus. */
export function focusedField(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? null);
}
