import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, collectErrors, focusedField, openConsole, shot, signIn, useBrowserTestbed, waitConnected, waitForMap } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the Care Connect e2e test: no Chromium at ${CHROMIUM_PATH}.`);

const WAIT = { timeout: 30_000 };
const CALLER = { name: 'Mpho Sithole', number: '082 555 0311' };
const NEIGHBOUR = { name: 'Lindiwe Dube', number: '083 555 0412' };
const INTERNAL_NOTE = 'Job card JW-4471, valve replaced';
const PUBLIC_NOTE = 'The burst pipe was repaired and the water is back on.';

/** Waits until the keyboard focus is on the field `field` (its data-field), so that what is typed next lands there. */
async function expectFocus(page: Page, field: string): Promise<void> {
  await expect.poll(() => focusedField(page), { timeout: 15_000 }).toBe(field);
}

async function typeThenEnter(page: Page, text: string, next: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expectFocus(page, next);
}

/** Opens a Care Connect screen (the ticket desk or a department's queue) as a demo user: live, and its map drawn. */
async function openCareScreen(browser: Browser, url: string, username: string, screen: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors = collectErrors(page);
  await signIn(page, url, username);
  await page.getByTestId(screen).waitFor(WAIT);
  await waitConnected(page);
  await waitForMap(page);
  return { page, errors };
}

/**
 * The agent takes a request from the first key: the menu option the caller chose, the service by the caller's words,
 * the number and name, the place as coordinates, what is wrong. Stops before creating.
 */
async function takeRequest(page: Page, menuDigit: string, serviceWords: string, caller: { name: string; number: string }, place: string, description: string): Promise<void> {
  await page.locator('body').press(menuDigit);
  await expectFocus(page, 'service');
  await typeThenEnter(page, serviceWords, 'callback');
  await typeThenEnter(page, caller.number, 'caller');
  await typeThenEnter(page, caller.name, 'email');
  await page.keyboard.press('Enter');
  await expectFocus(page, 'location');
  await typeThenEnter(page, place, 'address');
  await typeThenEnter(page, '12 Rissik Street, Marshalltown', 'description');
  await page.keyboard.type(description);
}

describe.skipIf(!hasChromium)('Care Connect end to end', () => {
  const bed = useBrowserTestbed();
  const errors: string[] = [];
  let agent: Page;
  let water: Page;
  let burstReference = '';
  let gasIncident = '';

  it('[CS8] the sign-in screen leads residents to the page that follows a ticket', async () => {
    const page = await bed.browser.newPage({ viewport: { width: 1600, height: 900 } });
    errors.push(...collectErrors(page));
    await page.goto(bed.server.url);
    await page.getByTestId('track-link').waitFor(WAIT);
    expect(await page.getByTestId('track-link').getAttribute('href')).toBe('/track');
    await shot(page, 'care-00-sign-in');
    await page.close();
  }, 60_000);

  it('[CS1][CS2][CS3] an agent takes an option-3 call about a burst pipe and reads the new reference back', async () => {
    const opened = await openCareScreen(bed.browser, bed.server.url, 'agent', 'ticket-desk');
    agent = opened.page;
    errors.push(...opened.errors);
    await agent.getByTestId('care-form').and(agent.locator('[data-phase="idle"]')).waitFor(WAIT);
    await shot(agent, 'care-01-desk-idle');

    await takeRequest(agent, '3', 'burst', CALLER, '-26.2041, 28.0473', 'Water gushing from the pavement since 6 this morning.');
    // An option-3 call starts in Joburg Water's services: "burst" found the burst pipe there.
    await expect.poll(() => agent.getByTestId('care-service-chosen').getAttribute('data-code'), WAIT).toBe('WATER-BURST');
    expect(await agent.getByTestId('care-menu-3').getAttribute('aria-checked')).toBe('true');
    await agent.getByTestId('care-danger-signs').waitFor(WAIT);
    expect(await agent.getByTestId('area-line').textContent()).toMatch(/Ward \d+/);
    await shot(agent, 'care-02-desk-request');

    await agent.keyboard.press('Control+Enter');
    const banner = agent.getByTestId('care-reference-banner');
    await banner.waitFor(WAIT);
    burstReference = (await agent.getByTestId('care-reference').textContent())?.trim() ?? '';
    expect(burstReference).toMatch(/^CC-\d{6}-\d{4}-\d$/);
    expect(await agent.getByTestId('care-reference-spelled').textContent()).toMatch(/^Charlie Charlie · /);
    expect(await agent.getByTestId('care-promise').textContent()).toContain('Joburg Water will phone you back within 24 hours');
    expect(await agent.getByTestId('ticket-view').getAttribute('data-reference')).toBe(burstReference);
    await shot(agent, 'care-03-desk-created');
  }, 120_000);

  it('[CS5][CC3] a neighbour calling about the same pipe is offered the open ticket and linked to it', async () => {
    await agent.getByTestId('care-reference-dismiss').click();
    await takeRequest(agent, '3', 'pipe burst', NEIGHBOUR, '-26.2043, 28.0476', 'Same burst pipe, now flooding the gutter.');
    const offered = agent.getByTestId(`care-duplicate-${burstReference}`);
    await offered.waitFor(WAIT);
    await shot(agent, 'care-04-desk-duplicate');
    await agent.keyboard.press('Control+l');
    await agent.locator('[data-testid="care-reference-banner"][data-kind="linked"]').waitFor(WAIT);
    expect((await agent.getByTestId('care-reference').textContent())?.trim()).toBe(burstReference);
    await expect.poll(() => agent.getByTestId('ticket-callers').locator('li').count(), WAIT).toBe(2);
    await shot(agent, 'care-05-desk-linked');
  }, 120_000);

  it('[CS6][CS7] the Joburg Water officer closes it fixed with a public note and records both callers called back', async () => {
    const opened = await openCareScreen(bed.browser, bed.server.url, 'water', 'department-screen');
    water = opened.page;
    errors.push(...opened.errors);
    const row = water.getByTestId(`ticket-row-${burstReference}`);
    await row.waitFor(WAIT);
    expect(await water.getByTestId('officer-department').textContent()).toBe('Joburg Water');
    await row.click();
    await water.getByTestId('ticket-update').waitFor(WAIT);
    await shot(water, 'care-06-queue-selected');

    await water.getByTestId('ticket-update-status').selectOption('closed_fixed');
    await water.getByTestId('ticket-update-public').fill(PUBLIC_NOTE);
    await water.getByTestId('ticket-update-internal').fill(INTERNAL_NOTE);
    await water.getByTestId('ticket-update-save').click();
    await water.locator(`[data-testid="ticket-view"][data-status="closed_fixed"]`).waitFor(WAIT);

    // Each caller was owed a callback when the ticket was logged and another now it is closed: all four are made.
    const due = water.locator('[data-testid^="callback-made-"]');
    await expect.poll(() => due.count(), WAIT).toBe(4);
    await water.getByTestId('callback-note').fill('Told the caller the water is back on');
    for (let remaining = 4; remaining > 0; remaining -= 1) {
      await due.first().click();
      await expect.poll(() => due.count(), WAIT).toBe(remaining - 1);
    }
    await expect.poll(() => water.locator('[data-testid^="callback-cb"][data-status="made"]').count(), WAIT).toBe(4);
    await shot(water, 'care-07-queue-closed-callbacks');
  }, 120_000);

  it('[CS5] when the resident phones back, the agent finds the ticket by its reference and sees its history', async () => {
    await agent.getByTestId('care-reference-dismiss').click();
    await agent.locator('body').press('/');
    await agent.keyboard.type(burstReference.toLowerCase().replace(/-/g, ' '));
    await agent.keyboard.press('Enter');
    const view = agent.locator(`[data-testid="ticket-view"][data-reference="${burstReference}"]`);
    await view.waitFor(WAIT);
    expect(await view.getAttribute('data-status')).toBe('closed_fixed');
    const history = (await agent.getByTestId('ticket-history').textContent()) ?? '';
    expect(history).toContain(PUBLIC_NOTE);
    expect(history).toContain(INTERNAL_NOTE);
    await shot(agent, 'care-08-desk-phone-back');
  }, 60_000);

  it('[CS8][CC5] the resident page shows the ticket\'s history to anyone with the reference, and nothing personal', async () => {
    const phone = await bed.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    errors.push(...collectErrors(phone));
    await phone.goto(`${bed.server.url}/track`);
    await phone.getByTestId('resident-reference').fill(burstReference);
    await phone.getByTestId('resident-look').click();
    const ticket = phone.getByTestId('resident-ticket');
    await ticket.waitFor(WAIT);
    expect(await phone.getByTestId('resident-status').textContent()).toBe('Closed: fixed');
    expect(await phone.getByTestId('resident-service').textContent()).toBe('Burst pipe');
    const page = (await phone.locator('body').textContent()) ?? '';
    expect(page).toContain(PUBLIC_NOTE);
    for (const secret of [CALLER.name, CALLER.number, NEIGHBOUR.name, NEIGHBOUR.number, INTERNAL_NOTE, 'Rissik', 'gushing']) expect(page).not.toContain(secret);
    expect(new URL(phone.url()).pathname).toBe(`/track/${burstReference}`);
    await shot(phone, 'care-09-resident-ticket');

    // Unknown, wrong check digit and malformed references get one and the same answer.
    const answers: string[] = [];
    for (const guess of ['CC-000101-0001-0', burstReference.replace(/\d$/, (d) => String((Number(d) + 1) % 10)), 'hello']) {
      await phone.getByTestId('resident-reference').fill(guess);
      await phone.getByTestId('resident-look').click();
      await phone.getByTestId('resident-problem').waitFor(WAIT);
      answers.push((await phone.getByTestId('resident-problem').textContent()) ?? '');
    }
    expect(new Set(answers).size).toBe(1);
    await shot(phone, 'care-10-resident-unknown');
    await phone.close();
  }, 60_000);

  it('[CS4][CC4] a gas smell logged by the agent is escalated and appears on the Fire desk', async () => {
    await agent.getByTestId('ticket-panel-close').click();
    await takeRequest(agent, '0', 'gas smell', { name: 'Thabo Mokoena', number: '084 555 0199' }, '-26.1952, 28.0340', 'Strong smell of gas inside the kitchen, hissing at the meter.');
    await expect.poll(() => agent.getByTestId('care-service-chosen').getAttribute('data-code'), WAIT).toBe('GAS-LEAK');
    expect(await agent.getByTestId('care-danger-signs').textContent()).toContain('hissing from a gas pipe or meter');
    await agent.keyboard.press('Control+Enter');
    await agent.getByTestId('care-reference-banner').waitFor(WAIT);
    const gasReference = (await agent.getByTestId('care-reference').textContent())?.trim() ?? '';

    await agent.locator('body').press('e');
    await agent.getByTestId('escalate-form').waitFor(WAIT);
    expect(await agent.getByTestId('escalate-type').inputValue()).toBe('Gas leak / gas poisoning');
    await agent.getByTestId('escalate-reason').fill('strong smell of gas indoors and hissing at the meter');
    await shot(agent, 'care-11-desk-escalate');
    await agent.getByTestId('escalate-reason').press('Enter');
    await agent.getByTestId('escalated-banner').waitFor(WAIT);
    gasIncident = (await agent.getByTestId('ticket-incident').locator('.ref').textContent())?.trim() ?? '';
    expect(gasIncident).toMatch(/^EC-\d{6}-\d{4}-\d$/);
    expect(await agent.getByTestId('ticket-view').getAttribute('data-reference')).toBe(gasReference);
    await shot(agent, 'care-12-desk-escalated');

    const fire = await openConsole(bed.browser, bed.server.url, 'fire');
    errors.push(...fire.errors);
    await fire.page.getByTestId(`queue-row-${gasIncident}`).waitFor(WAIT);
    await fire.page.getByTestId(`queue-row-${gasIncident}`).click();
    await shot(fire.page, 'care-13-fire-desk');
    await fire.page.close();
  }, 180_000);

  it('[CS9] the supervisor sees the open tickets by department and the share closed in time', async () => {
    const supervisor = await openConsole(bed.browser, bed.server.url, 'supervisor');
    errors.push(...supervisor.errors);
    await supervisor.page.getByTestId('view-care').click();
    const gasLine = supervisor.page.getByTestId('care-summary-egoli_gas');
    await gasLine.waitFor(WAIT);
    expect(await gasLine.getAttribute('data-open')).toBe('1');
    const waterLine = supervisor.page.getByTestId('care-summary-joburg_water');
    expect(await waterLine.getAttribute('data-open')).toBe('0');
    expect(await waterLine.textContent()).toContain('100%');
    await waterLine.click();
    await supervisor.page.getByTestId(`ticket-row-${burstReference}`).waitFor(WAIT);
    await shot(supervisor.page, 'care-14-supervisor');
    // The board's keys rest while Care Connect is shown: j and ↓ select nothing on the hidden board.
    await supervisor.page.locator('body').click({ position: { x: 5, y: 890 } });
    await supervisor.page.keyboard.press('j');
    await supervisor.page.keyboard.press('ArrowDown');
    await supervisor.page.getByTestId('view-board').click();
    expect(await supervisor.page.locator('.queue-row[aria-selected="true"]').count()).toBe(0);
    await supervisor.page.close();
  }, 120_000);

  it('[CS11] a call-taker refers a non-emergency call to Care Connect and reads the ticket reference out', async () => {
    const ct = await openConsole(bed.browser, bed.server.url, 'calltaker');
    errors.push(...ct.errors);
    const page = ct.page;
    await page.keyboard.press('n');
    await expectFocus(page, 'callback');
    await typeThenEnter(page, '082 555 0777', 'caller');
    await typeThenEnter(page, 'Sizwe Ndaba', 'location');
    await typeThenEnter(page, '-26.1890, 28.0320', 'landmark');
    await page.keyboard.press('Control+d');
    await page.getByTestId('dispose-panel').waitFor(WAIT);
    await page.locator('[data-field="dispose"]').press('5');
    await expectFocus(page, 'service');
    await typeThenEnter(page, 'pothole', 'referral-description');
    await typeThenEnter(page, 'Deep pothole in the left lane, cars swerving', 'dispose-notes');
    await shot(page, 'care-15-calltaker-referral');
    await page.keyboard.press('Enter');
    await page.getByTestId('referred-banner').waitFor(WAIT);
    const reference = (await page.getByTestId('referred-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^CC-\d{6}-\d{4}-\d$/);
    await shot(page, 'care-16-calltaker-referred');

    // The ticket reached the roads agency with the caller's details, as a referral from Emergency Connect.
    await agent.locator('body').press('/');
    await agent.keyboard.type(reference);
    await agent.keyboard.press('Enter');
    const view = agent.locator(`[data-testid="ticket-view"][data-reference="${reference}"]`);
    await view.waitFor(WAIT);
    expect(await view.textContent()).toContain('Referred by Emergency Connect');
    expect(await agent.getByTestId('ticket-callers').textContent()).toContain('Sizwe Ndaba · 082 555 0777');
    await page.close();
  }, 120_000);

  it('[CS10] the administrator adds a department officer for one department', async () => {
    const page = await bed.browser.newPage({ viewport: { width: 1600, height: 900 } });
    errors.push(...collectErrors(page));
    await signIn(page, bed.server.url, 'admin');
    await page.getByTestId('add-user-form').waitFor(WAIT);
    await page.getByTestId('add-user-username').fill('roads-officer');
    await page.getByTestId('add-user-name').fill('Roads Officer');
    await page.getByTestId('add-user-role').selectOption('department_officer');
    await page.locator('[data-testid="add-user-department"] option[value="jra"]').waitFor({ state: 'attached', ...WAIT });
    await page.getByTestId('add-user-department').selectOption('jra');
    await page.getByTestId('add-user-password').fill('a long enough password');
    await shot(page, 'care-17-admin-add-officer');
    await page.getByTestId('add-user-submit').click();
    await page.getByTestId('add-user-done').waitFor(WAIT);
    expect(await page.getByTestId('user-row-roads-officer').textContent()).toContain('jra');
    await shot(page, 'care-18-admin-officer-added');
    await page.close();
  }, 60_000);

  it('no page logged an error', () => {
    expect(errors).toEqual([]);
  });
});
