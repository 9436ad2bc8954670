import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../../shared/geo/distance.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { CHROMIUM_PATH, commandId, httpCommand, shot, useBoardTestbed } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the divert e2e test: no Chromium at ${CHROMIUM_PATH}.`);

describe.skipIf(!hasChromium)('[DV1][DV3] a dispatcher diverts a unit to a new Echo', () => {
  const bed = useBoardTestbed('dispatcher', 'combined');

  async function injured(answers: Record<string, 'yes' | 'no'>, location: LngLat, notes: string): Promise<Incident> {
    const created = await httpCommand(bed.page, 'incident:create', {
      commandId: commandId(), type: 'injured_person', answers, location, locationNotes: '', callerName: 'Lerato Khumalo', callbackNumber: '082 555 0190', notes,
    });
    if (!created.ok) throw new Error(created.error.message);
    await bed.page.getByTestId(`queue-row-${created.data.reference}`).waitFor({ timeout: 15_000 });
    return created.data;
  }

  it('the Echo is offered the nearer unit on an Alpha job; D and Enter divert it; both incidents show the move', async () => {
    const state = await httpCommand(bed.page, 'state:read', {});
    if (!state.ok) throw new Error(state.error.message);
    const bls = state.data.units.filter((u) => u.kind === 'bls' && u.status === 'available');
    // A BLS with no other BLS base within 4 km: beside it, it is much nearer than any free one.
    const unit = bls.find((u) => bls.every((o) => o.id === u.id || distanceMeters(o.position, u.position) > 4_000));
    if (!unit) throw new Error('no isolated BLS unit in the fleet');

    const minor = await injured({ minor_only: 'yes' }, [unit.position[0] + 0.09, unit.position[1]], 'cut finger, bleeding stopped');
    const assigned = await httpCommand(bed.page, 'dispatch:assign', { commandId: commandId(), incidentId: minor.id, unitIds: [unit.id] });
    if (!assigned.ok) throw new Error(assigned.error.message);
    const urgent = await injured({ conscious: 'no' }, [unit.position[0] + 0.0004, unit.position[1] + 0.0003], 'man down, not responding');
    expect(urgent.priority).toBe('echo');

    await bed.page.getByTestId(`queue-row-${urgent.reference}`).click();
    const panel = bed.page.getByTestId('recommend-panel');
    await expect.poll(() => panel.getAttribute('data-incident-id')).toBe(urgent.id);
    const offer = bed.page.getByTestId(`divert-${unit.callSign}`);
    await offer.waitFor({ timeout: 20_000 });
    expect(await offer.textContent()).toContain(minor.reference);
    await shot(bed.page, 'divert-01-offer');

    await bed.page.keyboard.press('d');
    const reason = bed.page.getByTestId('divert-reason');
    await reason.waitFor({ timeout: 10_000 });
    expect(await reason.inputValue()).toContain(urgent.reference);
    await shot(bed.page, 'divert-02-form');
    await reason.press('Enter');

    // The Echo now has the unit; the Alpha is waiting for a unit again.
    await expect.poll(() => bed.page.getByTestId(`queue-row-${urgent.reference}`).getAttribute('data-status'), { timeout: 15_000 }).toBe('dispatched');
    await expect.poll(() => bed.page.getByTestId(`queue-row-${minor.reference}`).getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');
    await expect.poll(async () => (await panel.textContent()) ?? '', { timeout: 15_000 }).toContain(unit.callSign);
    await shot(bed.page, 'divert-03-echo-has-unit');

    await bed.page.getByTestId(`queue-row-${minor.reference}`).click();
    await expect.poll(() => panel.getAttribute('data-incident-id')).toBe(minor.id);
    await expect.poll(async () => (await panel.textContent()) ?? '', { timeout: 15_000 }).toMatch(new RegExp(`${unit.callSign}.*diverted to ${urgent.reference}`, 's'));
    await shot(bed.page, 'divert-04-alpha-lost-unit');
    expect(bed.errors).toEqual([]);
  }, 120_000);
});
