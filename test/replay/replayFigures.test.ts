import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayClock } from '../../server/clock/replayClock.ts';
import { readCallLog } from '../../server/replay/readCallLog.ts';
import type { ReplayResult } from '../../server/replay/runReplay.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { buildCallLog, callLogCsv, type LogRow } from './buildCallLog.ts';
import { replayAsDemo } from './replayAsDemo.ts';

/** Nearest rank: the value at position ⌈p·n⌉ of the sorted values (1-based). */
function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] ?? null;
}

/** The log's figures computed here, on its own, from the rows: what the replay's record must give back. */
function expectedFigures(rows: readonly LogRow[]): Record<'processing' | 'turnout' | 'travel', { count: number; p50: number | null; p90: number | null }> {
  const seconds = (from: number, to: number): number => Math.trunc((to - from) / 1000);
  const isFlagged = (r: LogRow): boolean => {
    const later = [r.onSceneAt, r.transportingAt, r.atHospitalAt].some((at) => at !== null);
    if (r.dispatchedAt === null && later) return true;
    if ((r.onSceneAt !== null && r.enRouteAt === null) || (r.transportingAt !== null && r.onSceneAt === null) || (r.atHospitalAt !== null && r.transportingAt === null)) return true;
    const present = [r.dispatchedAt, r.enRouteAt, r.onSceneAt, r.transportingAt, r.atHospitalAt].filter((at): at is number => at !== null);
    return present.some((at, i) => i > 0 && at < (present[i - 1] ?? 0));
  };
  const units = rows.filter((r) => r.unitId !== '');
  const clean = units.filter((r) => !isFlagged(r));
  const processing = [...new Set(rows.map((r) => r.callId))].flatMap((callId) => {
    const dispatched = units.filter((r) => r.callId === callId && r.dispatchedAt !== null).map((r) => r.dispatchedAt ?? 0);
    const received = rows.find((r) => r.callId === callId)?.receivedAt ?? 0;
    return dispatched.length ? [seconds(received, Math.min(...dispatched))] : [];
  });
  const turnout = clean.flatMap((r) => (r.dispatchedAt !== null && r.enRouteAt !== null ? [seconds(r.dispatchedAt, r.enRouteAt)] : []));
  const travel = clean.flatMap((r) => (r.enRouteAt !== null && r.onSceneAt !== null ? [seconds(r.enRouteAt, r.onSceneAt)] : []));
  const figures = (values: number[]) => ({ count: values.length, p50: nearestRank(values, 0.5), p90: nearestRank(values, 0.9) });
  return { processing: figures(processing), turnout: figures(turnout), travel: figures(travel) };
}

describe('[RL3]–[RL5] a call log replayed through the public API gives back the figures computed from it', () => {
  const rows = buildCallLog(320);
  const first = Math.min(...rows.map((r) => r.receivedAt));
  let t: TestServer;
  let result: ReplayResult;
  beforeAll(async () => {
    t = await startTestServer({ withArchive: true, replayClock: new ReplayClock(first - 60_000) });
    const log = readCallLog(callLogCsv(rows), { kinds: { ALS: 'als', BLS: 'bls', ENGINE: 'fire_engine' } });
    result = await replayAsDemo(t.url, log);
  }, 600_000);
  afterAll(async () => {
    await t.close();
  });

  it('[RL4] every row is read and every command accepted; the flagged rows are the only ones held back', () => {
    const { reconciliation } = result;
    expect(reconciliation.rowsRead).toBe(rows.length);
    expect(reconciliation.rowsRefused).toEqual([]);
    expect(reconciliation.callsCreated).toBe(new Set(rows.map((r) => r.callId)).size);
    expect({ refused: reconciliation.commands.refused, examples: reconciliation.refusalExamples }).toEqual({ refused: {}, examples: [] });
    expect(reconciliation.commands.accepted).toBe(reconciliation.commands.sent);
    expect(reconciliation.flagged.byFlag).toEqual({ missing_stamp: 6, out_of_order: 1, not_dispatched: 1 });
    expect(reconciliation.responses.nothingSent).toBe(1);
    expect(reconciliation.diverted + reconciliation.releasedAndReassigned).toBeGreaterThan(0);
    expect(reconciliation.unitsRegistered).toBe(new Set(rows.filter((r) => r.unitId !== '').map((r) => r.unitId)).size);
  });

  it('[RP2][RL3] processing, turnout and travel: counts, p50 and p90 equal the independent computation', () => {
    const expected = expectedFigures(rows);
    const report = result.report;
    expect(report).not.toBeNull();
    for (const interval of ['processing', 'turnout', 'travel'] as const) {
      const figure = report?.overall.find((candidate) => candidate.interval === interval);
      expect({ interval, count: figure?.count, p50: figure?.p50, p90: figure?.p90 }).toEqual({ interval, ...expected[interval] });
    }
    expect(report?.incidents).toBe(new Set(rows.map((r) => r.callId)).size);
  });
});
