import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CoverageGroup } from '../../shared/coverage/coverageTargets.ts';
import { coverageCostOf } from '../../server/coverage/computeCoverage.ts';
import { CHROMIUM_PATH, commandId, httpCommand, openConsole, pagePointOf, shot, useBoardTestbed } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the coverage e2e test: no Chromium at ${CHROMIUM_PATH}.`);

/** The bands the map has drawn for these wards (feature state of the coverage fill), by ward number. */
function drawnBands(page: Page, wards: readonly number[]): Promise<Record<number, unknown>> {
  return page.evaluate((numbers) => {
    const map = window.ecMap;
    const out: Record<number, unknown> = {};
    if (!map?.getSource('ec-coverage')) return out;
    for (const ward of numbers) {
      const state: unknown = map.getFeatureState({ source: 'ec-coverage', id: ward });
      out[ward] = typeof state === 'object' && state !== null && 'band' in state ? state.band : undefined;
    }
    return out;
  }, [...wards]);
}

/**
 * Turns the coverage layer on for `group` and waits until it is drawn: the switch reports the group and the
 * coverage's time, wards of the layer are rendered with their band, and the map has gone idle after a repaint.
 */
async function showCoverage(page: Page, group: CoverageGroup): Promise<void> {
  await page.getByTestId(`coverage-${group}`).click();
  await page.locator(`[data-testid="coverage-control"][data-group="${group}"]:not([data-computed-at=""])`).waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => (window.ecMap?.queryRenderedFeatures({ layers: ['ec-coverage-fill'] }) ?? []).some((f) => typeof f.state['band'] === 'string'), undefined, { timeout: 20_000 });
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = window.ecMap;
    if (!map) return resolve();
    map.once('idle', () => resolve());
    map.triggerRepaint();
  }));
}

describe.skipIf(!hasChromium)('[CV4][CV5][CV6] coverage on the board map and beside each candidate', () => {
  const bed = useBoardTestbed('fire', undefined, { settings: { coverageCheckMs: 500 } });

  it('the fire desk sees which wards lose their 4-minute engine when it sends the station\'s engine, and the map follows it live', async () => {
    const { page } = bed;
    const ctx = bed.server.server.ctx;
    const state = await httpCommand(page, 'state:read', {});
    if (!state.ok) throw new Error(state.error.message);
    const { index } = await ctx.coverage.current();
    // The engine that alone keeps the most wards within 4 minutes.
    const engine = state.data.units
      .filter((u) => u.kind === 'fire_engine' && u.status === 'available')
      .map((unit) => ({ unit, cost: coverageCostOf(index, unit.id, 'engine') }))
      .sort((a, b) => b.cost.count - a.cost.count)[0];
    if (!engine || engine.cost.count === 0) throw new Error('no engine alone keeps a ward within target');
    const wards = engine.cost.wards.map((w) => w.ward);

    // A house fire at the engine's own station.
    const created = await httpCommand(page, 'incident:create', {
      commandId: commandId(), type: 'structure_fire', answers: {}, location: engine.unit.position, locationNotes: 'next to the fire station', callerName: 'Sizwe Dube', callbackNumber: '082 555 0171', notes: 'smoke from the roof',
    });
    if (!created.ok) throw new Error(created.error.message);
    await page.getByTestId(`queue-row-${created.data.reference}`).click();
    const note = page.getByTestId(`coverage-cost-${engine.unit.callSign}`);
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toBe(`leaves ${engine.cost.count} ward${engine.cost.count === 1 ? '' : 's'} > 4 min`);
    expect(await note.getAttribute('title')).toContain(engine.cost.wards.map((w) => w.name).join(', '));

    await showCoverage(page, 'engine');
    expect(Object.values(await drawnBands(page, wards))).toEqual(wards.map(() => 'within'));
    expect(await page.getByTestId('coverage-outside').textContent()).toMatch(/^\d+ of 135 wards outside target \(straight-line estimate\)$/);
    const at = await pagePointOf(page, engine.unit.position[0], engine.unit.position[1]);
    await page.mouse.move(at.x + 4, at.y + 4);
    await expect.poll(() => page.getByTestId('coverage-hover').textContent(), { timeout: 10_000 }).toMatch(/^Ward \d+: /);
    await shot(page, 'coverage-01-engine-layer-and-cost');

    // The engine goes out of service: its wards turn red or amber on the map without a reload.
    const before = await page.getByTestId('coverage-control').getAttribute('data-computed-at');
    const out = await httpCommand(page, 'unit:status', { commandId: commandId(), unitId: engine.unit.id, status: 'out_of_service' });
    if (!out.ok) throw new Error(out.error.message);
    await expect.poll(() => page.getByTestId('coverage-control').getAttribute('data-computed-at'), { timeout: 20_000 }).not.toBe(before);
    await expect.poll(async () => Object.values(await drawnBands(page, wards)).every((band) => band === 'near' || band === 'outside'), { timeout: 20_000 }).toBe(true);
    await showCoverage(page, 'engine');
    await shot(page, 'coverage-02-engine-out-of-service');
    expect(bed.errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 180_000);

  it('the supervisor\'s board shows ambulance coverage with its legend', async () => {
    const supervisor = await openConsole(bed.browser, bed.server.url, 'supervisor');
    try {
      await showCoverage(supervisor.page, 'ambulance');
      const legend = (await supervisor.page.getByTestId('coverage-legend').textContent()) ?? '';
      expect(legend).toContain('within 8 min');
      expect(legend).toContain('8–10 min');
      expect(legend).toContain('over 10 min or none');
      await shot(supervisor.page, 'coverage-03-supervisor-ambulance');
      await supervisor.page.getByTestId('coverage-off').click();
      await supervisor.page.locator('[data-testid="coverage-control"][data-group="off"]').waitFor({ timeout: 10_000 });
      expect(await supervisor.page.evaluate(() => window.ecMap?.getLayoutProperty('ec-coverage-fill', 'visibility'))).toBe('none');
      expect(supervisor.errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
    } finally {
      await supervisor.page.close();
    }
  }, 120_000);
});
