import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { NOTE_MAX_LENGTH } from '../../shared/incidents/noteSchema.ts';
import { assignRecommended, BRAAMFONTEIN, CHROMIUM_PATH, collectErrors, createMedicalIncident, openConsole, shot, signIn, signOnToVehicle, useBrowserTestbed, waitConnected } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the narrative e2e test: no Chromium at ${CHROMIUM_PATH}.`);

const PHONE = { width: 390, height: 844 };

const DESK_NOTE = 'Gate code 4471. Dog in the yard, owner will hold it.';
const CREW_NOTE = 'On scene: patient conscious, BP 90/60.\nTransport to Charlotte Maxeke.';

/** The crew's phone: a phone-sized, touch page with the device's location allowed, signed on to `unitId`. */
async function openCrewPhone(browser: Browser, url: string, unitId: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, isMobile: true, geolocation: { longitude: BRAAMFONTEIN[0] + 0.01, latitude: BRAAMFONTEIN[1] + 0.01 } });
  await context.grantPermissions(['geolocation'], { origin: url });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await signIn(page, url, 'crew');
  await signOnToVehicle(page, unitId);
  await waitConnected(page);
  return { context, page, errors };
}

/** The texts of a narrative's lines of one kind, in the order shown. */
async function linesOf(page: Page, testId: string, kind: string): Promise<string[]> {
  return page.locator(`[data-testid="${testId}"][data-kind="${kind}"]`).allTextContents();
}

describe.skipIf(!hasChromium)('[NR1]–[NR5] the narrative of an incident: desks and the crew write, every desk on it reads', () => {
  const bed = useBrowserTestbed();
  const errors: string[] = [];

  it('[NR3][NR5] a note from the dispatcher reaches the crew; the crew notes from its phone; the board and the EMS desk see it live', async () => {
    const dispatcher = await openConsole(bed.browser, bed.server.url, 'dispatcher', 'combined');
    const emsDesk = await openConsole(bed.browser, bed.server.url, 'ems');
    const board = dispatcher.page;
    const ems = emsDesk.page;
    errors.push(...dispatcher.errors, ...emsDesk.errors);

    // An EMS incident with an ambulance committed to it, set up over HTTP from the board's own page.
    const incident = await createMedicalIncident(board);
    expect(incident.agencies).toEqual(['ems']);
    const unit = await assignRecommended(board, incident.id, 'als');

    // The dispatcher writes a note in the selected incident's narrative: the counter follows, Enter adds it.
    await board.getByTestId(`queue-row-${incident.reference}`).click();
    const boardPanel = board.getByTestId('narrative-panel');
    await expect.poll(() => boardPanel.getAttribute('data-incident-id'), { timeout: 15_000 }).toBe(incident.id);
    expect(await linesOf(board, 'narrative-entry', 'assigned')).toEqual([expect.stringContaining(`${unit.callSign} assigned`)]);
    const boardNote = boardPanel.getByTestId('note-text');
    await boardNote.fill(DESK_NOTE);
    expect(await boardPanel.getByTestId('note-counter').textContent()).toBe(`${DESK_NOTE.length} / 1,000`);
    await boardNote.press('Enter');
    await expect.poll(() => linesOf(board, 'narrative-entry', 'note'), { timeout: 15_000 }).toEqual([expect.stringContaining(DESK_NOTE)]);
    expect(await boardNote.inputValue()).toBe('');

    // The crew's phone: the desk's note is there; the crew writes one (a new line and all) and taps Add note.
    const crew = await openCrewPhone(bed.browser, bed.server.url, unit.unitId);
    const phone = crew.page;
    const card = phone.getByTestId('crew-notes-card');
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => linesOf(phone, 'crew-narrative-entry', 'note'), { timeout: 15_000 }).toEqual([expect.stringContaining(DESK_NOTE)]);
    const crewText = card.getByTestId('note-text');
    await crewText.scrollIntoViewIfNeeded();
    await crewText.fill(CREW_NOTE);
    expect(await card.getByTestId('note-counter').textContent()).toBe(`${CREW_NOTE.length} / 1,000`);
    // Too long is said at once, with the count, and nothing is sent.
    await crewText.fill('x'.repeat(NOTE_MAX_LENGTH + 5));
    await expect.poll(() => card.getByTestId('note-counter').getAttribute('data-state')).toBe('over');
    await card.getByTestId('note-add').tap();
    expect(await card.getByTestId('note-error').textContent()).toBe('The note is too long: 1,005 of 1,000 characters. Shorten it.');
    await crewText.fill(CREW_NOTE);
    await card.getByTestId('note-add').tap();
    // Newest first on the phone.
    await expect.poll(() => linesOf(phone, 'crew-narrative-entry', 'note'), { timeout: 15_000 }).toEqual([expect.stringContaining('Transport to Charlotte Maxeke'), expect.stringContaining(DESK_NOTE)]);
    expect(await crewText.inputValue()).toBe('');
    expect(await card.getByTestId('note-error').count()).toBe(0);
    await card.getByTestId('crew-narrative').scrollIntoViewIfNeeded();
    await shot(phone, 'narrative-01-crew-phone');

    // The board sees the crew's note live, with the vehicle it came from, newest at the bottom.
    await expect.poll(() => linesOf(board, 'narrative-entry', 'note'), { timeout: 15_000 }).toEqual([
      expect.stringContaining(DESK_NOTE),
      expect.stringMatching(new RegExp(`crew · ${unit.callSign}.*On scene: patient conscious`, 's')),
    ]);
    await boardPanel.getByTestId('note-box').scrollIntoViewIfNeeded();
    await shot(board, 'narrative-02-dispatcher');

    // The EMS desk, whose incident it is, reads the same narrative.
    await ems.getByTestId(`queue-row-${incident.reference}`).click();
    await expect.poll(() => ems.getByTestId('narrative-panel').getAttribute('data-incident-id'), { timeout: 15_000 }).toBe(incident.id);
    await expect.poll(() => linesOf(ems, 'narrative-entry', 'note'), { timeout: 15_000 }).toEqual([expect.stringContaining(DESK_NOTE), expect.stringContaining('Transport to Charlotte Maxeke')]);
    await ems.getByTestId('narrative-panel').getByTestId('note-box').scrollIntoViewIfNeeded();
    await shot(ems, 'narrative-03-ems-desk');

    // A call-taker finds the incident by its reference: its narrative is there to add what a caller rang back with.
    const callTaker = await openConsole(bed.browser, bed.server.url, 'calltaker');
    const ct = callTaker.page;
    await ct.getByTestId('reference-search').fill(incident.reference);
    await ct.getByTestId('reference-search').press('Enter');
    const ctPanel = ct.getByTestId('narrative-panel');
    await expect.poll(() => ctPanel.getAttribute('data-incident-id'), { timeout: 15_000 }).toBe(incident.id);
    await ctPanel.getByTestId('note-text').fill('Wife rang back: he takes warfarin.');
    await ctPanel.getByTestId('note-text').press('Control+Enter');
    await expect.poll(() => linesOf(ct, 'narrative-entry', 'note'), { timeout: 15_000 }).toHaveLength(3);
    await expect.poll(() => linesOf(phone, 'crew-narrative-entry', 'note'), { timeout: 15_000 }).toEqual([expect.stringContaining('warfarin'), expect.anything(), expect.anything()]);
    await expect.poll(() => linesOf(board, 'narrative-entry', 'note'), { timeout: 15_000 }).toHaveLength(3);
    await ctPanel.getByTestId('note-box').scrollIntoViewIfNeeded();
    await shot(ct, 'narrative-04-call-taker-lookup');

    errors.push(...crew.errors, ...callTaker.errors);
    await crew.context.close();
    expect(errors.filter((e) => !/GPU stall|WebGL/i.test(e))).toEqual([]);
  }, 180_000);
});
