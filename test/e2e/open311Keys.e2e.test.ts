import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, collectErrors, shot, signIn, useBrowserTestbed, waitConnected } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the Open311 keys e2e test: no Chromium at ${CHROMIUM_PATH}.`);

const WAIT = { timeout: 30_000 };

/** A burst pipe reported by a third-party app, form-encoded as the standard sends it. */
function burstPipeReport(apiKey: string): string {
  return new URLSearchParams({
    api_key: apiKey,
    service_code: 'WATER-BURST',
    lat: '-26.1952',
    long: '28.0340',
    address_string: 'Corner of Jorissen and Bertha Streets, Braamfontein',
    description: 'Clean water gushing from a crack in the road',
  }).toString();
}

/** The app's POST, with plain fetch from outside the browser: no cookie, only the key. */
function postReport(url: string, apiKey: string): Promise<Response> {
  return fetch(`${url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: burstPipeReport(apiKey) });
}

function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

describe.skipIf(!hasChromium)('the administrator issues and revokes Open311 keys', () => {
  const bed = useBrowserTestbed();

  it('[CS12][CC12] admin issues a key, sees it once, an app posts with it, then it is revoked and refused', async () => {
    const context = await bed.browser.newContext({ viewport: { width: 1600, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await signIn(page, bed.server.url, 'admin');
    await page.getByTestId('users-screen').waitFor(WAIT);
    await waitConnected(page);
    await page.getByTestId('open311-none').waitFor(WAIT);

    // A name the schema refuses is named under the field, and nothing is sent.
    const name = page.getByTestId('open311-name');
    await name.fill('fix my joburg');
    await name.press('Enter');
    await expect.poll(() => page.getByTestId('open311-name-error').textContent(), WAIT).toBe('App name: 2 to 40 lowercase letters, digits, . _ or -, starting with a letter or digit (e.g. fixmyjoburg).');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'open311-keys-01-bad-name');
    // Esc clears the field and its problem.
    await name.press('Escape');
    expect(await name.inputValue()).toBe('');
    expect(await page.getByTestId('open311-name-error').count()).toBe(0);

    // Enter issues the key, under the name as it is kept (lowercase); it is shown once, Copy has the focus.
    await name.fill('Ward12App');
    await name.press('Enter');
    const issued = page.getByTestId('open311-issued');
    await issued.waitFor(WAIT);
    expect(await issued.getAttribute('data-name')).toBe('ward12app');
    const apiKey = await page.getByTestId('open311-issued-key').inputValue();
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await page.getByTestId('open311-shown-once').textContent()).toBe("Shown once: give it to the app's developer now; the server keeps only its hash.");
    await expect.poll(() => focusedTestId(page), WAIT).toBe('open311-copy');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('open311-copied').getAttribute('data-outcome'), WAIT).toBe('copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);
    await page.getByTestId('open311-key-ward12app').waitFor(WAIT);
    expect(await page.getByTestId('open311-key-state-ward12app').textContent()).toBe('In use');
    await shot(page, 'open311-keys-02-shown-once');

    // Esc puts the key away for good and gives the name field the focus back.
    await page.keyboard.press('Escape');
    await expect.poll(() => issued.count(), WAIT).toBe(0);
    expect(await focusedTestId(page)).toBe('open311-name');
    expect(await page.content()).not.toContain(apiKey);

    // The same name again is refused in plain words.
    await page.keyboard.type('ward12app');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('open311-name-error').textContent(), WAIT).toBe('An app key named ward12app already exists (a revoked key keeps its name): choose another name.');
    await name.press('Escape');

    // The app reports a burst pipe with its key and gets a Care Connect reference.
    const posted = await postReport(bed.server.url, apiKey);
    expect(posted.status).toBe(200);
    const created = (await posted.json()) as { service_request_id: string }[];
    expect(created[0]?.service_request_id).toMatch(/^CC-\d{6}-\d{4}-\d$/);

    // Revoke asks first; Esc keeps the key.
    await page.getByTestId('open311-revoke-ward12app').click();
    const confirm = page.getByTestId('open311-revoke-confirm-ward12app');
    await confirm.waitFor(WAIT);
    expect(await confirm.textContent()).toBe('Revoke ward12app now?');
    await expect.poll(() => focusedTestId(page), WAIT).toBe('open311-revoke-confirm-ward12app');
    await shot(page, 'open311-keys-03-revoke-asks');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count(), WAIT).toBe(0);
    expect(await page.getByTestId('open311-key-ward12app').getAttribute('data-revoked')).toBe('false');

    await page.getByTestId('open311-revoke-ward12app').click();
    await confirm.click();
    await expect.poll(() => page.getByTestId('open311-key-ward12app').getAttribute('data-revoked'), WAIT).toBe('true');
    expect(await page.getByTestId('open311-key-state-ward12app').textContent()).toMatch(/^Revoked \d{1,2} \w{3} \d{4}, \d{2}:\d{2} by admin$/);
    expect(await page.getByTestId('open311-notice').textContent()).toBe("The key of ward12app is revoked: the app's requests are refused from now on.");
    expect(await page.getByTestId('open311-revoke-ward12app').count()).toBe(0);
    await shot(page, 'open311-keys-04-revoked');

    // The same report with the revoked key is refused.
    const refused = await postReport(bed.server.url, apiKey);
    expect(refused.status).toBe(403);

    // Read again from the server: the key is listed as revoked, and the key itself is nowhere on the page.
    await page.reload();
    await page.getByTestId('open311-key-ward12app').and(page.locator('[data-revoked="true"]')).waitFor(WAIT);
    expect(await page.content()).not.toContain(apiKey);

    await context.close();
    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 120_000);
});
