import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, commandId, httpCommand, shot, useBoardTestbed } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the unit kinds e2e test: no Chromium at ${CHROMIUM_PATH}.`);

/** Marshalltown, among the inner city's high-rise blocks. */
const AT: [number, number] = [28.0425, -26.2051];

describe.skipIf(!hasChromium)('[US5] the new unit kinds on the Fire & Rescue desk', () => {
  const bed = useBoardTestbed('dispatcher', 'fire');

  it('[US5][DK1] a high-rise fire is offered an aerial ladder and a command vehicle, labelled, and the ladder is assigned', async () => {
    const created = await httpCommand(bed.page, 'incident:create', {
      commandId: commandId(),
      type: 'high_rise_fire',
      location: AT,
      locationNotes: 'block of flats, smoke from the 9th floor',
      callerName: 'Thandi Mokoena',
      callbackNumber: '082 555 0190',
      notes: 'people on the balconies above the fire',
    });
    if (!created.ok) throw new Error(created.error.message);
    const row = bed.page.getByTestId(`queue-row-${created.data.reference}`);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const panel = bed.page.getByTestId('recommend-panel');
    await expect.poll(() => panel.getAttribute('data-incident-id'), { timeout: 15_000 }).toBe(created.data.id);

    const ladder = bed.page.getByTestId('recommend-kind-aerial_ladder');
    const command = bed.page.getByTestId('recommend-kind-command');
    await ladder.waitFor({ timeout: 15_000 });
    await command.waitFor({ timeout: 15_000 });
    expect(await ladder.locator('.kind-head strong').textContent()).toBe('Aerial ladder');
    expect(await command.locator('.kind-head strong').textContent()).toBe('Command vehicle (officer)');
    await expect.poll(() => ladder.locator('.candidates').textContent(), { timeout: 15_000 }).toMatch(/LAD-F01/);
    await expect.poll(() => command.locator('.candidates').textContent(), { timeout: 15_000 }).toMatch(/CMD-[A-G]\d{2}/);
    // The EMS part of the plan belongs to the EMS desk.
    expect(await bed.page.locator('[data-testid="recommend-kind-als"], [data-testid="recommend-kind-bls"]').count()).toBe(0);
    await ladder.scrollIntoViewIfNeeded();
    await shot(bed.page, 'unit-kinds-01-high-rise-recommended');

    const assignButton = bed.page.getByTestId('assign-button');
    await expect.poll(() => assignButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    await bed.page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('dispatched');
    await bed.page.getByTestId('committed-lad-f01').waitFor({ timeout: 15_000 });
    await shot(bed.page, 'unit-kinds-02-ladder-assigned');
    expect(bed.errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 120_000);
});
