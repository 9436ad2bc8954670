import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarDay, wallTime, zoneAbbreviation } from '../../shared/time/zonedTime.ts';
import { formatClock } from '../../dispatch-console/src/incidents/incidentIntervals.ts';
import { CALL_TAKER, incidentInput } from '../support/builders.ts';
import { connectClient, send } from '../support/testClient.ts';
import { CHROMIUM_PATH, collectErrors, shot, signIn, useBrowserTestbed, waitConnected, waitForMap } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the city time zone e2e test: no Chromium at ${CHROMIUM_PATH}.`);

const ANDORRA = 'Europe/Andorra';
/** A browser set to a zone far from the city's: what the console shows must not follow it. */
const BROWSER_ZONE = 'Pacific/Auckland';
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('[OP2] an Andorra console shows Andorra\'s time, whatever zone the browser is in', () => {
  const bed = useBrowserTestbed({ cityDir: 'fixtures/andorra', keyTag: 'and' });

  it('[OP2] the clock, a found incident\'s times and the audit fields are on Andorra\'s clock, named by its zone', async () => {
    const created = await (async () => {
      const client = await connectClient(bed.server.url, CALL_TAKER);
      const answer = await send(client.socket, 'incident:create', incidentInput({ location: [1.5218, 42.5063] }));
      client.close();
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data;
    })();
    // [IC2] The reference carries Andorra's day.
    expect(created.reference.slice(3, 9)).toBe(calendarDay(created.createdAt, ANDORRA).slice(2).replaceAll('-', ''));

    const context = await bed.browser.newContext({ viewport: { width: 1600, height: 900 }, timezoneId: BROWSER_ZONE });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await signIn(page, bed.server.url, 'supervisor');
    await waitConnected(page);
    await waitForMap(page);
    // The browser really is elsewhere: its own clock reads another hour.
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);

    // The status bar's clock: Andorra's hour and minute (either side of a minute turning), and its zone's name.
    const clock = page.getByTestId('clock');
    await expect.poll(() => clock.getAttribute('title'), WAIT).toBe(ANDORRA);
    const before = wallTime(Date.now(), ANDORRA).slice(11, 16);
    const shown = (await clock.textContent()) ?? '';
    const after = wallTime(Date.now(), ANDORRA).slice(11, 16);
    expect([before, after]).toContain(shown.slice(0, 5));
    expect(shown).toContain(zoneAbbreviation(ANDORRA, Date.now()));

    // Today's first incident found by its number alone, its times on Andorra's clock.
    await page.keyboard.press('/');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    const found = page.getByTestId('lookup-incident');
    await found.waitFor(WAIT);
    expect(await found.getAttribute('data-reference')).toBe(created.reference);
    expect(await page.getByTestId('lookup-timers').textContent()).toContain(formatClock(created.createdAt, ANDORRA));
    await shot(page, 'timezone-01-andorra-lookup');
    await page.keyboard.press('Escape');

    // The audit search reads its fields on Andorra's clock and says so.
    await page.getByTestId('view-audit').click();
    const fromLabel = page.locator('label.field.time span').first();
    await fromLabel.waitFor(WAIT);
    expect(await fromLabel.textContent()).toBe(`From (${zoneAbbreviation(ANDORRA, Date.now())})`);
    await shot(page, 'timezone-02-andorra-audit');
    expect(errors).toEqual([]);
    await context.close();
  });
});
