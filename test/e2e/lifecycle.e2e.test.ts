import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { TestServer } from '../support/testServer.ts';
import { CHROMIUM_PATH, commandId, httpCommand, openConsole, shot, startBrowserTestbed } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the lifecycle e2e test: no Chromium at ${CHROMIUM_PATH}.`);

/** Braamfontein, inside the metro. */
const AT: [number, number] = [28.0346, -26.1929];

describe.skipIf(!hasChromium)('[LC1]–[LC8] the incident lifecycle on the dispatcher’s board', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserTestbed());
    const opened = await openConsole(browser, server.url, 'dispatcher', 'combined');
    page = opened.page;
    errors.push(...opened.errors);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function createIncident(notes: string): Promise<Incident> {
    const created = await httpCommand(page, 'incident:create', {
      commandId: commandId(),
      type: 'medical_emergency',
      location: AT,
      locationNotes: 'outside the library',
      callerName: 'Sipho Dlamini',
      callbackNumber: '082 555 0177',
      notes,
    });
    if (!created.ok) throw new Error(created.error.message);
    await page.getByTestId(`queue-row-${created.data.reference}`).waitFor({ timeout: 15_000 });
    return created.data;
  }

  it('[LC4][LC7][LC1] assign, release the unit, see "Awaiting close" with no assignment offered, close with a disposition: it leaves the queue', async () => {
    const incident = await createIncident('man fell, conscious');
    const row = page.getByTestId(`queue-row-${incident.reference}`);
    await row.click();
    const panel = page.getByTestId('recommend-panel');
    await expect.poll(() => panel.getAttribute('data-incident-id')).toBe(incident.id);
    const assignButton = page.getByTestId('assign-button');
    await expect.poll(() => assignButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('dispatched');
    await shot(page, 'lifecycle-01-assigned');

    // [LC4] Release the committed unit from its line, with a reason.
    const releaseButton = panel.locator('[data-testid^="release-"]').first();
    await releaseButton.waitFor({ timeout: 15_000 });
    await releaseButton.click();
    await page.getByTestId('release-reason').selectOption('not_needed');
    await page.getByTestId('release-note').fill('patient walked to the clinic');
    await shot(page, 'lifecycle-02-release-form');
    await page.getByTestId('release-submit').click();

    // [LC7] Every unit has cleared: the queue and the panel say "Awaiting close" and offer no assignment.
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('awaiting_close');
    expect(await row.getByTestId('queue-row-status').textContent()).toBe('Awaiting close');
    await page.getByTestId('awaiting-close').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('assign-button').count()).toBe(0);
    expect(await page.locator('[data-testid^="recommend-kind-"]').count()).toBe(0);
    await page.getByTestId('action-more-units').waitFor();
    await shot(page, 'lifecycle-03-awaiting-close');

    // [LC1] Close with the keyboard: C opens the disposition picker, Enter sends it.
    await page.keyboard.press('c');
    await page.getByTestId('close-form').waitFor();
    await page.getByTestId('close-disposition').selectOption('treated_on_scene');
    await page.getByTestId('close-note').fill('assessed, no transport needed');
    await shot(page, 'lifecycle-04-close-form');
    await page.getByTestId('close-submit').click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await shot(page, 'lifecycle-05-closed');

    const found = await httpCommand(page, 'incident:get', { reference: incident.reference });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.data).toMatchObject({ status: 'closed', disposition: 'treated_on_scene', closeNote: 'assessed, no transport needed', closedBy: 'dispatcher' });
  }, 120_000);

  it('[LC3] a closed incident found by reference is reopened and returns to the queue', async () => {
    const incident = await createIncident('reopen me');
    const closed = await httpCommand(page, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'false_alarm' });
    if (!closed.ok) throw new Error(closed.error.message);
    await page.getByTestId(`queue-row-${incident.reference}`).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('reference-search').fill(incident.reference);
    await page.getByTestId('reference-search').press('Enter');
    await page.getByTestId('lookup-disposition').waitFor({ timeout: 15_000 });
    await page.getByTestId('action-reopen').click();
    await page.getByTestId('reopen-reason').fill('caller rang again, patient worse');
    await page.getByTestId('reopen-reason').press('Enter');
    const row = page.getByTestId(`queue-row-${incident.reference}`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-status')).toBe('pending');
    await shot(page, 'lifecycle-06-reopened');
  }, 60_000);

  it('[LC6][LC2] type and priority change from the keyboard; a pending incident is cancelled with X', async () => {
    const incident = await createIncident('change my type');
    const row = page.getByTestId(`queue-row-${incident.reference}`);
    await page.keyboard.press('Escape');
    await row.click();
    await expect.poll(() => page.getByTestId('recommend-panel').getAttribute('data-incident-id')).toBe(incident.id);
    await page.keyboard.press('t');
    await page.getByTestId('update-type-form').waitFor();
    await page.getByTestId('update-type-type').selectOption('structure_fire');
    await page.getByTestId('update-type-reason').fill('caller now reports smoke');
    await shot(page, 'lifecycle-07-type-form');
    await page.getByTestId('update-type-reason').press('Enter');
    await page.getByTestId('recommend-kind-fire_engine').waitFor({ timeout: 15_000 });
    await expect.poll(() => row.getAttribute('class')).toContain('prio-echo');
    await shot(page, 'lifecycle-08-reclassified');

    await page.keyboard.press('x');
    await page.getByTestId('cancel-reason').fill('caller rang back: it was a braai');
    await page.getByTestId('cancel-reason').press('Enter');
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 60_000);
});
