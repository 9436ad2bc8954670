import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import type { GeoJSONSource } from 'maplibre-gl';
import type { Desk } from '../../shared/auth/roles.ts';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless Chromium as the end-to-end tests start it: software WebGL (SwiftShader) for MapLibre. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Signs in through the form as a demo user at `desk`, and waits for the live socket and the loaded map. */
export async function openDispatchConsole(browser: Browser, url: string, username: string, desk: Desk): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await page.getByTestId('sign-in').waitFor({ timeout: 30_000 });
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-password').press('Enter');
  await page.getByTestId(`desk-choice-${desk}`).click({ timeout: 30_000 });
  await page.getByTestId('connection').and(page.locator('[data-status="connected"]')).waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.ecMap?.loaded() === true, undefined, { timeout: 60_000 });
  return { page, errors };
}

/** How many units the map's unit source holds, read from the map. */
export function unitsOnMap(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const source = window.ecMap?.getSource<GeoJSONSource>('ec-units');
    if (!source) return 0;
    const data = await source.getData();
    return data.type === 'FeatureCollection' ? data.features.length : 0;
  });
}

/** The page's JavaScript heap (Chrome DevTools Protocol `Runtime.getHeapUsage`), MiB. */
export async function pageHeapMiB(cdp: CDPSession): Promise<{ usedMiB: number; totalMiB: number }> {
  const heap = await cdp.send('Runtime.getHeapUsage');
  const mib = (bytes: number): number => Math.round((bytes / 1_048_576) * 10) / 10;
  return { usedMiB: mib(heap.usedSize), totalMiB: mib(heap.totalSize) };
}
