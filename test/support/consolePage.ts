import { chromium, type Browser, type Page } from 'playwright-core';
import type { Desk } from '../../shared/auth/roles.ts';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';

/**
 * The console in Debian's Chromium, for the end-to-end tests and the console benchmark: the browser, signing in
 * through the form, and waiting for the live state and the map. `waitMs` lengthens each wait (a board of 10,000
 * units takes longer to load than a test's).
 */
export { DEMO_PASSWORD };

export const CHROMIUM_PATH = '/usr/bin/chromium';

const BASE_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Software WebGL, for when --disable-gpu leaves MapLibre without a context. */
const SWIFTSHADER_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...BASE_ARGS, ...SWIFTSHADER_ARGS] });
}

/**
 * Messages a page may log that are not faults: the console asks whether it is signed in before anyone has (401),
 * and a dispatcher with several desks is asked to choose one (400); Chromium logs both responses as errors.
 */
const EXPECTED_CONSOLE_ERRORS = /Failed to load resource: the server responded with a status of 40[01]/;

/** Collects the page's uncaught errors and console errors (less the expected ones) into `errors`. */
export function collectErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED_CONSOLE_ERRORS.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Signs in through the form as `username` (a demo user unless `password` says otherwise); `desk` answers the
 * desk question of a dispatcher allowed at several desks.
 */
export async function signIn(page: Page, url: string, username: string, options: { desk?: Desk; password?: string; waitMs?: number } = {}): Promise<void> {
  const waitMs = options.waitMs ?? 20_000;
  await page.goto(url);
  await page.getByTestId('sign-in').waitFor({ timeout: waitMs });
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(options.password ?? DEMO_PASSWORD);
  await page.getByTestId('sign-in-password').press('Enter');
  if (options.desk) await page.getByTestId(`desk-choice-${options.desk}`).click({ timeout: waitMs });
}

/** Waits until the console's socket is live. */
export async function waitConnected(page: Page, waitMs = 20_000): Promise<void> {
  await page.getByTestId('connection').and(page.locator('[data-status="connected"]')).waitFor({ timeout: waitMs });
}

/** Waits until the board's map has loaded. */
export async function waitForMap(page: Page, waitMs = 30_000): Promise<void> {
  await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: waitMs });
  await page.waitForFunction(() => window.ecMap?.loaded() === true, undefined, { timeout: waitMs });
}

/**
 * Opens a board (call taking, a dispatch desk, the supervisor's) on a fresh page with its own cookies, signed in
 * as a demo user through the form, and waits for the live state and the map (each wait `waitMs` when given).
 */
export async function openConsole(browser: Browser, url: string, username: string, desk?: Desk, waitMs?: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors = collectErrors(page);
  await signIn(page, url, username, { ...(desk ? { desk } : {}), ...(waitMs === undefined ? {} : { waitMs }) });
  await waitConnected(page, waitMs);
  await waitForMap(page, waitMs);
  return { page, errors };
}
