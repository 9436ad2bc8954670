import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../support/testServer.ts';
import { CHROMIUM_PATH, startBrowserTestbed, openConsole, pagePointOf, renderedIncidentReferences, shot } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the console e2e test: no Chromium at ${CHROMIUM_PATH}.`);

/** A point in central Johannesburg (Marshalltown), inside the metro and its wards. */
const INCIDENT_AT = { lng: 28.0415, lat: -26.2055 };

describe.skipIf(!hasChromium)('dispatch console end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let first: Page;
  let second: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserTestbed());
    // The same dispatcher at the combined desk on two consoles (each page has its own cookie).
    const one = await openConsole(browser, server.url, 'dispatcher', 'combined');
    const two = await openConsole(browser, server.url, 'dispatcher', 'combined');
    first = one.page;
    second = two.page;
    errors.push(...[one.errors, two.errors].flat());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[IC1][RT2][DS2] creates an incident from a map click, shows it on both consoles, and assigns with the keyboard', async () => {
    await shot(first, '01-board');

    // Call capture: click the map for the location.
    await first.getByTestId('new-call').click();
    const point = await pagePointOf(first, INCIDENT_AT.lng, INCIDENT_AT.lat);
    await first.mouse.click(point.x, point.y);
    await expect.poll(() => first.getByTestId('create-location').inputValue()).toMatch(/^-26\.\d+, 28\.\d+$/);
    await first.getByTestId('create-type').fill('cardiac');
    await first.getByTestId('create-type').press('Enter');
    await expect.poll(() => first.getByTestId('create-type').inputValue()).toBe('Cardiac arrest / not breathing');
    await first.getByTestId('create-caller-name').fill('Thandi Mokoena');
    await first.getByTestId('create-callback').fill('082 555 0123');
    await first.getByTestId('create-location-notes').fill('Corner of Commissioner and Rissik, outside the bank');
    await shot(first, '02-call-capture');
    await first.getByTestId('create-submit').click();

    // The reference, large, for read-back.
    await first.getByTestId('reference-banner').waitFor({ timeout: 15_000 });
    const reference = (await first.getByTestId('reference-number').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^EC-\d{6}-\d{4,6}-\d$/);

    // In the queue of both consoles, and drawn on the map.
    for (const page of [first, second]) {
      await page.getByTestId(`queue-row-${reference}`).waitFor({ timeout: 15_000 });
      await expect.poll(() => renderedIncidentReferences(page), { timeout: 15_000 }).toContain(reference);
    }
    await shot(first, '03-created');

    // Keyboard: Escape clears the reference, Escape leaves the call, j selects the top of the queue, Enter assigns.
    await first.keyboard.press('Escape');
    await first.keyboard.press('Escape');
    await first.keyboard.press('j');
    await expect.poll(() => first.getByTestId('recommend-panel').getAttribute('data-incident-id')).toBe(reference);
    const assignButton = first.getByTestId('assign-button');
    await expect.poll(() => assignButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    const label = (await assignButton.textContent()) ?? '';
    const callSigns = /Assign (.+?)\s+\[Enter\]/.exec(label)?.[1]?.split(', ') ?? [];
    expect(callSigns.length).toBeGreaterThanOrEqual(1);
    await shot(first, '04-recommendation');
    await first.keyboard.press('Enter');

    // Both consoles show the units on the incident.
    for (const page of [first, second]) {
      const row = page.getByTestId(`queue-row-${reference}`);
      await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('dispatched');
      const units = (await row.getByTestId('queue-row-units').textContent()) ?? '';
      for (const callSign of callSigns) expect(units).toContain(callSign);
    }
    // [IQ2] A unit assigned ends the Echo alert on every desk: nothing to acknowledge.
    for (const page of [first, second]) await expect.poll(() => page.getByTestId('alert-banner').count(), { timeout: 15_000 }).toBe(0);
    await second.getByTestId(`queue-row-${reference}`).click();
    await second.waitForTimeout(800);
    await shot(first, '05-assigned-first');
    await shot(second, '06-assigned-second');

    // Close up on the second console: call-sign and reference labels drawn without a glyph server.
    await second.evaluate(([lng, lat]) => window.ecMap?.jumpTo({ center: [lng, lat], zoom: 13.5 }), [INCIDENT_AT.lng, INCIDENT_AT.lat] as const);
    await second.waitForFunction(() => window.ecMap?.loaded() === true);
    await second.waitForTimeout(500);
    await shot(second, '07-close-up-labels');

    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 120_000);
});
