import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  CHROMIUM_PATH,
  collectErrors,
  commandId,
  httpCommand,
  openConsole,
  shot,
  signIn,
  signOnToVehicle,
  useBrowserTestbed,
  waitConnected,
} from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the sign-in e2e test: no Chromium at ${CHROMIUM_PATH}.`);

const PHONE = { width: 390, height: 844 };
/** Central Johannesburg (Marshalltown), inside the metro. */
const INCIDENT_AT: [number, number] = [28.0415, -26.2055];

function notGpu(errors: readonly string[]): string[] {
  return errors.filter((e) => !/GPU stall|WebGL/i.test(e));
}

/** The status of GET /api/session as the page's own cookie gets it. */
function sessionStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/session')).status);
}

/** How many elements with the test id are on the page (0 = that screen is not there). */
function countOf(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).count();
}

/** A phone-sized page with its own cookies, for a crew member. */
async function openPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

/** A desk-sized page without a map to wait for (the administrator's, or a sign-in that is about to be dropped). */
async function openPlain(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  return { page, errors: collectErrors(page) };
}

describe.skipIf(!hasChromium)('signing in: each role gets its own screens', () => {
  const bed = useBrowserTestbed();

  it('[AU4] the sign-in screen, and plain words for wrong credentials', async () => {
    const { page, errors } = await openPlain(bed.browser);
    await page.goto(bed.server.url);
    await page.getByTestId('sign-in').waitFor({ timeout: 20_000 });
    expect(await sessionStatus(page)).toBe(401);
    await shot(page, 'signin-00-form');
    await signIn(page, bed.server.url, 'ems', { password: 'not-the-password' });
    await expect.poll(() => page.getByTestId('sign-in-error').textContent(), { timeout: 15_000 }).toBe('Wrong username or password.');
    expect(await countOf(page, 'incident-queue')).toBe(0);
    await shot(page, 'signin-00-wrong-password');
    await page.close();
    expect(notGpu(errors)).toEqual([]);
  }, 60_000);

  it('[AU4][DK1] call taker, agency desks, desk choice and supervisor see only their own screens', async () => {
    const errors: string[] = [];

    const ct = await openConsole(bed.browser, bed.server.url, 'calltaker');
    errors.push(...ct.errors);
    await expect.poll(() => ct.page.getByTestId('desk').textContent()).toContain('Call taker');
    expect(await ct.page.getByTestId('desk').getAttribute('data-role')).toBe('call_taker');
    await ct.page.getByTestId('call-panel').waitFor();
    expect(await countOf(ct.page, 'incident-queue')).toBe(0);
    expect(await countOf(ct.page, 'view-audit')).toBe(0);
    expect(await countOf(ct.page, 'users-screen')).toBe(0);
    await shot(ct.page, 'signin-01-call-taker');
    await ct.page.close();

    const ems = await openConsole(bed.browser, bed.server.url, 'ems');
    errors.push(...ems.errors);
    await expect.poll(() => ems.page.getByTestId('desk').textContent()).toContain('EMS dispatch');
    expect(await ems.page.getByTestId('desk').getAttribute('data-agency')).toBe('ems');
    await ems.page.getByTestId('incident-queue').waitFor();
    expect(await countOf(ems.page, 'view-audit')).toBe(0);
    expect(await countOf(ems.page, 'users-screen')).toBe(0);
    await shot(ems.page, 'signin-02-ems-desk');
    await ems.page.close();

    // A dispatcher allowed at every desk is asked which one.
    const multi = await openPlain(bed.browser);
    errors.push(...multi.errors);
    await signIn(multi.page, bed.server.url, 'dispatcher');
    await multi.page.getByTestId('desk-choices').waitFor({ timeout: 15_000 });
    const desks = await multi.page.getByTestId('desk-choices').locator('button').allTextContents();
    expect(desks).toEqual(['EMS dispatch', 'Fire & Rescue dispatch', 'Metro Police dispatch', 'Combined dispatch']);
    await shot(multi.page, 'signin-03-desk-choice');
    await multi.page.getByTestId('desk-choice-combined').click();
    await waitConnected(multi.page);
    await expect.poll(() => multi.page.getByTestId('desk').textContent()).toContain('Combined dispatch');
    await multi.page.getByTestId('incident-queue').waitFor();
    await multi.page.close();

    const sup = await openConsole(bed.browser, bed.server.url, 'supervisor');
    errors.push(...sup.errors);
    const board = sup.page;
    await expect.poll(() => board.getByTestId('desk').textContent()).toContain('Supervisor');
    await board.getByTestId('incident-queue').waitFor();
    expect(await countOf(board, 'new-call')).toBe(0);
    expect(await countOf(board, 'users-screen')).toBe(0);
    // A command the supervisor may not send is refused, and the refusal is in the audit record.
    const refused = await httpCommand(board, 'dispatch:assign', { commandId: commandId(), incidentId: 'EC-260101-0001-1', unitIds: ['als-x01'] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
    await board.getByTestId('view-audit').click();
    const panel = board.getByTestId('audit-panel');
    await panel.waitFor();
    expect(await board.getByTestId('incident-queue').isVisible()).toBe(false);
    await board.locator('[data-testid="audit-row"][data-command="session:sign_in"]').first().waitFor({ timeout: 15_000 });
    await board.getByTestId('audit-username').fill('supervisor');
    await board.getByTestId('audit-refusals').check();
    await board.getByTestId('audit-search').click();
    // The refusals-only search has answered when the accepted rows of the first search are gone.
    await expect.poll(() => board.locator('[data-testid="audit-row"][data-outcome="ok"]').count(), { timeout: 15_000 }).toBe(0);
    const refusal = board.locator('[data-testid="audit-row"][data-command="dispatch:assign"]');
    await refusal.first().waitFor({ timeout: 15_000 });
    expect(await refusal.first().getAttribute('data-outcome')).toBe('forbidden');
    expect(await refusal.first().getAttribute('class')).toContain('refused');
    expect(await board.locator('[data-testid="audit-row"][data-outcome="ok"]').count()).toBe(0);
    const csvHref = (await board.getByTestId('audit-export-csv').getAttribute('href')) ?? '';
    expect(csvHref).toMatch(/^\/api\/audit\.csv\?username=supervisor&refusalsOnly=true/);
    expect(await board.getByTestId('audit-export-json').getAttribute('href')).toMatch(/^\/api\/audit\?username=supervisor&refusalsOnly=true/);
    const csv = await board.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, text: await response.text() };
    }, csvHref);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('dispatch:assign');
    await shot(board, 'signin-04-supervisor-audit');
    await board.getByTestId('view-board').click();
    await board.getByTestId('incident-queue').waitFor();
    expect(await panel.isVisible()).toBe(false);
    await board.close();

    expect(notGpu(errors)).toEqual([]);
  }, 240_000);

  it('[CR2][AU5] a crew signs on to a vehicle; the administrator sees it, without map or board', async () => {
    const supervisor = await openPlain(bed.browser);
    await signIn(supervisor.page, bed.server.url, 'supervisor');
    await waitConnected(supervisor.page);
    const state = await httpCommand(supervisor.page, 'state:read', {});
    if (!state.ok) throw new Error(state.error.message);
    const unit = state.data.units.find((u) => u.kind === 'als' && u.status === 'available');
    if (!unit) throw new Error('the Johannesburg fleet should have an available ALS unit');
    await supervisor.page.close();

    const crew = await openPhone(bed.browser);
    await signIn(crew.page, bed.server.url, 'crew');
    await crew.page.getByTestId('crew-sign-on-screen').waitFor({ timeout: 20_000 });
    await waitConnected(crew.page);
    expect(await countOf(crew.page, 'incident-queue')).toBe(0);
    expect(await countOf(crew.page, 'map')).toBe(0);
    await shot(crew.page, 'signin-05-crew-sign-on');
    await crew.page.getByTestId('crew-sign-on-unit').fill('ALS-ZZ99');
    await crew.page.getByTestId('crew-sign-on-unit').press('Enter');
    const error = crew.page.getByTestId('crew-sign-on-error');
    await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('unit_not_found');
    expect(await error.textContent()).toBe('There is no vehicle ALS-ZZ99 in the fleet. Check the call sign on the vehicle.');
    await shot(crew.page, 'signin-06-crew-unknown-unit');
    await signOnToVehicle(crew.page, unit.id);
    await waitConnected(crew.page);
    await crew.page.getByTestId('crew-idle').waitFor({ timeout: 20_000 });
    expect(await crew.page.getByTestId('crew-callsign').textContent()).toBe(unit.callSign);
    await expect.poll(() => crew.page.getByTestId('crew-members').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^On ${unit.callSign}: .+`));
    await crew.page.locator('[data-testid="crew-map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
    // Without a job there is no big ETA: the vehicle is at its base.
    await expect.poll(() => crew.page.getByTestId('crew-destination').textContent(), { timeout: 20_000 }).toMatch(/^At base/);
    expect(await crew.page.getByTestId('crew-eta').count()).toBe(0);
    await shot(crew.page, 'signin-07-crew-screen');

    const admin = await openPlain(bed.browser);
    await signIn(admin.page, bed.server.url, 'admin');
    await admin.page.getByTestId('users-screen').waitFor({ timeout: 20_000 });
    await waitConnected(admin.page);
    await admin.page.getByTestId('user-row-crew').waitFor({ timeout: 15_000 });
    expect(await admin.page.getByTestId('user-vehicle-crew').textContent()).toBe(unit.id.toUpperCase());
    expect(await countOf(admin.page, 'map')).toBe(0);
    expect(await countOf(admin.page, 'incident-queue')).toBe(0);
    expect(await countOf(admin.page, 'call-panel')).toBe(0);
    expect(await admin.page.getByTestId('desk').textContent()).toContain('Administrator');
    const usernames = await admin.page.getByTestId('users-table').locator('tbody tr td:first-child').allTextContents();
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'calltaker', 'crew', 'crew2', 'dispatcher', 'ems', 'fire', 'police', 'supervisor']));
    await shot(admin.page, 'signin-08-admin-users');
    await admin.page.close();

    expect(notGpu([...crew.errors, ...admin.errors])).toEqual([]);
    await crew.context.close();
  }, 180_000);

  it('[CR2] the board shows who crews a unit; the crew signs off the vehicle', async () => {
    const ems = await openConsole(bed.browser, bed.server.url, 'ems');
    const created = await httpCommand(ems.page, 'incident:create', {
      commandId: commandId(),
      type: 'cardiac_arrest',
      location: INCIDENT_AT,
      callerName: 'Lindiwe Zulu',
      callbackNumber: '082 555 0199',
    });
    if (!created.ok) throw new Error(created.error.message);
    const rec = await httpCommand(ems.page, 'dispatch:recommend', { incidentId: created.data.id });
    if (!rec.ok) throw new Error(rec.error.message);
    const first = rec.data.byKind.find((k) => k.kind === 'als')?.candidates[0];
    if (!first) throw new Error('an ALS unit should be recommended');

    const crew = await openPhone(bed.browser);
    await signIn(crew.page, bed.server.url, 'crew2');
    await crew.page.getByTestId('crew-sign-on-screen').waitFor({ timeout: 20_000 });
    await waitConnected(crew.page);
    await signOnToVehicle(crew.page, first.unitId);
    await waitConnected(crew.page);
    await expect.poll(() => crew.page.getByTestId('crew-members').textContent(), { timeout: 15_000 }).toMatch(/^On .+: .+/);
    const names = ((await crew.page.getByTestId('crew-members').textContent()) ?? '').replace(/^On [^:]+: /, '');

    const alert = ems.page.getByTestId('alert-ack');
    if (await alert.isVisible()) await alert.click();
    await ems.page.getByTestId(`queue-row-${created.data.reference}`).click();
    const crewOnBoard = ems.page.getByTestId(`candidate-crew-${first.callSign}`);
    await expect.poll(() => crewOnBoard.textContent(), { timeout: 15_000 }).toBe(` · ${names}`);
    await shot(ems.page, 'signin-09-board-crew-names');

    await crew.page.getByTestId('crew-sign-off').click();
    await shot(crew.page, 'signin-10-crew-sign-off-confirm');
    await crew.page.getByTestId('crew-sign-off-confirm').click();
    await crew.page.getByTestId('crew-sign-on-screen').waitFor({ timeout: 20_000 });
    await expect.poll(() => crewOnBoard.count(), { timeout: 15_000 }).toBe(0);
    await shot(crew.page, 'signin-11-crew-signed-off');

    expect(notGpu([...ems.errors, ...crew.errors])).toEqual([]);
    await crew.context.close();
    await ems.page.close();
  }, 180_000);

  it('[AU6] signing out returns to the sign-in screen, and the old cookie no longer works', async () => {
    const { page, errors } = await openConsole(bed.browser, bed.server.url, 'fire');
    expect(await sessionStatus(page)).toBe(200);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'cad_session');
    if (!cookie) throw new Error('no cad_session cookie after sign-in');
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor({ timeout: 15_000 });
    expect(await countOf(page, 'sign-in-notice')).toBe(0);
    expect(await sessionStatus(page)).toBe(401);
    // The cookie as it was before signing out, replayed from outside the browser: the session is revoked.
    const replayed = await fetch(`${bed.server.url}/api/session`, { headers: { cookie: `cad_session=${cookie.value}` } });
    expect(replayed.status).toBe(401);
    await shot(page, 'signin-12-signed-out');
    await page.close();
    expect(notGpu(errors)).toEqual([]);
  }, 120_000);

  it('[AU5][AU6] the administrator adds a user, and disabling or resetting them drops their console at once', async () => {
    const admin = await openPlain(bed.browser);
    await signIn(admin.page, bed.server.url, 'admin');
    await admin.page.getByTestId('users-table').waitFor({ timeout: 20_000 });
    const a = admin.page;

    // Add a dispatcher who may sit at two desks; a short password is refused in plain words first.
    await a.getByTestId('add-user-username').fill('nomsa');
    await a.getByTestId('add-user-name').fill('Nomsa Khumalo');
    await a.getByTestId('add-user-role').selectOption('dispatcher');
    await a.getByTestId('add-user-desk-ems').check();
    await a.getByTestId('add-user-desk-fire').check();
    await a.getByTestId('add-user-password').fill('short');
    await a.getByTestId('add-user-submit').click();
    await expect.poll(() => a.getByTestId('add-user-error').textContent()).toBe('Password: at least 10 characters.');
    await shot(a, 'signin-13-admin-add-user-error');
    await a.getByTestId('add-user-password').fill('first-shift-2026');
    await a.getByTestId('add-user-submit').click();
    await a.getByTestId('add-user-done').waitFor({ timeout: 15_000 });
    const row = a.getByTestId('user-row-nomsa');
    await row.waitFor();
    expect(await row.locator('td').nth(3).textContent()).toBe('EMS dispatch, Fire & Rescue dispatch');
    // The same username again is refused.
    await a.getByTestId('add-user-username').fill('nomsa');
    await a.getByTestId('add-user-name').fill('Someone Else');
    await a.getByTestId('add-user-password').fill('another-pass-2026');
    await a.getByTestId('add-user-submit').click();
    await expect.poll(() => a.getByTestId('add-user-error').textContent(), { timeout: 15_000 }).toBe('A user called nomsa already exists: choose another username.');

    // Nomsa signs in at the Fire desk.
    const nomsa = await openPlain(bed.browser);
    const n = nomsa.page;
    await signIn(n, bed.server.url, 'nomsa', { password: 'first-shift-2026', desk: 'fire' });
    await waitConnected(n);
    await expect.poll(() => n.getByTestId('desk').textContent()).toContain('Fire & Rescue dispatch · Nomsa Khumalo');

    // Disabled: her console is dropped to the sign-in screen with the reason, and she cannot sign in again.
    await a.getByTestId('user-disable-nomsa').click();
    await a.getByTestId('user-disable-confirm-nomsa').click();
    const notice = n.getByTestId('sign-in-notice');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('data-reason')).toBe('disabled');
    expect(await notice.textContent()).toBe('Your account was disabled by an administrator.');
    await expect.poll(() => row.getAttribute('data-disabled')).toBe('true');
    await shot(n, 'signin-14-disabled-notice');
    await shot(a, 'signin-15-admin-disabled');
    await n.getByTestId('sign-in-username').fill('nomsa');
    await n.getByTestId('sign-in-password').fill('first-shift-2026');
    await n.getByTestId('sign-in-password').press('Enter');
    await n.getByTestId('sign-in-error').waitFor({ timeout: 15_000 });
    expect(await countOf(n, 'desk-choices')).toBe(0);

    // Enabled again, she signs in; a password reset then drops her console too, and only the new password works.
    await a.getByTestId('user-enable-nomsa').click();
    await expect.poll(() => row.getAttribute('data-disabled'), { timeout: 15_000 }).toBe('false');
    await signIn(n, bed.server.url, 'nomsa', { password: 'first-shift-2026', desk: 'ems' });
    await waitConnected(n);
    await a.getByTestId('user-reset-nomsa').click();
    await a.getByTestId('user-password-nomsa').fill('second-shift-2026');
    await a.getByTestId('user-password-save-nomsa').click();
    await expect.poll(() => n.getByTestId('sign-in-notice').getAttribute('data-reason'), { timeout: 10_000 }).toBe('password_reset');
    await shot(n, 'signin-16-password-reset-notice');
    await signIn(n, bed.server.url, 'nomsa', { password: 'first-shift-2026' });
    await expect.poll(() => n.getByTestId('sign-in-error').textContent(), { timeout: 15_000 }).toBe('Wrong username or password.');
    expect(await countOf(n, 'desk-choices')).toBe(0);
    await signIn(n, bed.server.url, 'nomsa', { password: 'second-shift-2026', desk: 'ems' });
    await waitConnected(n);

    await n.close();
    await a.close();
    expect(notGpu([...admin.errors, ...nomsa.errors])).toEqual([]);
  }, 180_000);

  it('[UP3] the administrator adds the AVL gateway\'s account; signed in with it, a person is told what it is for, and sees no board', async () => {
    const admin = await openPlain(bed.browser);
    await signIn(admin.page, bed.server.url, 'admin');
    await admin.page.getByTestId('users-table').waitFor({ timeout: 20_000 });
    const a = admin.page;
    await a.getByTestId('add-user-username').fill('fleet-avl');
    await a.getByTestId('add-user-name').fill('Fleet tracking gateway');
    await a.getByTestId('add-user-role').selectOption('avl_gateway');
    await a.getByTestId('add-user-password').fill('gateway-secret-2026');
    await a.getByTestId('add-user-submit').click();
    await a.getByTestId('add-user-done').waitFor({ timeout: 15_000 });
    const row = a.getByTestId('user-row-fleet-avl');
    await row.waitFor();
    expect(await row.textContent()).toContain('AVL gateway');
    await shot(a, 'signin-20-admin-adds-avl-gateway');

    const gateway = await openPlain(bed.browser);
    await signIn(gateway.page, bed.server.url, 'fleet-avl', { password: 'gateway-secret-2026' });
    await gateway.page.getByTestId('gateway-account').waitFor({ timeout: 20_000 });
    await waitConnected(gateway.page);
    expect(await gateway.page.getByTestId('gateway-account').textContent()).toContain('units:positions');
    expect(await countOf(gateway.page, 'incident-queue')).toBe(0);
    expect(await countOf(gateway.page, 'call-panel')).toBe(0);
    expect(await countOf(gateway.page, 'users-screen')).toBe(0);
    await shot(gateway.page, 'signin-21-avl-gateway-account');
    await gateway.page.close();
    await a.close();
    expect(notGpu([...admin.errors, ...gateway.errors])).toEqual([]);
  }, 120_000);
});
