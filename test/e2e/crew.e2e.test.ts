import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../support/testServer.ts';
import { patientNeeds } from '../../shared/hospitals/capabilities.ts';
import { CHROMIUM_PATH, collectErrors, commandId, httpCommand, openConsole, shot, signIn, signOnToVehicle, startBrowserTestbed, useBrowserTestbed, waitConnected } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the crew e2e test: no Chromium at ${CHROMIUM_PATH}.`);

const ANDORRA = 'fixtures/andorra';
/** Andorra la Vella, on the road network of the Andorra pack. */
const INCIDENT_AT = { lat: 42.5075, lng: 1.5218 };
const PHONE = { width: 390, height: 844 };

interface UnitFeature {
  position: [number, number];
  status: string;
}

/** A unit as the dispatcher's one map draws it (from its GeoJSON source). */
function unitOnMap(page: Page, unitId: string): Promise<UnitFeature | null> {
  return page.evaluate(async (id) => {
    const source = window.ecMap?.getSource('ec-units') as { getData?: () => Promise<unknown> } | undefined;
    const data = (await source?.getData?.()) as { features: { geometry: { coordinates: [number, number] }; properties: { id: string; status: string } }[] } | undefined;
    const feature = data?.features.find((f) => f.properties.id === id);
    return feature ? { position: feature.geometry.coordinates, status: feature.properties.status } : null;
  }, unitId);
}

/** How many route lines the map's route source holds. */
function routeLineCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const source = window.ecMap?.getSource('ec-routes') as { getData?: () => Promise<unknown> } | undefined;
    const data = (await source?.getData?.()) as { features: { geometry: { coordinates: unknown[] } }[] } | undefined;
    return data?.features.filter((f) => f.geometry.coordinates.length >= 2).length ?? 0;
  });
}

function metersBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/**
 * Opens the crew screen of `unitId` on a phone-sized page with the device's location allowed at `at`: the demo
 * crew member signs in, then signs on to the vehicle.
 */
async function openCrew(browser: Browser, url: string, unitId: string, at: [number, number]): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, isMobile: true, geolocation: { longitude: at[0], latitude: at[1] } });
  await context.grantPermissions(['geolocation'], { origin: url });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await signIn(page, url, 'crew');
  await signOnToVehicle(page, unitId);
  await waitConnected(page);
  return { context, page, errors };
}

/** Types a new call in the dispatcher's capture panel (coordinates typed) and answers the reference. */
async function createIncident(page: Page): Promise<string> {
  await page.getByTestId('new-call').click();
  await page.getByTestId('create-callback').fill('+376 812 345');
  await page.getByTestId('create-caller-name').fill('Marta Puig');
  await page.getByTestId('create-location').fill(`${INCIDENT_AT.lat}, ${INCIDENT_AT.lng}`);
  await page.getByTestId('location-set').waitFor();
  await page.getByTestId('create-type').fill('cardiac');
  await page.getByTestId('create-type').press('Enter');
  await expect.poll(() => page.getByTestId('create-type').inputValue()).toBe('Cardiac arrest / not breathing');
  await page.getByTestId('create-location-notes').fill('Avinguda Meritxell, outside the pharmacy, blue door');
  await page.getByTestId('create-notes').fill('Man about 60 collapsed; bystander started CPR');
  await page.getByTestId('create-submit').click();
  await page.getByTestId('reference-banner').waitFor({ timeout: 15_000 });
  const reference = (await page.getByTestId('reference-number').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^EC-\d{6}-\d{4,6}-\d$/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const alert = page.getByTestId('alert-ack');
  if (await alert.isVisible()) await alert.click();
  return reference;
}

describe.skipIf(!hasChromium)('crew screen end to end (Andorra, road network)', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserTestbed({ cityDir: ANDORRA }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[DS5][AK1][US1][UP1] dispatcher assigns by drive time with the route drawn; the crew acknowledges, drives and reports every status', async () => {
    const dispatcher = await openConsole(browser, server.url, 'dispatcher', 'combined');
    const board = dispatcher.page;
    errors.push(...dispatcher.errors);
    const reference = await createIncident(board);

    await board.getByTestId(`queue-row-${reference}`).click();
    await expect.poll(() => board.getByTestId('ranking').getAttribute('data-ranking'), { timeout: 15_000 }).toBe('road_network');
    expect(await board.getByTestId('no-road-network').count()).toBe(0);
    const assignButton = board.getByTestId('assign-button');
    await expect.poll(() => assignButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect((await board.getByTestId('candidate-eta').first().textContent()) ?? '').toMatch(/^drive \d+ (min|s)$/);
    await expect.poll(() => routeLineCount(board), { timeout: 15_000 }).toBeGreaterThan(0);
    const callSigns = /Assign (.+?)\s+\[Enter\]/.exec((await assignButton.textContent()) ?? '')?.[1]?.split(', ') ?? [];
    const callSign = callSigns.find((c) => c.startsWith('ALS')) ?? callSigns[0] ?? '';
    expect(callSign).not.toBe('');
    const unitId = callSign.toLowerCase();
    await board.evaluate(([lng, lat]) => window.ecMap?.jumpTo({ center: [lng, lat], zoom: 13 }), [INCIDENT_AT.lng, INCIDENT_AT.lat] as const);
    await board.waitForTimeout(600);
    await shot(board, 'crew-00-dispatcher-route');
    await assignButton.click();
    const committed = board.getByTestId(`committed-${unitId}`);
    await expect.poll(() => committed.getAttribute('data-status'), { timeout: 15_000 }).toBe('dispatched');
    expect(await committed.getAttribute('data-acknowledged')).toBe('false');

    // The crew's phone, at the unit's base.
    const base = (await unitOnMap(board, unitId))?.position;
    if (!base) throw new Error(`${unitId} is not on the map`);
    const crew = await openCrew(browser, server.url, unitId, base);
    const phone = crew.page;
    await phone.getByTestId('crew-job').waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId('crew-reference').textContent()).toBe(reference);
    expect(await phone.getByTestId('crew-type').textContent()).toBe('Cardiac arrest / not breathing');
    expect(await phone.getByTestId('crew-location-notes').textContent()).toContain('blue door');
    expect(await phone.getByTestId('crew-call-link').getAttribute('href')).toBe('tel:+376812345');
    expect(await phone.getByTestId('crew-instructions').textContent()).toMatch(/CPR/);
    const summary = phone.getByTestId('crew-route-summary');
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.getAttribute('data-method')).toBe('road_network');
    expect(await summary.getAttribute('data-destination-kind')).toBe('incident');
    expect((await phone.getByTestId('crew-eta').textContent()) ?? '').toMatch(/\d+ (min|s)/);
    await phone.locator('[data-testid="crew-map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => phone.getByTestId('crew-location').getAttribute('data-state'), { timeout: 15_000 }).toBe('shared');
    await phone.waitForTimeout(500);
    await shot(phone, 'crew-01-assignment');

    // Acknowledge: the board sees it.
    await phone.getByTestId('crew-acknowledge').click();
    await expect.poll(() => committed.getAttribute('data-acknowledged'), { timeout: 15_000 }).toBe('true');

    // En route, then drive towards the scene: the board's map follows the unit.
    await phone.getByTestId('crew-status-en_route').click();
    await expect.poll(() => committed.getAttribute('data-status'), { timeout: 15_000 }).toBe('en_route');
    const scene: [number, number] = [INCIDENT_AT.lng, INCIDENT_AT.lat];
    for (const f of [0.3, 0.6, 0.9]) {
      const at: [number, number] = [base[0] + (scene[0] - base[0]) * f, base[1] + (scene[1] - base[1]) * f];
      await crew.context.setGeolocation({ longitude: at[0], latitude: at[1] });
      await expect.poll(async () => {
        const drawn = await unitOnMap(board, unitId);
        return drawn ? metersBetween(drawn.position, at) : Infinity;
      }, { timeout: 20_000, interval: 250 }).toBeLessThan(5);
    }
    // The route is asked again as the vehicle moves (throttled to every 15 s): it gets shorter.
    const startDistance = (await phone.getByTestId('crew-distance').textContent()) ?? '';
    await expect.poll(() => phone.getByTestId('crew-distance').textContent(), { timeout: 25_000, interval: 500 }).not.toBe(startDistance);
    await phone.waitForTimeout(300);
    await shot(phone, 'crew-02-en-route');
    await board.waitForTimeout(400);
    await shot(board, 'crew-03-dispatcher-unit-moving');

    await phone.getByTestId('crew-status-on_scene').click();
    await expect.poll(() => committed.getAttribute('data-status'), { timeout: 15_000 }).toBe('on_scene');

    // Transporting: the nearest 24-hour emergency units first; the first is chosen.
    await phone.getByTestId('crew-status-transporting').click();
    const picker = phone.getByTestId('hospital-picker');
    await picker.waitFor();
    const firstHospital = picker.locator('button.crew-choice').first();
    await firstHospital.waitFor({ timeout: 15_000 });
    await shot(phone, 'crew-04-hospitals');
    await firstHospital.click();
    await expect.poll(() => committed.getAttribute('data-status'), { timeout: 15_000 }).toBe('transporting');
    await expect.poll(() => phone.getByTestId('crew-route-summary').getAttribute('data-destination-kind'), { timeout: 20_000 }).toBe('hospital');
    await phone.waitForTimeout(500);
    await shot(phone, 'crew-05-transporting');

    await phone.getByTestId('crew-status-at_hospital').click();
    await expect.poll(() => committed.getAttribute('data-status'), { timeout: 15_000 }).toBe('at_hospital');
    await phone.getByTestId('crew-status-available').click();
    await expect.poll(async () => (await unitOnMap(board, unitId))?.status, { timeout: 15_000 }).toBe('available');
    await phone.getByTestId('crew-idle').waitFor({ timeout: 15_000 });
    await expect.poll(() => phone.getByTestId('crew-status').getAttribute('data-status')).toBe('available');
    await shot(phone, 'crew-06-available');

    // The bright theme for sunlight.
    await phone.getByTestId('crew-theme').click();
    await shot(phone, 'crew-07-light-theme');
    await shot(board, 'crew-08-dispatcher-after');

    errors.push(...crew.errors);
    await crew.context.close();
    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 180_000);
});

describe.skipIf(!hasChromium)('acknowledgement deadline on the board', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startBrowserTestbed({ cityDir: ANDORRA, settings: { ackDeadlineSeconds: 2 } }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[AK2] an unacknowledged assignment raises the alarm, and R stands the silent unit down and assigns the next', async () => {
    const { page: board, errors } = await openConsole(browser, server.url, 'dispatcher', 'combined');
    // Set up over HTTP from the signed-in board page (its cookie), as another console of the same desk would.
    const created = await httpCommand(board, 'incident:create', {
      commandId: commandId(),
      type: 'cardiac_arrest',
      location: [INCIDENT_AT.lng, INCIDENT_AT.lat],
      callerName: 'Jordi',
      callbackNumber: '+376 800 111',
    });
    if (!created.ok) throw new Error(created.error.message);
    const incident = created.data;
    const rec = await httpCommand(board, 'dispatch:recommend', { incidentId: incident.id });
    if (!rec.ok) throw new Error(rec.error.message);
    const als = rec.data.byKind.find((k) => k.kind === 'als');
    const silent = als?.candidates[0];
    const next = als?.candidates[1];
    if (!silent || !next) throw new Error('the Andorra fleet should offer two ALS units');
    const assigned = await httpCommand(board, 'dispatch:assign', { commandId: commandId(), incidentId: incident.id, unitIds: [silent.unitId] });
    if (!assigned.ok) throw new Error(assigned.error.message);

    const alarm = board.getByTestId('ack-alarm');
    await alarm.waitFor({ timeout: 15_000 });
    expect(await alarm.getAttribute('data-unit-id')).toBe(silent.unitId);
    expect((await board.getByTestId('ack-alarm-text').textContent()) ?? '').toMatch(new RegExp(`^${silent.callSign} has not acknowledged ${incident.reference} \\(\\d+:\\d{2}\\)$`));
    expect(await board.getByTestId(`queue-row-${incident.reference}`).getAttribute('data-ack-overdue')).toBe('true');
    await expect.poll(() => board.getByTestId('ack-replace').textContent(), { timeout: 15_000 }).toContain(`assign ${next.callSign}`);
    const alertAck = board.getByTestId('alert-ack');
    if (await alertAck.isVisible()) await alertAck.click();
    await shot(board, 'crew-09-ack-alarm');

    await board.locator('body').click({ position: { x: 5, y: 880 } });
    await board.keyboard.press('r');
    const outcome = board.getByTestId('ack-replace-outcome');
    await expect.poll(() => outcome.getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    expect(await outcome.textContent()).toContain(`${silent.callSign} stood down · ${next.callSign} assigned to ${incident.reference}`);
    await board.getByTestId(`queue-row-${incident.reference}`).click();
    await board.getByTestId(`committed-${next.unitId}`).waitFor({ timeout: 15_000 });
    expect(await board.getByTestId(`committed-${silent.unitId}`).count()).toBe(0);
    await expect.poll(async () => (await unitOnMap(board, silent.unitId))?.status, { timeout: 15_000 }).toBe('available');
    await shot(board, 'crew-10-replaced');
    // The new unit has its own deadline: it is overdue in turn after 2 s, and the alarm names it.
    await expect.poll(() => alarm.getAttribute('data-unit-id'), { timeout: 15_000 }).toBe(next.unitId);
    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 120_000);
});

describe.skipIf(!hasChromium)('hospitals that can take the patient (Johannesburg, levels of care)', () => {
  const bed = useBrowserTestbed();
  /** Braamfontein, inside the metro; community health centres around it take no trauma. */
  const SCENE: [number, number] = [28.0346, -26.1929];

  it('[HO3] the crew of a trauma patient picks a trauma-capable hospital', async () => {
    const { page: board, errors } = await openConsole(bed.browser, bed.server.url, 'dispatcher', 'combined');
    const created = await httpCommand(board, 'incident:create', {
      commandId: commandId(),
      type: 'road_accident',
      location: SCENE,
      callerName: 'Bongani',
      callbackNumber: '082 555 0166',
      notes: 'car hit a pole, driver bleeding',
    });
    if (!created.ok) throw new Error(created.error.message);
    const incident = created.data;
    // [HO2] A crash patient needs trauma care.
    expect(patientNeeds(incident.type)).toContain('trauma');
    const rec = await httpCommand(board, 'dispatch:recommend', { incidentId: incident.id });
    if (!rec.ok) throw new Error(rec.error.message);
    const ambulance = rec.data.byKind.find((k) => k.kind === 'als' || k.kind === 'bls')?.candidates[0];
    if (!ambulance) throw new Error('an ambulance should be recommended for a crash');
    const assigned = await httpCommand(board, 'dispatch:assign', { commandId: commandId(), incidentId: incident.id, unitIds: [ambulance.unitId] });
    if (!assigned.ok) throw new Error(assigned.error.message);

    // The crew, at the scene, works the job up to Transporting.
    const crew = await openCrew(bed.browser, bed.server.url, ambulance.unitId, SCENE);
    const phone = crew.page;
    await phone.getByTestId('crew-job').waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId('crew-reference').textContent()).toBe(incident.reference);
    const status = phone.getByTestId('crew-status');
    await phone.getByTestId('crew-acknowledge').click();
    for (const next of ['en_route', 'on_scene'] as const) {
      await phone.getByTestId(`crew-status-${next}`).click();
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe(next);
    }
    await phone.getByTestId('crew-status-transporting').click();

    // [HO3] The picker lists the hospitals that take trauma first, each with what it can take; the rest say what they lack.
    const choices = phone.getByTestId('hospital-picker').locator('button.crew-choice');
    await choices.first().waitFor({ timeout: 15_000 });
    const listed = await choices.evaluateAll((buttons) =>
      buttons.map((b) => ({
        id: (b.getAttribute('data-testid') ?? '').replace(/^hospital-/, ''),
        name: b.querySelector('.choice-name')?.textContent ?? '',
        isSuitable: b.getAttribute('data-suitable') === 'true',
        capabilities: b.querySelector('.choice-capabilities')?.textContent ?? '',
        lacks: b.querySelector('.choice-lacks')?.textContent ?? null,
      })),
    );
    const firstUnsuitable = listed.findIndex((h) => !h.isSuitable);
    expect(firstUnsuitable).toBeGreaterThan(0);
    expect(listed.slice(firstUnsuitable).every((h) => !h.isSuitable)).toBe(true);
    for (const h of listed.slice(0, firstUnsuitable)) {
      expect(h.capabilities).toContain('Trauma');
      expect(h.lacks).toBeNull();
    }
    for (const h of listed.slice(firstUnsuitable)) {
      expect(h.capabilities).not.toContain('Trauma');
      expect(h.lacks).toBe('Cannot take: trauma');
    }
    // The same list, in the same order, as the server gives it.
    const options = await httpCommand(phone, 'route:hospitals', { unitId: ambulance.unitId });
    if (!options.ok) throw new Error(options.error.message);
    expect(listed.map((h) => h.id)).toEqual(options.data.map((o) => o.facilityId));
    const chosen = listed[0];
    if (!chosen) throw new Error('the picker should list hospitals');
    await shot(phone, 'crew-11-trauma-hospitals');

    await choices.first().click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('transporting');
    // [US4] The unit's destination is the hospital chosen: in the live state, and on the crew's screen.
    await expect
      .poll(async () => {
        const state = await httpCommand(board, 'state:read', {});
        return state.ok ? state.data.units.find((u) => u.id === ambulance.unitId)?.destinationId : null;
      }, { timeout: 15_000 })
      .toBe(chosen.id);
    await expect.poll(() => phone.getByTestId('crew-route-summary').getAttribute('data-destination-kind'), { timeout: 20_000 }).toBe('hospital');
    await expect.poll(() => phone.getByTestId('crew-destination').textContent(), { timeout: 15_000 }).toContain(chosen.name);
    await phone.locator('[data-testid="crew-map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
    await shot(phone, 'crew-12-transporting-trauma-hospital');

    errors.push(...crew.errors);
    await crew.context.close();
    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 180_000);
});
