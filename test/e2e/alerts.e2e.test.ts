import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import type { TestServer } from '../support/testServer.ts';
import { CHROMIUM_PATH, commandId, httpCommand, openConsole, shot, startBrowserTestbed, waitConnected } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the alerts e2e test: no Chromium at ${CHROMIUM_PATH}.`);

/** Braamfontein and Parktown, inside the metro. */
const BRAAMFONTEIN: [number, number] = [28.0346, -26.1929];
const PARKTOWN: [number, number] = [28.0405, -26.1822];

/** The incident ids of the queue's rows, top to bottom. */
function queueOrder(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('incident-queue').locator('li.queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-incident-id')));
}

describe.skipIf(!hasChromium)('[IQ1]–[IQ4] Echo alerts and the queue on the dispatcher’s board', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** The pages' error lists, filled as they run: read at the end. */
  const errorLists: string[][] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserTestbed());
    const opened = await openConsole(browser, server.url, 'dispatcher', 'combined');
    page = opened.page;
    errorLists.push(opened.errors);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function createIncident(type: IncidentTypeId, location: [number, number], notes: string): Promise<Incident> {
    const created = await httpCommand(page, 'incident:create', {
      commandId: commandId(),
      type,
      location,
      locationNotes: 'at the corner shop',
      callerName: 'Nomsa Khumalo',
      callbackNumber: '082 555 0188',
      notes,
    });
    if (!created.ok) throw new Error(created.error.message);
    await page.getByTestId(`queue-row-${created.data.reference}`).waitFor({ timeout: 15_000 });
    return created.data;
  }

  /** Reloads the board and waits until its live state is back (the row of `reference` is drawn). */
  async function reloadBoard(reference: string): Promise<void> {
    await page.reload();
    await waitConnected(page);
    await page.getByTestId(`queue-row-${reference}`).waitFor({ timeout: 20_000 });
  }

  it('[IQ2][IQ4] the Echo banner survives a reload, goes when acknowledged (and stays gone), and goes when a unit is assigned', async () => {
    const banner = page.getByTestId('alert-banner');
    const first = await createIncident('cardiac_arrest', BRAAMFONTEIN, 'man collapsed, not breathing');
    expect(first.priority).toBe('echo');
    await page.getByTestId(`alert-${first.reference}`).waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(/ECHO · NO UNIT/);
    expect(await page.getByTestId(`alert-${first.reference}`).textContent()).toMatch(/Cardiac arrest.*waiting \d{2}:\d{2}/);
    await shot(page, 'alerts-01-new-echo');

    // [IQ2] Derived from the live state: after a reload the banner is back, with no change seen since.
    await reloadBoard(first.reference);
    await page.getByTestId(`alert-${first.reference}`).waitFor({ timeout: 15_000 });
    await shot(page, 'alerts-02-after-reload');

    // [IQ2] E acknowledges: the banner goes; [IQ4] and stays gone after another reload.
    await page.keyboard.press('e');
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await reloadBoard(first.reference);
    expect(await banner.count()).toBe(0);
    // Acknowledged is not assigned: it still waits at the top, under "Needs units".
    expect(await page.getByTestId(`queue-row-${first.reference}`).getAttribute('data-group')).toBe('needs_units');
    await shot(page, 'alerts-03-acknowledged-after-reload');

    // [IQ4] Acknowledgements are per user and desk: the EMS desk, opened after the incident was created, still alerts.
    const ems = await openConsole(browser, server.url, 'ems');
    errorLists.push(ems.errors);
    await ems.page.getByTestId(`alert-${first.reference}`).waitFor({ timeout: 20_000 });
    await shot(ems.page, 'alerts-04-ems-desk-opened-later');
    await ems.page.close();

    // [IQ2] Another Echo: opening it from the banner does not acknowledge it; assigning a unit ends the alert.
    const second = await createIncident('cardiac_arrest', PARKTOWN, 'woman collapsed in the garden');
    const secondAlert = page.getByTestId(`alert-${second.reference}`);
    await secondAlert.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId(`alert-${first.reference}`).count()).toBe(0);
    await secondAlert.click();
    await expect.poll(() => page.getByTestId('recommend-panel').getAttribute('data-incident-id'), { timeout: 15_000 }).toBe(second.id);
    expect(await banner.count()).toBe(1);
    const assignButton = page.getByTestId('assign-button');
    await expect.poll(() => assignButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    await shot(page, 'alerts-05-second-echo-opened');
    await assignButton.click();
    const secondRow = page.getByTestId(`queue-row-${second.reference}`);
    await expect.poll(() => secondRow.getAttribute('data-status'), { timeout: 15_000 }).toBe('dispatched');
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await shot(page, 'alerts-06-assigned-banner-gone');

    // [IQ1] A new pending incident (a lower priority) sorts above the older dispatched Echo: it needs action.
    const third = await createIncident('medical_emergency', BRAAMFONTEIN, 'diabetic, confused');
    expect(third.priority).not.toBe('echo');
    await expect.poll(() => queueOrder(page), { timeout: 15_000 }).toEqual([first.id, third.id, second.id]);
    expect(await page.getByTestId(`queue-row-${third.reference}`).getAttribute('data-group')).toBe('needs_units');
    expect(['in_hand', 'ack_overdue']).toContain(await secondRow.getAttribute('data-group'));
    expect(await page.getByTestId('queue-group-needs_units').textContent()).toBe('Needs units 2');
    // A pending incident that is not Echo never raises the banner.
    expect(await banner.count()).toBe(0);
    await shot(page, 'alerts-07-queue-groups');

    expect(errorLists.flat().filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 180_000);
});
