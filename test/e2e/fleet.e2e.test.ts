import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Facility } from '../../shared/city/citySchema.ts';
import { CHROMIUM_PATH, collectErrors, commandId, httpCommand, openConsole, shot, signIn, useBrowserTestbed, waitConnected } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the fleet e2e test: no Chromium at ${CHROMIUM_PATH}.`);

const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('the administrator adds a vehicle to the fleet', () => {
  const bed = useBrowserTestbed();

  it('[FL1][FL2][FL3] admin adds an ambulance through the form; it is listed, and the EMS desk is offered it at once', async () => {
    const { fleet, facilities } = bed.server.server.ctx.city.data;
    // A health facility no demo unit stands at: the new ambulance is alone there, the nearest to a call at its door.
    const base = facilities.find((f): f is Facility => f.kind !== 'police_station' && !fleet.some((u) => u.baseId === f.id));
    if (!base) throw new Error('every health facility has a unit');
    const alsCount = fleet.filter((u) => u.kind === 'als').length;

    // The EMS desk is open before the vehicle exists.
    const desk = await openConsole(bed.browser, bed.server.url, 'ems');

    const context = await bed.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await signIn(page, bed.server.url, 'admin');
    await page.getByTestId('users-screen').waitFor(WAIT);
    await waitConnected(page);

    // The Fleet tab: every unit by kind, with counts.
    await page.getByTestId('admin-view-fleet').click();
    await page.getByTestId('fleet-table').waitFor(WAIT);
    expect(await page.getByTestId('users-screen').isHidden()).toBe(true);
    expect(Number(await page.getByTestId('fleet-count').getAttribute('data-count'))).toBe(fleet.length);
    expect(Number(await page.getByTestId('fleet-group-als').getAttribute('data-count'))).toBe(alsCount);
    expect(await page.getByTestId('fleet-kind-als').textContent()).toBe(`Ambulance (ALS) ${alsCount}`);

    // The id offered follows the kind: Johannesburg's police cars are jmpd-…, its ambulances als-….
    const kind = page.getByTestId('add-vehicle-kind');
    const unitId = page.getByTestId('add-vehicle-id');
    await kind.selectOption('metro_police');
    expect(await unitId.inputValue()).toBe('jmpd-01');
    expect(await page.getByTestId('add-vehicle-call-sign').inputValue()).toBe('JMPD-01');
    await kind.selectOption('als');
    expect(await unitId.inputValue()).toBe('als-01');

    // Without a base nothing is sent, and the form says what is missing.
    await unitId.fill('ALS-Z01');
    expect(await unitId.inputValue()).toBe('als-z01');
    expect(await page.getByTestId('add-vehicle-call-sign').inputValue()).toBe('ALS-Z01');
    await page.getByTestId('add-vehicle-submit').click();
    await expect.poll(() => page.getByTestId('add-vehicle-error').textContent(), WAIT).toBe('Base: choose the station or hospital the vehicle stands at from the list.');
    await shot(page, 'fleet-01-no-base');

    // The base, found by name: an ambulance's list starts with ambulance stations and hospitals.
    const basePicker = page.getByTestId('add-vehicle-base');
    await basePicker.click();
    const matches = page.getByTestId('add-vehicle-base-matches');
    await matches.waitFor(WAIT);
    expect(await matches.locator('li').first().locator('.pick-kind').textContent()).toMatch(/^(Amb stn|Hospital)$/);
    await shot(page, 'fleet-02-base-list');
    await basePicker.fill(base.name);
    await matches.locator(`[data-id="${base.id}"]`).click();
    await expect.poll(() => page.getByTestId('add-vehicle-base-chosen').getAttribute('data-id'), WAIT).toBe(base.id);
    expect(await basePicker.inputValue()).toBe(base.name);
    await shot(page, 'fleet-03-form-filled');

    await page.getByTestId('add-vehicle-submit').click();
    const done = page.getByTestId('fleet-added');
    await done.waitFor(WAIT);
    expect(await done.textContent()).toBe(`Added ALS-Z01, Ambulance (ALS), at ${base.name}: it is available now and every console shows it.`);
    const row = page.getByTestId('fleet-row-als-z01');
    await row.waitFor(WAIT);
    expect(await row.getAttribute('class')).toContain('added-unit');
    expect(await row.getAttribute('data-status')).toBe('available');
    expect(await page.getByTestId('fleet-base-als-z01').textContent()).toBe(base.name);
    expect(Number(await page.getByTestId('fleet-group-als').getAttribute('data-count'))).toBe(alsCount + 1);
    expect(Number(await page.getByTestId('fleet-kind-als').getAttribute('data-count'))).toBe(alsCount + 1);
    // The form is ready for the next of the kind.
    expect(await unitId.inputValue()).toBe('als-01');
    expect(await basePicker.inputValue()).toBe('');
    await shot(page, 'fleet-04-added');

    // The same id again is refused in plain words.
    await unitId.fill('als-z01');
    await basePicker.click();
    await basePicker.fill(base.name);
    await matches.locator(`[data-id="${base.id}"]`).click();
    await page.getByTestId('add-vehicle-submit').click();
    await expect.poll(() => page.getByTestId('add-vehicle-error').textContent(), WAIT).toBe('The fleet already has a unit als-z01. Choose another id.');
    expect(await done.count()).toBe(0);
    await shot(page, 'fleet-05-id-taken');

    // The EMS desk has it at once: a call at its base is offered the new ambulance first.
    const created = await httpCommand(desk.page, 'incident:create', { commandId: commandId(), type: 'medical_emergency', location: base.position, callerName: 'Lindiwe Dube', callbackNumber: '082 555 0177' });
    if (!created.ok) throw new Error(created.error.message);
    await desk.page.getByTestId(`queue-row-${created.data.reference}`).click(WAIT);
    await expect.poll(async () => (await desk.page.getByTestId('recommend-kind-als').locator('[data-testid^="candidate-ALS"]').first().getAttribute('data-testid')) ?? '', WAIT).toBe('candidate-ALS-Z01');
    await shot(desk.page, 'fleet-06-ems-desk-offered');

    await context.close();
    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
    expect(desk.errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 180_000);
});
