import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EidoDocumentSchema } from '../../shared/eido/eidoSchema.ts';
import { eidoSchemaErrors } from '../eido/eidoSchema.ts';
import { assignRecommended, CHROMIUM_PATH, createMedicalIncident, openConsole, shot, useBrowserTestbed } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the EIDO hand-off e2e test: no Chromium at ${CHROMIUM_PATH}.`);

/** Clicks the hand-off link and reads the file the browser saves: its name and its JSON. */
async function download(page: Page, scope: ReturnType<Page['getByTestId']>): Promise<{ name: string; body: unknown }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), scope.getByTestId('handoff-eido').click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: JSON.parse(readFileSync(path, 'utf8')) as unknown };
}

describe.skipIf(!hasChromium)('[EI5] "Hand off (EIDO)" downloads the incident as a valid NENA EIDO document', () => {
  const bed = useBrowserTestbed();

  it('[EI5] from the EMS desk’s selected incident, the supervisor’s board and a call-taker’s reference lookup', async () => {
    const desk = await openConsole(bed.browser, bed.server.url, 'ems');
    const board = desk.page;
    const incident = await createMedicalIncident(board);
    const unit = await assignRecommended(board, incident.id);

    // The desk selects the incident: its actions offer the hand-off; the file is the incident's EIDO.
    await board.getByTestId(`queue-row-${incident.reference}`).click();
    const actions = board.getByTestId('incident-actions');
    await actions.getByTestId('handoff-eido').waitFor({ timeout: 15_000 });
    await shot(board, 'eido-01-ems-desk-actions');
    const fromDesk = await download(board, actions);
    expect(fromDesk.name).toBe(`EIDO-${incident.reference}.json`);
    expect(eidoSchemaErrors(fromDesk.body)).toEqual([]);
    const document = EidoDocumentSchema.parse(fromDesk.body);
    expect(document.incidentComponent.internalIncidentId).toBe(incident.reference);
    expect(document.emergencyResourceComponent.map((r) => r.emergencyResourceName)).toEqual([unit.callSign]);

    // The supervisor's board offers it on the same incident.
    const supervisor = await openConsole(bed.browser, bed.server.url, 'supervisor');
    await supervisor.page.getByTestId(`queue-row-${incident.reference}`).click();
    const supervisorActions = supervisor.page.getByTestId('incident-actions');
    await supervisorActions.getByTestId('handoff-eido').waitFor({ timeout: 15_000 });
    await shot(supervisor.page, 'eido-02-supervisor-actions');
    expect(eidoSchemaErrors((await download(supervisor.page, supervisorActions)).body)).toEqual([]);

    // A call-taker finds it by its reference: the lookup offers it too.
    const callTaker = await openConsole(bed.browser, bed.server.url, 'calltaker');
    const ct = callTaker.page;
    await ct.getByTestId('reference-search').fill(incident.reference);
    await ct.getByTestId('reference-search').press('Enter');
    const lookup = ct.getByTestId('incident-lookup');
    await lookup.getByTestId('handoff-eido').waitFor({ timeout: 15_000 });
    await shot(ct, 'eido-03-call-taker-lookup');
    const fromLookup = await download(ct, lookup);
    expect(fromLookup.name).toBe(`EIDO-${incident.reference}.json`);
    expect(eidoSchemaErrors(fromLookup.body)).toEqual([]);

    expect([...desk.errors, ...supervisor.errors, ...callTaker.errors]).toEqual([]);
  }, 180_000);
});
