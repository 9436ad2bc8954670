import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../support/testServer.ts';
import { CHROMIUM_PATH, focusedField, openConsole, shot, startBrowserTestbed, waitConnected, waitForMap } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the calls e2e test: no Chromium at ${CHROMIUM_PATH}.`);

async function expectFocus(page: Page, field: string): Promise<void> {
  await expect.poll(() => focusedField(page), { timeout: 15_000 }).toBe(field);
}

async function typeThenEnter(page: Page, text: string, next: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expectFocus(page, next);
}

describe.skipIf(!hasChromium)('calls: withheld callers, drafts kept, plain messages (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let ct: Page;
  let fire: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserTestbed());
    const pages = await Promise.all([openConsole(browser, server.url, 'calltaker'), openConsole(browser, server.url, 'fire')]);
    [ct, fire] = pages.map((p) => p.page) as [Page, Page];
    errors.push(...pages.flatMap((p) => p.errors));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[IC9][IC10][IC11] a withheld caller reports a building fire; the draft survives a reload; the incident is created', async () => {
    // ── W in the empty number field: withheld, with a warning, and on to the name ──
    await ct.keyboard.press('n');
    await ct.getByTestId('call-timer').waitFor();
    await expectFocus(ct, 'callback');
    await ct.keyboard.press('w');
    await expectFocus(ct, 'caller');
    expect(await ct.getByTestId('create-callback').inputValue()).toBe('Withheld');
    await expect.poll(() => ct.getByTestId('callback-warning').textContent()).toContain('Number withheld: you cannot call back.');
    // No name: Enter goes on regardless.
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'location');
    await ct.keyboard.type('-26.2041, 28.0473');
    await expect.poll(() => ct.getByTestId('location-set').textContent()).toContain('-26.20410, 28.04730');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'landmark');
    await typeThenEnter(ct, 'Corner of Wolmarans and Smit, smoke from the third floor', 'type');
    await ct.keyboard.type('building fire');
    await expect.poll(() => ct.getByTestId('type-matches').locator('li').first().textContent()).toContain('Building fire');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'questions');
    await ct.keyboard.press('y'); // someone still inside: yes
    await shot(ct, 'calls-01-withheld-capture');

    // ── Reload mid-call: the browser asks first, and the draft comes back ──
    const prompt = new Promise<string>((resolve) => {
      ct.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      });
    });
    await ct.reload();
    expect(await prompt).toBe('beforeunload');
    await waitConnected(ct);
    await waitForMap(ct);
    await ct.getByTestId('draft-restored').waitFor({ timeout: 20_000 });
    expect(await ct.getByTestId('create-callback').inputValue()).toBe('Withheld');
    expect(await ct.getByTestId('create-location-notes').inputValue()).toBe('Corner of Wolmarans and Smit, smoke from the third floor');
    expect(await ct.getByTestId('live-priority').getAttribute('data-priority')).toBe('echo');
    expect(await ct.getByTestId('callback-warning').textContent()).toContain('Number withheld');
    await shot(ct, 'calls-02-draft-restored');

    // ── Notes too long: counted as typed, and refused in plain words, once ──
    await ct.getByTestId('create-notes').fill(`Two people on the balcony. ${'x'.repeat(2107)}`);
    await expect.poll(() => ct.getByTestId('notes-counter').getAttribute('data-state')).toBe('over');
    expect(await ct.getByTestId('notes-counter').textContent()).toBe('2,134 / 2,000 · 134 too many');
    await ct.keyboard.press('Control+Enter');
    await expect.poll(() => ct.getByTestId('create-error').textContent()).toBe('Notes are too long: 2,134 of 2,000 characters. Shorten them.');
    expect(await ct.getByTestId('create-error').count()).toBe(1);
    await shot(ct, 'calls-03-notes-too-long');
    await ct.getByTestId('create-notes').fill('Two people on the balcony');
    await expect.poll(() => ct.getByTestId('notes-counter').getAttribute('data-state')).toBe('ok');

    // ── Ctrl+Enter creates it, withheld number and all ──
    await ct.keyboard.press('Control+Enter');
    await ct.getByTestId('reference-banner').waitFor({ timeout: 15_000 });
    const reference = (await ct.getByTestId('reference-number').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^EC-\d{6}-\d{4,6}-\d$/);
    expect(await ct.getByTestId('draft-restored').count()).toBe(0);
    await shot(ct, 'calls-04-created');

    // The fire desk sees "Unknown caller · Withheld" where the name and number would be.
    await fire.getByTestId(`queue-row-${reference}`).waitFor({ timeout: 15_000 });
    await fire.getByTestId(`queue-row-${reference}`).click();
    await expect.poll(() => fire.getByTestId('incident-caller').textContent(), { timeout: 10_000 }).toBe('Caller Unknown caller · Withheld');
    await shot(fire, 'calls-05-fire-desk-withheld');

    // ── After the reload the draft is gone once the call is created: another reload restores nothing ──
    await ct.reload();
    await waitConnected(ct);
    await ct.getByTestId('start-call').waitFor({ timeout: 20_000 });
    expect(await ct.getByTestId('draft-restored').count()).toBe(0);
  }, 180_000);

  it('[IC10] N or Esc with a draft open asks before discarding it', async () => {
    await ct.keyboard.press('n');
    await expectFocus(ct, 'callback');
    await typeThenEnter(ct, '082 555 0190', 'caller');
    await ct.keyboard.type('Nomsa Khumalo');
    await ct.keyboard.press('Escape'); // leaves the field
    await expect.poll(() => focusedField(ct)).toBe(null);

    // N asks first; N again (or Esc) keeps the call.
    await ct.keyboard.press('n');
    await ct.getByTestId('discard-confirm').waitFor();
    expect(await ct.getByTestId('discard-confirm').getAttribute('data-intent')).toBe('new_call');
    await expectFocus(ct, 'discard-confirm');
    await shot(ct, 'calls-06-discard-confirm');
    await ct.keyboard.press('n');
    await expect.poll(() => ct.getByTestId('discard-confirm').count()).toBe(0);
    expect(await ct.getByTestId('create-callback').inputValue()).toBe('082 555 0190');
    expect(await ct.getByTestId('create-caller-name').inputValue()).toBe('Nomsa Khumalo');

    // N then Enter: the draft goes and a new call starts, at the number field.
    await ct.keyboard.press('n');
    await expectFocus(ct, 'discard-confirm');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'callback');
    expect(await ct.getByTestId('create-callback').inputValue()).toBe('');
    expect(await ct.getByTestId('create-caller-name').inputValue()).toBe('');

    // Esc outside a field asks too; Enter discards and the call panel is idle again.
    await ct.keyboard.type('011 555 0101');
    await ct.keyboard.press('Escape');
    await expect.poll(() => focusedField(ct)).toBe(null);
    await ct.keyboard.press('Escape');
    await expectFocus(ct, 'discard-confirm');
    expect(await ct.getByTestId('discard-confirm').getAttribute('data-intent')).toBe('discard');
    await ct.keyboard.press('Enter');
    await ct.getByTestId('start-call').waitFor();
    expect(await ct.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('cad.callDraft')))).toEqual([]);

    // An abandoned call with no number is still closed with a disposition.
    await ct.keyboard.press('n');
    await expectFocus(ct, 'callback');
    await ct.keyboard.press('Control+d');
    await expectFocus(ct, 'dispose');
    await ct.keyboard.press('3');
    await expectFocus(ct, 'dispose-notes');
    await ct.keyboard.press('Enter');
    await ct.getByTestId('disposed-banner').waitFor({ timeout: 10_000 });
    await shot(ct, 'calls-07-abandoned-no-number');

    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 180_000);
});
