import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../support/testServer.ts';
import { CHROMIUM_PATH, focusedField, openConsole, shot, startBrowserTestbed } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the place search e2e test: no Chromium at ${CHROMIUM_PATH}.`);

type StoredEntry = { i: string; k: string; n: string; p: [number, number] };
const GAZETTEER = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/andorra/gazetteer.json', import.meta.url)), 'utf8')) as { entries: StoredEntry[] };

/** Where the Andorra pack's gazetteer puts an entry of `kind` named `name`. */
function positionOf(kind: string, name: string): [number, number] {
  const entry = GAZETTEER.entries.find((e) => e.k === kind && e.n === name);
  if (!entry) throw new Error(`no ${kind} "${name}" in fixtures/andorra/gazetteer.json`);
  return entry.p;
}

/** "42.50889, 1.52905": lat, lng as the console shows a set location. */
const latLng = ([lng, lat]: [number, number]): string => `${lat.toFixed(5)}, ${lng.toFixed(5)}`;

async function expectFocus(page: Page, field: string): Promise<void> {
  await expect.poll(() => focusedField(page), { timeout: 15_000 }).toBe(field);
}

/** The point the map draws for the call's location, or null while it draws none. */
function drawnPick(page: Page): Promise<[number, number] | null> {
  return page.evaluate(() => {
    const feature = window.ecMap?.queryRenderedFeatures({ layers: ['ec-pick'] })[0];
    const geometry = feature?.geometry;
    return geometry?.type === 'Point' ? ([geometry.coordinates[0], geometry.coordinates[1]] as [number, number]) : null;
  });
}

async function expectPickAt(page: Page, [lng, lat]: [number, number]): Promise<void> {
  await expect
    .poll(async () => {
      const p = await drawnPick(page);
      return p !== null && Math.abs(p[0] - lng) < 1e-4 && Math.abs(p[1] - lat) < 1e-4;
    }, { timeout: 15_000 })
    .toBe(true);
}

/** Empties the location box and types `text` into it. */
async function retypeLocation(page: Page, text: string): Promise<void> {
  await page.getByTestId('create-location').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

describe.skipIf(!hasChromium)('finding any place in Andorra (OSM gazetteer) end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let ct: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserTestbed({ cityDir: 'fixtures/andorra', keyTag: 'and' }));
    const opened = await openConsole(browser, server.url, 'calltaker');
    ct = opened.page;
    errors.push(...opened.errors);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[LO4][LO5][LO7] a call-taker picks a street, then an intersection typed "meritxell & prat", and the map shows the location', async () => {
    await ct.keyboard.press('n');
    await ct.getByTestId('call-timer').waitFor({ timeout: 15_000 });
    await expectFocus(ct, 'callback');
    await ct.keyboard.type('+376 812 345');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'caller');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'location');

    // A street: listed as a street with its locality, picked with Enter.
    await ct.keyboard.type('avinguda de tarragona');
    const firstMatch = ct.getByTestId('location-matches').locator('li').first();
    await expect.poll(() => firstMatch.textContent(), { timeout: 15_000 }).toContain('Avinguda de Tarragona');
    expect(await firstMatch.locator('.pick-kind').textContent()).toBe('Street');
    expect(await firstMatch.locator('.pick-detail').textContent()).toBe('CG-1 · Andorra la Vella');
    await shot(ct, 'place-01-street-matches');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'landmark');
    expect(await ct.getByTestId('create-location').inputValue()).toBe('Avinguda de Tarragona');
    const street = positionOf('street', 'Avinguda de Tarragona');
    await expect.poll(() => ct.getByTestId('location-set').textContent()).toContain(latLng(street));
    await expectPickAt(ct, street);

    // An intersection, typed the way a caller says it.
    await retypeLocation(ct, 'meritxell & prat');
    await expect.poll(() => firstMatch.textContent(), { timeout: 15_000 }).toContain('Avinguda Prat de la Creu & Avinguda Meritxell');
    expect(await firstMatch.locator('.pick-kind').textContent()).toBe('Corner');
    await shot(ct, 'place-02-intersection-matches');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'landmark');
    expect(await ct.getByTestId('create-location').inputValue()).toBe('Avinguda Prat de la Creu & Avinguda Meritxell');
    const corner = positionOf('intersection', 'Avinguda Prat de la Creu & Avinguda Meritxell');
    await expect.poll(() => ct.getByTestId('location-set').textContent()).toContain(latLng(corner));
    await expectPickAt(ct, corner);
    await shot(ct, 'place-03-intersection-set');

    // Coordinates read out in the wrong order: offered the other way round, taken with ↓ Enter.
    await retypeLocation(ct, '1.5291, 42.5089');
    const offer = ct.getByTestId('location-correction-position');
    await expect.poll(() => offer.textContent(), { timeout: 15_000 }).toBe('Did you mean 42.50890, 1.52910?');
    await shot(ct, 'place-04-did-you-mean');
    await ct.keyboard.press('ArrowDown');
    await ct.keyboard.press('Enter');
    await expectFocus(ct, 'landmark');
    expect(await ct.getByTestId('create-location').inputValue()).toBe('42.50890, 1.52910');
    await expectPickAt(ct, [1.5291, 42.5089]);
    expect(await ct.getByTestId('location-correction').count()).toBe(0);

    expect(errors).toEqual([]);
  }, 120_000);
});
