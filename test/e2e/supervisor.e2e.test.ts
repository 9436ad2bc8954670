import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CoverageGroup } from '../../shared/coverage/coverageTargets.ts';
import type { Incident, IncidentCreatePayload } from '../../shared/incidents/incidentSchema.ts';
import type { IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
import { findPostgresBin } from '../../server/archive/findPostgres.ts';
import { addDays, reportRange } from '../../dispatch-console/src/supervisor/reportRange.ts';
import { calendarDay } from '../../shared/time/zonedTime.ts';
import type { TestServer } from '../support/testServer.ts';
import { CHROMIUM_PATH, collectErrors, commandId, httpCommand, openConsole, shot, signIn, signOnToVehicle, startBrowserTestbed, waitConnected } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the supervisor e2e test: no Chromium at ${CHROMIUM_PATH}.`);
const hasPostgres = findPostgresBin() !== null;
if (!hasPostgres) console.warn('Skipping the supervisor figures: no PostgreSQL server binaries for the archive.');

const WAIT = { timeout: 30_000 };
const MIN = 60;

/** Places in different regions of the metro. */
const BRAAMFONTEIN: [number, number] = [28.0346, -26.1929];
const SOWETO: [number, number] = [27.858, -26.2485];
const SANDTON: [number, number] = [28.0567, -26.1076];
const ALEXANDRA: [number, number] = [28.096, -26.103];

/**
 * The server's clock: real time less `lagMs`. The history is played from 80 minutes in the past with the minutes a
 * response really takes between its stamps (`advance`), so the archive holds real-looking intervals; the live part
 * is then played at real time. The clock never runs ahead of the browser's.
 */
const clock = { lagMs: 80 * MIN * 1000 };
const serverNow = (): number => Date.now() - clock.lagMs;
function advance(seconds: number): void {
  clock.lagMs = Math.max(0, clock.lagMs - seconds * 1000);
}

/**
 * [CV7] Waits until the figures' coverage map has drawn `group`: its legend reports the group and the coverage's time,
 * the map on `window.ecMap` is the figures' one (the board's stays mounted, hidden), wards of its coverage layer are
 * rendered with their band, and the map has gone idle after a repaint.
 */
async function coverageDrawn(page: Page, group: CoverageGroup): Promise<void> {
  const section = page.getByTestId('figures-coverage');
  await section.locator(`[data-testid="coverage-control"][data-group="${group}"]:not([data-computed-at=""])`).waitFor(WAIT);
  await section.locator('[data-testid="map"][data-loaded="true"]').waitFor(WAIT);
  await page.waitForFunction(
    () => {
      const map = window.ecMap;
      if (!map?.getContainer().closest('[data-testid="figures-coverage"]')) return false;
      return map.queryRenderedFeatures({ layers: ['ec-coverage-fill'] }).some((f) => typeof f.state['band'] === 'string');
    },
    undefined,
    WAIT,
  );
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = window.ecMap;
    if (!map) return resolve();
    map.once('idle', () => resolve());
    map.triggerRepaint();
  }));
}

describe.skipIf(!hasChromium)('[SF1]–[SF5] the supervisor’s figures and live operation', () => {
  let server: TestServer;
  let browser: Browser;
  let desk: Page;
  let supervisor: Page;
  const errors: string[] = [];
  const live = { waiting: [] as Incident[], overdueUnit: '', freshUnit: '', crewedUnit: '' };

  beforeAll(async () => {
    // A 10-minute acknowledgement deadline: the fresh assignment stays "not overdue" however slow the machine. No
    // AVL heartbeat runs here, so the parked fleet's fixes age with the test clock: they are not to read as stale.
    // The test server's own PostgreSQL archive, when the machine has PostgreSQL (the figures need it).
    const started = await startBrowserTestbed({ now: serverNow, settings: { ackDeadlineSeconds: 10 * MIN, stalePositionSeconds: 24 * 3600, coverageCheckMs: 500 }, withArchive: hasPostgres });
    server = started.server;
    browser = started.browser;
    desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    collectErrors(desk, errors);
    await signIn(desk, server.url, 'dispatcher', { desk: 'combined' });
    await waitConnected(desk).catch(async (error: unknown) => {
      await shot(desk, 'supervisor-00-desk-not-connected');
      throw error;
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function create(type: IncidentTypeId, location: [number, number], extra: Partial<IncidentCreatePayload> = {}): Promise<Incident> {
    const created = await httpCommand(desk, 'incident:create', { commandId: commandId(), type, location, callerName: 'Lindiwe Dube', callbackNumber: '082 555 0199', notes: '', ...extra });
    if (!created.ok) throw new Error(`incident:create: ${created.error.message}`);
    return created.data;
  }

  async function assign(incident: Incident, kind: UnitKind): Promise<string> {
    const rec = await httpCommand(desk, 'dispatch:recommend', { incidentId: incident.id });
    if (!rec.ok) throw new Error(`dispatch:recommend: ${rec.error.message}`);
    const unit = rec.data.byKind.find((k) => k.kind === kind)?.candidates[0];
    if (!unit) throw new Error(`no ${kind} recommended for ${incident.reference}`);
    const assigned = await httpCommand(desk, 'dispatch:assign', { commandId: commandId(), incidentId: incident.id, unitIds: [unit.unitId] });
    if (!assigned.ok) throw new Error(`dispatch:assign: ${assigned.error.message}`);
    return unit.unitId;
  }

  async function status(unitId: string, next: 'en_route' | 'on_scene' | 'available'): Promise<void> {
    const answer = await httpCommand(desk, 'unit:status', { commandId: commandId(), unitId, status: next });
    if (!answer.ok) throw new Error(`unit:status ${next}: ${answer.error.message}`);
  }

  /**
   * One whole response in the past: the call answered `answer` s before entry, the first unit dispatched
   * `processing` s after the call, en route after `turnout` s, on scene after `travel` s; then cleared and closed.
   */
  async function respond(type: IncidentTypeId, location: [number, number], kind: UnitKind, times: { answer: number; processing: number; turnout: number; travel: number }): Promise<void> {
    const incident = await create(type, location, { callStartedAt: serverNow() - times.answer * 1000 });
    advance(times.processing - times.answer);
    const unitId = await assign(incident, kind);
    advance(times.turnout);
    const acked = await httpCommand(desk, 'unit:acknowledge', { commandId: commandId(), unitId });
    if (!acked.ok) throw new Error(`unit:acknowledge: ${acked.error.message}`);
    await status(unitId, 'en_route');
    advance(times.travel);
    await status(unitId, 'on_scene');
    advance(8 * MIN);
    await status(unitId, 'available');
    const closed = await httpCommand(desk, 'incident:close', { commandId: commandId(), incidentId: incident.id, disposition: 'treated_on_scene' });
    if (!closed.ok) throw new Error(`incident:close: ${closed.error.message}`);
  }

  it('[SF5] plays a shift through real commands: responses in the past, then incidents waiting, assignments unacknowledged and crews signed on', async () => {
    // The archive's history: EMS meets its turnout and travel targets once and misses once; a fire engine turns out late.
    await respond('medical_emergency', BRAAMFONTEIN, 'als', { answer: 50, processing: 90, turnout: 45, travel: 6 * MIN });
    await respond('vehicle_fire', SANDTON, 'fire_engine', { answer: 30, processing: 55, turnout: 100, travel: 3 * MIN });
    await respond('medical_emergency', SOWETO, 'als', { answer: 20, processing: 40, turnout: 30, travel: 9 * MIN });
    await respond('theft', ALEXANDRA, 'metro_police', { answer: 25, processing: 70, turnout: 20, travel: 7 * MIN });
    // [RP4] A call start after the incident's entry (a console clock a few seconds fast, within what the server
    // accepts): flagged, left out of every figure.
    const skewed = await create('fall', BRAAMFONTEIN, { callStartedAt: serverNow() + 8_000 });
    const cancelled = await httpCommand(desk, 'incident:cancel', { commandId: commandId(), incidentId: skewed.id, reason: 'logged twice' });
    if (!cancelled.ok) throw new Error(`incident:cancel: ${cancelled.error.message}`);

    // The clock only moves forward: the history must have ended more than 12 minutes ago.
    expect(clock.lagMs).toBeGreaterThan(12 * MIN * 1000);
    // 12 minutes ago: an ambulance assigned whose crew never acknowledged (past the 10-minute deadline).
    clock.lagMs = 12 * MIN * 1000;
    const silent = await create('medical_emergency', SOWETO);
    live.overdueUnit = await assign(silent, 'als');

    // Now: two calls waiting for a unit, and a fire engine just assigned, its crew signed on but not acknowledging yet.
    clock.lagMs = 0;
    live.waiting.push(await create('cardiac_arrest', SANDTON));
    live.waiting.push(await create('theft', BRAAMFONTEIN));
    const fire = await create('vehicle_fire', ALEXANDRA);
    live.freshUnit = await assign(fire, 'fire_engine');

    const crew = await browser.newPage({ viewport: { width: 420, height: 800 } });
    collectErrors(crew, errors);
    await signIn(crew, server.url, 'crew');
    await signOnToVehicle(crew, live.freshUnit);
    await crew.close();
    const state = await httpCommand(desk, 'state:read', {});
    if (!state.ok) throw new Error(state.error.message);
    const police = state.data.units.find((u) => u.kind === 'metro_police' && u.status === 'available');
    if (!police) throw new Error('no police car available');
    live.crewedUnit = police.id;
    const crew2 = await browser.newPage({ viewport: { width: 420, height: 800 } });
    collectErrors(crew2, errors);
    await signIn(crew2, server.url, 'crew2');
    await signOnToVehicle(crew2, live.crewedUnit);
    await crew2.close();
  }, 240_000);

  it('[SF5] the Figures tab shows the backlog, who is waiting, who has not acknowledged and who crews what, live', async () => {
    const opened = await openConsole(browser, server.url, 'supervisor');
    supervisor = opened.page;
    errors.push(...opened.errors);
    await supervisor.setViewportSize({ width: 1920, height: 1080 });

    // The tab is reached from the keyboard like the others: Tab from Care Connect, Enter.
    await supervisor.getByTestId('view-care').focus();
    await supervisor.keyboard.press('Tab');
    expect(await supervisor.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe('view-figures');
    await supervisor.keyboard.press('Enter');
    await supervisor.getByTestId('figures-view').waitFor(WAIT);
    expect(await supervisor.getByTestId('view-figures').getAttribute('aria-selected')).toBe('true');

    // Backlog: the two waiting, the two with units on the way.
    await expect.poll(() => supervisor.getByTestId('backlog').getAttribute('data-total'), WAIT).toBe('4');
    const byStatus = supervisor.getByTestId('backlog-by-status');
    expect(await byStatus.locator('[data-status="pending"]').getAttribute('data-count')).toBe('2');
    expect(await byStatus.locator('[data-status="dispatched"]').getAttribute('data-count')).toBe('2');
    expect(await supervisor.getByTestId('backlog-echo').getAttribute('data-total')).toBe('1');

    // Waiting for a unit, oldest first, their waits running.
    const [first, second] = live.waiting;
    if (!first || !second) throw new Error('the waiting incidents were not created');
    await supervisor.getByTestId(`waiting-${first.reference}`).waitFor(WAIT);
    const order = await supervisor.getByTestId('waiting').locator('tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    expect(order).toEqual([`waiting-${first.reference}`, `waiting-${second.reference}`]);
    const age = supervisor.getByTestId(`waiting-${first.reference}`).getByTestId('waiting-age');
    const before = await age.textContent();
    await expect.poll(() => age.textContent(), WAIT).not.toBe(before);

    // Not acknowledged: the silent ambulance overdue (red), the fresh fire engine not yet, with its crew's name.
    const overdue = supervisor.getByTestId(`unack-${live.overdueUnit}`);
    await overdue.waitFor(WAIT);
    expect(await overdue.getAttribute('data-overdue')).toBe('true');
    const fresh = supervisor.getByTestId(`unack-${live.freshUnit}`);
    expect(await fresh.getAttribute('data-overdue')).toBe('false');
    expect(await fresh.textContent()).toContain('Bongani Zulu');
    expect(await supervisor.getByTestId('unacknowledged').getAttribute('data-overdue')).toBe('1');

    // The roster: every unit, who is signed on; filtered by agency.
    expect(await supervisor.getByTestId(`roster-${live.freshUnit}`).getByTestId('roster-crew').textContent()).toContain('Bongani Zulu');
    expect(await supervisor.getByTestId(`roster-${live.crewedUnit}`).getByTestId('roster-crew').textContent()).toContain('Naledi Mahlangu');
    const fleet = Number(await supervisor.getByTestId('roster').getAttribute('data-count'));
    expect(fleet).toBeGreaterThan(10);
    await shot(supervisor, 'supervisor-01-live-1920');

    await supervisor.getByTestId('roster-agency-metro_police').click();
    await expect.poll(async () => Number(await supervisor.getByTestId('roster').getAttribute('data-count')), WAIT).toBeLessThan(fleet);
    expect(new Set(await supervisor.locator('[data-testid^="roster-"][data-agency]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agency'))))).toEqual(new Set(['metro_police']));
    await supervisor.getByTestId('roster-crewed').check();
    await expect.poll(() => supervisor.getByTestId('roster').getAttribute('data-count'), WAIT).toBe('1');
    await supervisor.getByTestId(`roster-${live.crewedUnit}`).waitFor(WAIT);
    await shot(supervisor, 'supervisor-02-roster-police-crewed');
    await supervisor.getByTestId('roster-crewed').uncheck();
    await supervisor.getByTestId('roster-agency-all').click();

    // [CV7] Coverage now: the wards outside target per group, the map coloured, the wards listed with their nearest unit.
    const coverage = supervisor.getByTestId('figures-coverage');
    await coverage.scrollIntoViewIfNeeded();
    await coverageDrawn(supervisor, 'ambulance');
    const read = await httpCommand(supervisor, 'coverage:read', {});
    if (!read.ok) throw new Error(read.error.message);
    expect(await supervisor.getByTestId('figures-coverage-ambulance').getAttribute('data-outside')).toBe(String(read.data.outsideTarget.ambulance));
    expect(await supervisor.getByTestId('figures-coverage-engine').getAttribute('data-outside')).toBe(String(read.data.outsideTarget.engine));
    const ambulanceTile = (await supervisor.getByTestId('figures-coverage-ambulance').textContent()) ?? '';
    expect(ambulanceTile).toContain(`of ${read.data.wards.length} wards`);
    expect(ambulanceTile).toContain('outside 8 min');
    const outsideRows = coverage.getByTestId('coverage-wards-outside');
    expect(await outsideRows.getAttribute('data-count')).toBe(String(read.data.outsideTarget.ambulance));
    const worst = read.data.wards.filter((w) => !w.ambulance.isWithinTarget).sort((a, b) => (b.ambulance.travelSeconds ?? Infinity) - (a.ambulance.travelSeconds ?? Infinity) || a.ward - b.ward)[0];
    if (!worst) throw new Error('every ward has an ambulance within 8 minutes: nothing to list');
    const worstRow = outsideRows.locator('tbody tr').first();
    expect(await worstRow.getAttribute('data-testid')).toBe(`coverage-ward-${worst.ward}`);
    expect(await worstRow.textContent()).toContain(worst.ambulance.callSign ?? 'none available');
    await shot(supervisor, 'supervisor-02b-coverage-ambulance-1920');

    // The engine's count chooses the engine: the map and the list follow it; an engine going out of service is pushed.
    await supervisor.getByTestId('figures-coverage-engine').click();
    await coverageDrawn(supervisor, 'engine');
    expect(await outsideRows.getAttribute('data-count')).toBe(String(read.data.outsideTarget.engine));
    const engineId = read.data.wards.find((w) => w.engine.isWithinTarget)?.engine.unitId;
    if (!engineId) throw new Error('no ward has an engine within 4 minutes');
    const computedAt = await coverage.getAttribute('data-computed-at');
    const out = await httpCommand(desk, 'unit:status', { commandId: commandId(), unitId: engineId, status: 'out_of_service' });
    if (!out.ok) throw new Error(out.error.message);
    await expect.poll(() => coverage.getAttribute('data-computed-at'), WAIT).not.toBe(computedAt);
    const without = await httpCommand(supervisor, 'coverage:read', {});
    if (!without.ok) throw new Error(without.error.message);
    expect(without.data.wards.some((w) => w.engine.unitId === engineId)).toBe(false);
    await expect.poll(() => supervisor.getByTestId('figures-coverage-engine').getAttribute('data-outside'), WAIT).toBe(String(without.data.outsideTarget.engine));
    expect(without.data.outsideTarget.engine).toBeGreaterThanOrEqual(read.data.outsideTarget.engine);
    await coverageDrawn(supervisor, 'engine');
    await shot(supervisor, 'supervisor-02c-coverage-engine-1920');
    const back = await httpCommand(desk, 'unit:status', { commandId: commandId(), unitId: engineId, status: 'available' });
    if (!back.ok) throw new Error(back.error.message);
    await supervisor.getByTestId('figures-coverage-ambulance').click();

    // An incident named there opens on the board, selected; the tab keeps its place on return.
    await supervisor.getByTestId(`waiting-${first.reference}`).getByRole('button', { name: first.reference }).click();
    await expect.poll(() => supervisor.getByTestId(`queue-row-${first.reference}`).getAttribute('aria-selected'), WAIT).toBe('true');
    expect(await supervisor.getByTestId('figures-view').isHidden()).toBe(true);
    await supervisor.getByTestId('view-figures').click();
    await supervisor.getByTestId(`waiting-${first.reference}`).waitFor(WAIT);
  }, 180_000);

  it.skipIf(!hasPostgres)('[SF1]–[SF4] response times from the archive: summary, charts, flagged rows, utilisation, CSV', async () => {
    // The archiver copies the journal into PostgreSQL on its own: wait until every response is in.
    await expect
      .poll(async () => {
        const read = await httpCommand(supervisor, 'report:intervals', { from: serverNow() - 2 * 3_600_000, to: Date.now() + 60_000 });
        return read.ok ? { lag: read.data.archiveLagEntries, responses: read.data.overall.find((f) => f.interval === 'travel')?.count ?? 0 } : read.error.code;
      }, { timeout: 60_000, interval: 500 })
      .toEqual({ lag: 0, responses: 4 });

    // The last 7 days: a range that holds the history even just after midnight.
    await supervisor.getByTestId('range-last7').click();
    const archive = supervisor.getByTestId('figures-archive');
    await expect.poll(() => supervisor.getByTestId('figures-range').textContent(), WAIT).toMatch(/ – /);
    await expect.poll(() => archive.getAttribute('data-loading'), WAIT).toBe('false');
    expect(await supervisor.getByTestId('interval-row-travel').locator('td.num').first().textContent()).toBe('4');
    await supervisor.locator('[data-testid="chart-agency"] svg.recharts-surface').waitFor(WAIT);
    await supervisor.locator('[data-testid="chart-hour"] svg.recharts-surface').waitFor(WAIT);
    expect(await supervisor.getByTestId('figures-range').textContent()).toMatch(/^\d{1,2} \w{3}( \d{4})? – \d{1,2} \w{3} \d{4}$/);
    // [SF1b] The date fields show the range the figures are for: today and the 6 days before, the heading's days.
    const fromField = supervisor.getByTestId('range-from');
    const toField = supervisor.getByTestId('range-to');
    const shownDays = async () => [await fromField.inputValue(), await toField.inputValue()];
    const today = calendarDay(Date.now(), 'Africa/Johannesburg');
    expect(await shownDays()).toEqual([addDays(today, -6), today]);
    const [fromDay = '', toDay = ''] = await shownDays();
    const asPicked = reportRange({ kind: 'days', fromDay, toDay }, Date.now(), 'Africa/Johannesburg');
    expect(asPicked.ok && asPicked.range.label).toBe(await supervisor.getByTestId('figures-range').textContent());

    // Processing (call → first dispatch) 90, 55, 40 and 70 s in the history, and the two live assignments made at
    // once, against 60 s for 90%: 4 of 6, 66.6% (rounded down), well short, in red.
    const processing = supervisor.getByTestId('interval-row-processing');
    expect(await processing.getAttribute('data-standing')).toBe('missed');
    expect(await processing.getByTestId('interval-compliance').textContent()).toBe('66.6%');
    expect(await processing.textContent()).toContain('4 of 6');
    // Turnout targets are each agency's: EMS 45 and 30 s within 60 s (met), Fire 100 s over 80 s (missed).
    expect(await supervisor.getByTestId('interval-row-turnout-ems').getAttribute('data-standing')).toBe('met');
    expect(await supervisor.getByTestId('interval-row-turnout-fire').getAttribute('data-standing')).toBe('missed');
    expect(await supervisor.getByTestId('interval-row-travel').locator('td.num').nth(2).textContent()).toMatch(/min/);

    // [SF3b] The charts tell a group with no rows from one whose rows all missed. The one theft (Bravo, Metro Police)
    // was dispatched after 70 s against 60 s: a real 0.0%. No Echo call was dispatched (the cardiac arrest waits) and
    // no Alpha or Omega call came in: no bar, "no data" at their place, never "0.0%".
    const agencyChart = supervisor.getByTestId('chart-agency');
    const priorityChart = supervisor.getByTestId('chart-priority');
    const value = (chart: typeof agencyChart, group: string) => chart.locator(`[data-testid="chart-value"][data-group="${group}"]`);
    const gap = (chart: typeof agencyChart, group: string) => chart.locator(`[data-testid="chart-gap"][data-group="${group}"]`);
    expect(await value(agencyChart, 'metro_police').textContent()).toBe('0.0%');
    expect(await value(priorityChart, 'bravo').textContent()).toBe('0.0%');
    for (const group of ['echo', 'alpha', 'omega']) {
      expect(await gap(priorityChart, group).getAttribute('data-gap')).toBe('no_data');
      expect(await gap(priorityChart, group).textContent()).toBe('nodata');
      expect(await value(priorityChart, group).count()).toBe(0);
    }
    // Every group on every axis has its figure or its note, never both.
    const groupsShown = async (chart: string) =>
      supervisor.getByTestId(chart).locator('[data-testid="chart-value"], [data-testid="chart-gap"]').evaluateAll((marks) => marks.map((m) => `${m.getAttribute('data-group') ?? ''}:${m.getAttribute('data-testid') ?? ''}`));
    const groupsOf = async (chart: string) => (await groupsShown(chart)).map((mark) => mark.split(':')[0]).sort();
    expect(await groupsOf('chart-agency')).toEqual(['ems', 'fire', 'metro_police']);
    expect(await groupsOf('chart-priority')).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo', 'omega']);
    expect(await groupsOf('chart-region')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);

    // [RP4] The skewed call is flagged and listed, its reference a link to the board.
    await expect.poll(() => supervisor.getByTestId('flag-count-negative_interval').locator('.flag-count').textContent(), WAIT).toBe('1');
    expect(await supervisor.getByTestId('flagged-row').count()).toBe(1);

    // Utilisation: the units that responded, the busiest first.
    await supervisor.getByTestId('busiest-unit').first().waitFor(WAIT);
    expect(await supervisor.getByTestId('busiest-unit').count()).toBeGreaterThanOrEqual(4);

    // The CSV links carry the same range, the offset kept, and answer CSV.
    const csvHref = (await supervisor.getByTestId('intervals-csv').getAttribute('href')) ?? '';
    expect(csvHref).toMatch(/^\/api\/reports\/intervals\.csv\?from=\d{4}-\d{2}-\d{2}T00%3A00%3A00%2B02%3A00&to=/);
    const csv = await supervisor.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
    }, csvHref);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    // The figures, the charts and, on the live side, the coverage map drawn.
    await supervisor.getByTestId('figures-coverage').scrollIntoViewIfNeeded();
    await coverageDrawn(supervisor, 'ambulance');
    await shot(supervisor, 'supervisor-03-figures-1920');

    // The charts by p90, and the lower half of the page.
    await supervisor.getByTestId('chart-metric-p90').click();
    await expect.poll(() => supervisor.getByTestId('chart-agency').getAttribute('data-metric'), WAIT).toBe('p90');
    await supervisor.getByTestId('chart-interval-travel').click();
    await expect.poll(() => supervisor.getByTestId('figure-charts').getAttribute('data-interval'), WAIT).toBe('travel');
    // [SF3b] By p90 too: Echo has no travel measured (no bar, "no data"); Metro Police's 7 min stands as a bar.
    expect(await gap(priorityChart, 'echo').getAttribute('data-gap')).toBe('no_data');
    expect(await value(priorityChart, 'echo').count()).toBe(0);
    expect(await value(agencyChart, 'metro_police').textContent()).toMatch(/^7 min/);
    expect(await gap(agencyChart, 'metro_police').count()).toBe(0);
    await supervisor.getByTestId('figure-charts').scrollIntoViewIfNeeded();
    await shot(supervisor, 'supervisor-04-charts-travel-p90');
    await supervisor.getByTestId('utilisation').scrollIntoViewIfNeeded();
    await shot(supervisor, 'supervisor-05-flagged-utilisation');

    // The flagged incident opens on the board (it is closed: found by its reference).
    const flaggedLink = supervisor.locator('[data-testid^="flagged-open-"]').first();
    const reference = ((await flaggedLink.textContent()) ?? '').trim();
    await flaggedLink.click();
    await supervisor.getByTestId('incident-lookup').waitFor(WAIT);
    expect(await supervisor.getByTestId('incident-lookup').textContent()).toContain(reference);
    await supervisor.getByTestId('view-figures').click();
    // [SF1b] Back on the tab the fields still show the range chosen, not a default.
    await fromField.waitFor(WAIT);
    expect(await shownDays()).toEqual([fromDay, toDay]);

    // A laptop screen: still readable.
    await supervisor.setViewportSize({ width: 1366, height: 768 });
    await supervisor.getByTestId('chart-metric-compliance').click();
    await supervisor.getByTestId('chart-interval-processing').click();
    await supervisor.getByTestId('figures-archive').evaluate((el) => el.scrollTo(0, 0));
    await supervisor.locator('[data-testid="chart-agency"] svg.recharts-surface').waitFor(WAIT);
    // Back from the board the coverage map is a new one: drawn again before the picture.
    await supervisor.getByTestId('figures-coverage').scrollIntoViewIfNeeded();
    await coverageDrawn(supervisor, 'ambulance');
    await shot(supervisor, 'supervisor-06-figures-1366');
    await supervisor.getByTestId('figure-charts').scrollIntoViewIfNeeded();
    await shot(supervisor, 'supervisor-06b-charts-1366');
  }, 180_000);

  it('[SF5] at 1366×768 the live side stays readable, and no page logged an error', async () => {
    await supervisor.setViewportSize({ width: 1366, height: 768 });
    await supervisor.getByTestId('backlog').waitFor(WAIT);
    await supervisor.getByTestId('figures-live').evaluate((el) => el.scrollTo(0, 0));
    await shot(supervisor, 'supervisor-07-live-1366');
    await supervisor.getByTestId('figures-coverage').scrollIntoViewIfNeeded();
    await coverageDrawn(supervisor, 'ambulance');
    await shot(supervisor, 'supervisor-08-coverage-1366');
    expect(errors).toEqual([]);
  }, 60_000);
});
