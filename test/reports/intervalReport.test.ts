import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { writeJournalBatch } from '../../server/archive/writeArchive.ts';
import { intervalReport } from '../../server/reports/intervalReport.ts';
import { IncidentSchema, type Assignment, type Incident } from '../../shared/incidents/incidentSchema.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { responseFlags, responseRecord } from '../../shared/reports/responseRecord.ts';
import type { UnitKind } from '../../shared/units/unitKinds.ts';
import type { UnitStatus } from '../../shared/units/unitStatus.ts';
import { startTestArchiveDatabase, type TestArchiveDatabase } from '../support/testPostgres.ts';

const T = Date.parse('2026-05-04T08:00:00+02:00');
const s = (seconds: number): number => T + seconds * 1000;
let sequence = 0;

/** A unit response with its stamps, in seconds after T (null: never reported). */
function response(kind: UnitKind, stamps: { dispatched: number | null; en_route?: number; on_scene?: number; transporting?: number; at_hospital?: number; available?: number }): Assignment {
  const steps: { status: UnitStatus; at: number; by: string }[] = [];
  for (const status of ['en_route', 'on_scene', 'transporting', 'at_hospital', 'available'] as const) {
    const at = stamps[status];
    if (at !== undefined) steps.push({ status, at: s(at), by: 'crew' });
  }
  sequence += 1;
  return {
    unitId: `${kind.replace('_', '-')}-${sequence}` as Assignment['unitId'],
    callSign: `U${sequence}`,
    kind,
    assignedAt: stamps.dispatched === null ? 0 : s(stamps.dispatched),
    assignedBy: 'dispatcher',
    acknowledgedAt: null,
    clearedAt: stamps.available === undefined ? null : s(stamps.available),
    steps,
  };
}

/** A hand-built incident as the archive would read it from the journal. */
function incident(id: string, assignments: Assignment[], overrides: Partial<Incident> = {}): Incident {
  const dispatched = assignments.map((a) => a.assignedAt).filter((at) => at > 0);
  return IncidentSchema.parse({
    id,
    reference: id,
    type: assignments.some((a) => a.kind === 'fire_engine') ? 'structure_fire' : 'medical_emergency',
    priority: 'delta',
    agencies: assignments.some((a) => a.kind === 'fire_engine') ? ['fire'] : ['ems'],
    plan: [],
    location: [28.04, -26.2],
    locationNotes: '',
    ward: 60,
    region: 'F',
    isInsideMetro: true,
    callerName: null,
    callbackNumber: null,
    notes: '',
    status: 'closed',
    callStartedAt: T,
    createdAt: T,
    createdBy: 'calltaker',
    firstDispatchAt: dispatched.length ? Math.min(...dispatched) : null,
    closedAt: s(7_200),
    assignments,
    ...overrides,
  });
}

async function archive(pool: pg.Pool, incidents: Incident[]): Promise<void> {
  const deltas: Delta[] = incidents.map((doc, i) => ({ version: 1_000 + i, at: doc.createdAt, fact: 'incident:closed', actor: { role: 'dispatcher', operatorId: 'test' }, incidents: [doc], units: [], calls: [], tickets: [] }));
  const client = await pool.connect();
  try {
    await writeJournalBatch(client, deltas);
  } finally {
    client.release();
  }
}

describe('[RP4] the data-quality flags of a response, on hand-built stamps', () => {
  it('[RP4] in order: no flag; a unit stood down before it moved: no flag', () => {
    expect(responseFlags({ dispatched: 1, en_route: 2, on_scene: 3, transporting: 4, at_hospital: 5 })).toEqual([]);
    expect(responseFlags({ dispatched: 1, en_route: null, on_scene: null, transporting: null, at_hospital: null })).toEqual([]);
    expect(responseFlags({ dispatched: 1, en_route: 2, on_scene: 3, transporting: null, at_hospital: null })).toEqual([]);
  });
  it('[RP4] missing_stamp: a later stamp with an earlier one absent', () => {
    expect(responseFlags({ dispatched: 1, en_route: null, on_scene: 3, transporting: null, at_hospital: null })).toEqual(['missing_stamp']);
    expect(responseFlags({ dispatched: 1, en_route: 2, on_scene: 3, transporting: null, at_hospital: 5 })).toEqual(['missing_stamp']);
  });
  it('[RP4] out_of_order: a stamp before the one it follows', () => {
    expect(responseFlags({ dispatched: 10, en_route: 5, on_scene: 20, transporting: null, at_hospital: null })).toEqual(['out_of_order']);
  });
  it('[RP4] not_dispatched: on scene with no dispatch', () => {
    expect(responseFlags({ dispatched: null, en_route: 2, on_scene: 3, transporting: null, at_hospital: null })).toEqual(['not_dispatched']);
  });
  it('[RP4] negative_interval: a call start after the incident was entered; flagged responses do not count as first arrival', () => {
    const record = responseRecord(incident('NEG-1', [response('als', { dispatched: 30, en_route: 60, on_scene: 300 })], { callStartedAt: s(120) }));
    expect(record.incident.flags).toEqual(['negative_interval']);
    const mixed = responseRecord(incident('MIX-1', [response('als', { dispatched: 30, en_route: 20, on_scene: 100 }), response('als', { dispatched: 40, en_route: 70, on_scene: 400 })]));
    expect(mixed.incident.firstOnSceneAt).toBe(s(400));
    expect(mixed.responses.map((r) => r.isFirstOfKind)).toEqual([false, true]);
  });
});

describe('[RP2][RP4] the intervals report over the archive', () => {
  let database: TestArchiveDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await startTestArchiveDatabase();
    pool = database.pool;
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('[RP2] nearest rank, worked example: processing of 3, 12, 27, 33, 45, 60, 90 s gives p50 33 s and p90 90 s; 6 of 7 within 60 s', async () => {
    const seconds = [12, 45, 3, 60, 33, 27, 90];
    await archive(pool, seconds.map((dispatch, i) => incident(`NR-${i}`, [response('als', { dispatched: dispatch, en_route: dispatch + 30, on_scene: dispatch + 300, available: dispatch + 900 })])));
    const report = await intervalReport(pool, { from: T, to: T + 3_600_000 }, 'Africa/Johannesburg', T, 0);
    const processing = report.overall.find((f) => f.interval === 'processing');
    // Linear interpolation would give p90 = 60 + 0.4 × (90 − 60) = 72 s; nearest rank takes the 7th of 7 (⌈0.9 × 7⌉ = 7).
    expect(processing).toMatchObject({ count: 7, p50: 33, p90: 90, targetRows: 7, withinTarget: 6 });
    expect(processing?.compliance).toBeCloseTo(6 / 7, 10);
    expect(report.byHour.map((group) => group.key)).toEqual([8]);
    expect(report.byRegion.map((group) => group.key)).toEqual(['F']);
    const emsTurnout = report.byAgency.find((group) => group.key === 'ems')?.figures.find((f) => f.interval === 'turnout');
    expect(emsTurnout).toMatchObject({ count: 7, p50: 30, p90: 30, withinTarget: 7, target: { seconds: 60 } });
  });

  it('[RP4] flagged rows are left out of the figures, counted by flag and listed', async () => {
    const from = T + 86_400_000;
    const day = (seconds: number): number => 86_400 + seconds;
    await archive(pool, [
      incident('FL-CLEAN', [response('fire_engine', { dispatched: day(20), en_route: day(80), on_scene: day(200), available: day(1_000) })], { callStartedAt: s(day(0)), createdAt: s(day(0)) }),
      incident('FL-MISSING', [response('fire_engine', { dispatched: day(20), on_scene: day(200), available: day(1_000) })], { callStartedAt: s(day(0)), createdAt: s(day(0)) }),
      incident('FL-ORDER', [response('fire_engine', { dispatched: day(20), en_route: day(10), on_scene: day(200), available: day(1_000) })], { callStartedAt: s(day(0)), createdAt: s(day(0)) }),
      incident('FL-UNSENT', [response('fire_engine', { dispatched: null, en_route: day(30), on_scene: day(200), available: day(1_000) })], { callStartedAt: s(day(0)), createdAt: s(day(0)) }),
      incident('FL-NEGATIVE', [response('fire_engine', { dispatched: day(20), en_route: day(70), on_scene: day(300), available: day(1_000) })], { callStartedAt: s(day(90)), createdAt: s(day(0)) }),
    ]);
    const report = await intervalReport(pool, { from, to: from + 3_600_000 }, 'Africa/Johannesburg', T, 0);
    expect(report.flagged.rows).toBe(4);
    expect(report.flagged.byFlag).toEqual({ missing_stamp: 1, out_of_order: 1, not_dispatched: 1, negative_interval: 1 });
    expect(report.flagged.list.map((row) => [row.incidentId, row.unitId === null ? 'incident' : 'unit', row.flags])).toEqual(
      expect.arrayContaining([
        ['FL-MISSING', 'unit', ['missing_stamp']],
        ['FL-ORDER', 'unit', ['out_of_order']],
        ['FL-UNSENT', 'unit', ['not_dispatched']],
        ['FL-NEGATIVE', 'incident', ['negative_interval']],
      ]),
    );
    const figure = (name: string) => report.overall.find((f) => f.interval === name);
    // Turnout and travel: the clean response and the negative incident's (its unit's stamps are in order).
    expect(figure('turnout')).toMatchObject({ count: 2, p50: 50, p90: 60 });
    expect(figure('travel')).toMatchObject({ count: 2, p50: 120, p90: 230 });
    // Processing: every incident but the negative one (a flagged unit's dispatch is still the incident's dispatch).
    expect(figure('processing')?.count).toBe(3);
    expect(report.incidents).toBe(5);
    expect(report.unitResponses).toBe(5);
  });
});
