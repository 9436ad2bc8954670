import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/testServer.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));

const BASE_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Software WebGL, for when --disable-gpu leaves MapLibre without a context. */
const SWIFTSHADER_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...BASE_ARGS, ...SWIFTSHADER_ARGS] });
}

/** A real server (with its own Redis) serving the built console, and Chromium to open it. */
export async function startBrowserTestbed(options: Parameters<typeof startTestServer>[0] = {}): Promise<{ server: TestServer; browser: Browser }> {
  if (!existsSync(new URL('../../dispatch-console/dist/index.html', import.meta.url))) {
    throw new Error('dispatch-console/dist is missing: run `npm run build:console` first');
  }
  const server = await startTestServer(options);
  return { server, browser: await launchBrowser() };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Opens the console as a desk through the query string (`agency` for an agency dispatch desk), and waits for the live state and the map. */
export async function openConsole(browser: Browser, url: string, role: string, operator: string, agency?: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${url}/?role=${role}${agency ? `&agency=${agency}` : ''}&operator=${operator}`);
  await page.getByTestId('connection').and(page.locator('[data-status="connected"]')).waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => window.ecMap?.loaded() === true, undefined, { timeout: 30_000 });
  return { page, errors };
}

/** Rendered incident features at the map's current view, read from the one map instance. */
export function renderedIncidentReferences(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.ecMap;
    if (!map) return [];
    return map.queryRenderedFeatures({ layers: ['ec-incident-circle'] }).map((f) => String(f.properties['reference']));
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
