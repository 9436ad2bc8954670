import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { CHROMIUM_PATH, commandId, createMedicalIncident, httpCommand, openConsole, shot, useBoardTestbed } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the lifecycle e2e test: no Chromium at ${CHROMIUM_PATH}.`);

describe.skipIf(!hasChromium)('[LC1]–[LC8] the incident lifecycle on the dispatcher’s board', () => {
  const bed = useBoardTestbed('dispatcher', 'combined');

  async function createIncident(notes: string): Promise<Incident> {
    const incident = await createMedicalIncident(bed.page, notes);
    await bed.page.getByTestId(`queue-row-${incident.reference}`).waitFor({ timeout: 15_000 });
    return incident;
  }

  it('[LC4][LC7][LC1] assign, release the unit, see "Awaiting close" with no assignment offered, close with a disposition: it leaves the queue', async () => {
    const incident = await createIncident('man fell, conscious');
    const row = bed.page.getByTestId(`queue-row-${incident.reference}`);
    await row.click();
    const panel = bed.page.getByTestId('recommend-panel');
    await expect.poll(() => panel.getAttribute('data-incident-id')).toBe(incident.id);
    const assignButton = bed.page.getByTestId('assign-button');
    await expect.poll(() => assignButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    await bed.page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('dispatched');
    await shot(bed.page, 'lifecycle-01-assigned');

    // [LC4] Release the committed unit from its line, with a reason.
    const releaseButton = panel.locator('[data-testid^="release-"]').first();
    await releaseButton.waitFor({ timeout: 15_000 });
    await releaseButton.click();
    await bed.page.getByTestId('release-reason').selectOption('not_needed');
    await bed.page.getByTestId('release-note').fill('patient walked to the clinic');
    await shot(bed.page, 'lifecycle-02-release-form');
    await bed.page.getByTestId('release-submit').click();

    // [LC7] Every unit has cleared: the queue and the panel say "Awaiting close" and offer no assignment.
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('awaiting_close');
    expect(await row.getByTestId('queue-row-status').textContent()).toBe('Awaiting close');
    await bed.page.getByTestId('awaiting-close').waitFor({ timeout: 15_000 });
    expect(await bed.page.getByTestId('assign-button').count()).toBe(0);
    expect(await bed.page.locator('[data-testid^="recommend-kind-"]').count()).toBe(0);
    await bed.page.getByTestId('action-more-units').waitFor();
    await shot(bed.page, 'lifecycle-03-awaiting-close');

    // [LC1] Close with the keyboard: C opens the disposition picker, Enter sends it.
    await bed.page.keyboard.press('c');
    await bed.page.getByTestId('close-form').waitFor();
    await bed.page.getByTestId('close-disposition').selectOption('treated_on_scene');
    await bed.page.getByTestId('close-note').fill('assessed, no transport needed');
    await shot(bed.page, 'lifecycle-04-close-form');
    await bed.page.getByTestId('close-submit').click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await shot(bed.page, 'lifecycle-05-closed');

    const found = await httpCommand(bed.page, 'incident:get', { reference: incident.reference });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.data).toMatchObject({ status: 'closed', disposition: 'treated_on_scene', closeNote: 'assessed, no transport needed', closedBy: 'dispatcher' });
  }, 120_000);

  it('[LC3] a closed incident found by reference is reopened and returns to the queue', async () => {
    const incident = await createIncident('reopen me');
    const closed = await httpCommand(bed.page, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'false_alarm' });
    if (!closed.ok) throw new Error(closed.error.message);
    await bed.page.getByTestId(`queue-row-${incident.reference}`).waitFor({ state: 'detached', timeout: 15_000 });
    await bed.page.getByTestId('reference-search').fill(incident.reference);
    await bed.page.getByTestId('reference-search').press('Enter');
    await bed.page.getByTestId('lookup-disposition').waitFor({ timeout: 15_000 });
    await bed.page.getByTestId('action-reopen').click();
    await bed.page.getByTestId('reopen-reason').fill('caller rang again, patient worse');
    await bed.page.getByTestId('reopen-reason').press('Enter');
    const row = bed.page.getByTestId(`queue-row-${incident.reference}`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-status')).toBe('pending');
    await shot(bed.page, 'lifecycle-06-reopened');
  }, 60_000);

  it('[LC6][LC2] type and priority change from the keyboard; a pending incident is cancelled with X', async () => {
    const incident = await createIncident('change my type');
    const row = bed.page.getByTestId(`queue-row-${incident.reference}`);
    await bed.page.keyboard.press('Escape');
    await row.click();
    await expect.poll(() => bed.page.getByTestId('recommend-panel').getAttribute('data-incident-id')).toBe(incident.id);
    await bed.page.keyboard.press('t');
    await bed.page.getByTestId('update-type-form').waitFor();
    await bed.page.getByTestId('update-type-type').selectOption('structure_fire');
    await bed.page.getByTestId('update-type-reason').fill('caller now reports smoke');
    await shot(bed.page, 'lifecycle-07-type-form');
    await bed.page.getByTestId('update-type-reason').press('Enter');
    await bed.page.getByTestId('recommend-kind-fire_engine').waitFor({ timeout: 15_000 });
    await expect.poll(() => row.getAttribute('class')).toContain('prio-echo');
    await shot(bed.page, 'lifecycle-08-reclassified');

    await bed.page.keyboard.press('x');
    await bed.page.getByTestId('cancel-reason').fill('caller rang back: it was a braai');
    await bed.page.getByTestId('cancel-reason').press('Enter');
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    expect(bed.errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 60_000);
  it('[LC2] a call-taker finds a pending incident by reference and cancels it: it leaves the dispatcher\'s queue', async () => {
    const incident = await createIncident('caller will ring back');
    const callTaking = await openConsole(bed.browser, bed.server.url, 'calltaker');
    try {
      await callTaking.page.getByTestId('reference-search').fill(incident.reference);
      await callTaking.page.getByTestId('reference-search').press('Enter');
      await callTaking.page.getByTestId('action-lookup-cancel').click({ timeout: 15_000 });
      await callTaking.page.getByTestId('lookup-cancel-reason').fill('caller rang back: patient up and walking');
      await shot(callTaking.page, 'lifecycle-09-call-taker-cancel');
      await callTaking.page.getByTestId('lookup-cancel-reason').press('Enter');
      await expect.poll(() => callTaking.page.getByTestId('lookup-status').textContent(), { timeout: 15_000 }).toMatch(/closed/i);
      await bed.page.getByTestId(`queue-row-${incident.reference}`).waitFor({ state: 'detached', timeout: 15_000 });
      expect(callTaking.errors).toEqual([]);
    } finally {
      await callTaking.page.close();
    }
  }, 90_000);
});
