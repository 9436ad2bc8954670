import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../support/testServer.ts';
import { CHROMIUM_PATH, focusedField, startBrowserTestbed, openConsole, shot } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the call-taking e2e test: no Chromium at ${CHROMIUM_PATH}.`);

/** Waits until the keyboard focus is on the call field `field`, so that what is typed next lands there. */
async function expectFocus(page: Page, field: string): Promise<void> {
  await expect.poll(() => focusedField(page), { timeout: 15_000 }).toBe(field);
}

/** Types into the focused field and presses Enter to go on to `next`. */
async function typeThenEnter(page: Page, text: string, next: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expectFocus(page, next);
}

async function queueCount(page: Page): Promise<number> {
  return page.getByTestId('incident-queue').locator('li.queue-row').count();
}

/** Answers a new call with N and fills the caller's number and name. */
async function answerCall(page: Page, callback: string, name: string): Promise<void> {
  await page.keyboard.press('n');
  await page.getByTestId('call-timer').waitFor();
  await expectFocus(page, 'callback');
  await typeThenEnter(page, callback, 'caller');
  await typeThenEnter(page, name, 'location');
}

describe.skipIf(!hasChromium)('call taking end to end (keyboard only)', () => {
  let server: TestServer;
  let browser: Browser;
  let ct: Page;
  let ems: Page;
  let fire: Page;
  let police: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserTestbed());
    const pages = await Promise.all([
      openConsole(browser, server.url, 'calltaker'),
      openConsole(browser, server.url, 'ems'),
      openConsole(browser, server.url, 'fire'),
      openConsole(browser, server.url, 'police'),
    ]);
    [ct, ems, fire, police] = pages.map((p) => p.page) as [Page, Page, Page, Page];
    errors.push(...pages.flatMap((p) => p.errors));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[IC1][IC6][DU1][DU2][DK1][DK2][CH2][CH3] captures, de-duplicates, links and finds calls, and routes them to the agency desks', async () => {
    await expect.poll(() => ct.getByTestId('desk').textContent()).toContain('Call taker');
    expect(await ems.getByTestId('desk').textContent()).toContain('EMS dispatch');
    expect(await fire.getByTestId('desk').textContent()).toContain('Fire & Rescue dispatch');
    expect(await police.getByTestId('desk').textContent()).toContain('Metro Police dispatch');

    // ── First caller: road accident with entrapment, location by place search ──
    await answerCall(ct, '082 555 0147', 'Sipho Dlamini');
    await ct.keyboard.type('helen joseph');
    await ct.getByTestId('location-matches').waitFor();
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'landmark');
    expect(await ct.getByTestId('create-location').inputValue()).toMatch(/Helen Joseph/i);
    await expect.poll(() => ct.getByTestId('area-line').textContent()).toMatch(/Ward \d+ · Region [A-G] \(approximate\)/);
    await typeThenEnter(ct, 'Perth Rd outside the hospital gate, two cars', 'type');
    await ct.keyboard.type('entrap');
    await expect.poll(() => ct.getByTestId('type-matches').locator('li').first().textContent()).toContain('Road accident with entrapment');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'questions');
    await ct.keyboard.press('y'); // fire or fuel: yes
    await ct.keyboard.press('n'); // every trapped person awake: no
    await ct.keyboard.press('n'); // everyone out: no
    await expectFocus(ct, 'notes');
    await ct.keyboard.type('Driver trapped, smell of petrol');
    expect(await ct.getByTestId('live-priority').getAttribute('data-priority')).toBe('echo');
    expect(await ct.getByTestId('priority-reasons').textContent()).toMatch(/fire or leaking fuel\? Yes → Echo/);
    await ct.getByTestId('instructions-severe_bleeding').waitFor();
    await ct.getByTestId('instructions-while_you_wait').waitFor();
    expect(await ct.getByTestId('pre-arrival').locator('ol li').count()).toBeGreaterThanOrEqual(8);
    await shot(ct, 'call-01-capture');

    await ct.keyboard.press('Control+Enter');
    await ct.getByTestId('reference-banner').waitFor({ timeout: 15_000 });
    const reference = (await ct.getByTestId('reference-number').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^EC-\d{6}-\d{4,6}-\d$/);
    expect(await ct.getByTestId('reference-spoken').textContent()).toContain('E C ·');
    // The steps stay on screen while the caller waits.
    await ct.getByTestId('instructions-while_you_wait').waitFor();
    await shot(ct, 'call-02-reference');

    // An incident for EMS, Fire and Metro Police reaches all three desks.
    for (const desk of [ems, fire, police]) await desk.getByTestId(`queue-row-${reference}`).waitFor({ timeout: 15_000 });
    expect(await queueCount(ems)).toBe(1);

    // ── Second caller, same place and type: the duplicate prompt, then link ──
    await answerCall(ct, '083 444 0199', 'Lerato Nkosi');
    await ct.keyboard.type('helen joseph');
    await ct.getByTestId('location-matches').waitFor();
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'landmark');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'type');
    await ct.keyboard.type('entrap');
    await ct.getByTestId('type-matches').waitFor();
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'questions');
    const duplicate = ct.getByTestId(`duplicate-${reference}`);
    await duplicate.waitFor({ timeout: 10_000 });
    expect(await duplicate.getAttribute('data-selected')).toBe('true');
    expect(await duplicate.textContent()).toMatch(/LIKELY/);
    expect(await ct.getByTestId('link-caller').textContent()).toContain(reference);
    await shot(ct, 'call-03-duplicate');

    await ct.keyboard.press('Control+l');
    await ct.getByTestId('linked-banner').waitFor({ timeout: 15_000 });
    expect(await ct.getByTestId('linked-text').textContent()).toBe(`Linked to ${reference} — both callers kept`);
    await shot(ct, 'call-04-linked');

    // No new incident: the desks still hold one, now with two callers.
    await ems.keyboard.press('j');
    await expect.poll(() => ems.getByTestId('recommend-panel').getAttribute('data-incident-id')).toBe(reference);
    await expect.poll(() => ems.getByTestId('additional-callers').textContent(), { timeout: 10_000 }).toContain('Lerato Nkosi');
    for (const desk of [ems, fire, police]) expect(await queueCount(desk)).toBe(1);

    // ── Third call: cardiac arrest by coordinates, for EMS only ──
    await answerCall(ct, '011 555 1234', 'Ayanda Zulu');
    await ct.keyboard.type("26°12'19.8\"S 28°2'29.4\"E");
    await expect.poll(() => ct.getByTestId('location-set').textContent()).toContain('-26.20550, 28.04150');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'landmark');
    await ct.keyboard.press('Enter');
    // Focus moves within the key press, so the next keys typed land in the type field.
    expect(await focusedField(ct)).toBe('type');
    await ct.keyboard.type('cardiac');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'questions');
    await ct.keyboard.press('2');
    await ct.keyboard.press('2');
    await ct.getByTestId('instructions-cpr').waitFor();
    await ct.keyboard.press('Control+Enter');
    await ct.getByTestId('reference-banner').waitFor({ timeout: 15_000 });
    const cardiac = (await ct.getByTestId('reference-number').textContent())?.trim() ?? '';
    expect(cardiac).not.toBe(reference);
    await ems.getByTestId(`queue-row-${cardiac}`).waitFor({ timeout: 15_000 });
    // The other desks got only a version tick: same version as EMS, and no row.
    const emsVersion = (await ems.getByTestId('state-version').textContent()) ?? '';
    for (const desk of [fire, police]) {
      await expect.poll(() => desk.getByTestId('state-version').textContent(), { timeout: 10_000 }).toBe(emsVersion);
      expect(await desk.getByTestId(`queue-row-${cardiac}`).count()).toBe(0);
      expect(await queueCount(desk)).toBe(1);
    }
    expect(await queueCount(ems)).toBe(2);

    // ── Reference search, as spoken ──
    await ct.keyboard.press('Escape');
    await ct.keyboard.press('/');
    expect(await ct.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reference-search');
    await ct.keyboard.type(reference.toLowerCase().replace(/-/g, ' '));
    await ct.keyboard.press('Enter');
    const found = ct.getByTestId('lookup-incident');
    await found.waitFor({ timeout: 10_000 });
    expect(await found.getAttribute('data-reference')).toBe(reference);
    expect(await ct.getByTestId('lookup-timers').textContent()).toMatch(/processing \d+ (s|min)/);
    expect(await ct.getByTestId('additional-callers').textContent()).toContain('Lerato Nkosi');
    await shot(ct, 'call-05-lookup');
    // A misheard check digit is caught.
    await ct.keyboard.press('Control+f');
    const wrong = reference.slice(0, -1) + String((Number(reference.slice(-1)) + 1) % 10);
    await ct.keyboard.type(wrong);
    await ct.keyboard.press('Enter');
    await expect.poll(() => ct.getByTestId('lookup-error').textContent(), { timeout: 10_000 }).toMatch(/check digit/);
    await ct.keyboard.press('Escape');
    await expect.poll(() => ct.getByTestId('incident-lookup').count()).toBe(0);

    // ── Two hoax calls from one number, then a third call from it shows the warning ──
    for (let i = 0; i < 2; i += 1) {
      await ct.keyboard.press('n');
      await expectFocus(ct, 'callback');
      await ct.keyboard.type('072 000 1111');
      await ct.keyboard.press('Control+d');
      await expectFocus(ct, 'dispose');
      await ct.keyboard.press('1');
      await expectFocus(ct, 'dispose-notes');
      await ct.keyboard.type('laughing, hung up');
      if (i === 0) await shot(ct, 'call-06-dispose');
      await ct.keyboard.press('Enter');
      await ct.getByTestId('disposed-banner').waitFor({ timeout: 10_000 });
    }
    await ct.keyboard.press('n');
    await expectFocus(ct, 'callback');
    await ct.keyboard.type('0720001111');
    await ct.getByTestId('hoax-warning').waitFor({ timeout: 10_000 });
    expect(await ct.getByTestId('hoax-warning').textContent()).toContain('Repeated hoax calls — answer as usual, verify details');
    // The warning never blocks the call: the next field is one Enter away.
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'caller');
    // A caller just over the line: accepted, with a clear warning.
    await typeThenEnter(ct, 'Pieter', 'location');
    await ct.keyboard.type('-25.7479, 28.2293');
    await expect.poll(() => ct.getByTestId('area-line').getAttribute('data-tone')).toBe('warn');
    expect(await ct.getByTestId('area-line').textContent()).toContain('Outside the City of Johannesburg');
    await shot(ct, 'call-07-hoax-warning-outside-metro');

    await shot(ems, 'call-08-ems-desk');
    await fire.keyboard.press('j');
    await fire.getByTestId('recommend-panel').waitFor();
    await fire.waitForTimeout(600);
    await shot(fire, 'call-09-fire-desk');
    await shot(police, 'call-10-metro-police-desk');

    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 180_000);
});
