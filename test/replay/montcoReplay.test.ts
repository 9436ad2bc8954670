import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayClock } from '../../server/clock/replayClock.ts';
import { readCallLog, type CallLog } from '../../server/replay/readCallLog.ts';
import type { ReplayResult } from '../../server/replay/runReplay.ts';
import { startVehicleSimulator } from '../../server/simulation/vehicleSimulator.ts';
import { startAvlHeartbeat } from '../../server/units/avlHeartbeat.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { replayAsDemo } from './replayAsDemo.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CALLS = 100;

describe('[RL6][RL8] the Montgomery County week (calls only, no unit stamps) replays with the simulator answering for the crews', () => {
  let t: TestServer;
  let log: CallLog;
  let result: ReplayResult;
  let stop: () => void = () => undefined;
  beforeAll(async () => {
    const text = readFileSync(resolve(ROOT, 'fixtures/calls/montco/montco-week.calls.csv'), 'utf8');
    const types = JSON.parse(readFileSync(resolve(ROOT, 'fixtures/calls/montco/montco-type-map.json'), 'utf8')) as Record<string, string>;
    // The first calls of the week (the whole week runs with `npm run replay`; its figures are in docs/benchmarks.md).
    log = readCallLog(text.split('\n').slice(0, CALLS + 1).join('\n'), { types });
    const start = Math.min(...log.calls.map((call) => call.receivedAt)) - 60_000;
    t = await startTestServer({ withArchive: true, replayClock: new ReplayClock(start) });
    const stopAvl = startAvlHeartbeat(t.server.ctx, t.server.frames, 300_000);
    const stopSimulator = startVehicleSimulator(t.server.ctx, t.server.publisher);
    stop = () => {
      stopSimulator();
      stopAvl();
    };
    result = await replayAsDemo(t.url, log, { simulate: true, relocate: true });
  }, 900_000);
  afterAll(async () => {
    stop();
    await t.close();
  });

  it('[RL8] every call with a mapped title is created; unmapped titles are refused with the reason; no command is refused', () => {
    const r = result.reconciliation;
    expect(r.rowsRead).toBe(CALLS);
    expect(r.rowsRefused.length + r.calls).toBe(CALLS);
    for (const refused of r.rowsRefused) expect(refused.reason).toMatch(/is not an incident type of the type map/);
    expect(r.callsCreated).toBe(r.calls);
    expect(r.commands.refused).toEqual({});
  });

  it('[RL6] the simulated crews finish every job: each incident is closed, and the record measures every interval', () => {
    const r = result.reconciliation;
    expect(r.closed).toBe(r.callsCreated);
    const report = result.report;
    expect(report?.incidents).toBe(r.callsCreated);
    const figure = (name: string) => report?.overall.find((f) => f.interval === name);
    expect(figure('processing')?.count).toBe(r.callsCreated);
    expect(figure('total_response')?.count).toBe(r.callsCreated);
    expect(figure('turnout')?.count).toBe(report?.unitResponses);
    expect(figure('travel')?.count).toBe(report?.unitResponses);
    expect(report?.flagged.rows).toBe(0);
  });
});
