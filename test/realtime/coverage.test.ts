import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadServer, type CadServer } from '../../server/app/createCadServer.ts';
import type { Coverage } from '../../shared/coverage/coverageSchema.ts';
import { CoverageSchema } from '../../shared/coverage/coverageSchema.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import { coverageCostOf } from '../../server/coverage/computeCoverage.ts';
import { straightLineEstimate } from '../../shared/dispatch/rankCandidates.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import { codeOf, dataOf } from '../support/answers.ts';
import { CALL_TAKER, crewSession, incidentInput } from '../support/builders.ts';
import { commandId, connectClient, send, type TestClient } from '../support/testClient.ts';
import { sessionCookie } from '../support/testSession.ts';
import { dataOf as httpDataOf, sendHttp } from '../security/contractRequest.ts';
import { joburgCity, startTestServer, testServerOptions, type TestServer } from '../support/testServer.ts';
import { startTestRedis } from '../support/testRedis.ts';

/** Coverage pushes a console receives, in arrival order. */
function collectCoverage(client: TestClient): Coverage[] {
  const received: Coverage[] = [];
  client.socket.on('coverage:updated', (coverage) => received.push(coverage));
  return received;
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} did not arrive`);
}

describe('[CV3][CV4][CV5] live coverage on the Johannesburg board', () => {
  let app: TestServer;
  let supervisor: TestClient;
  let fireDesk: TestClient;
  let callTaker: TestClient;
  let pushedToSupervisor: Coverage[];
  let pushedToFireDesk: Coverage[];
  let pushedToCallTaker: Coverage[];
  /** The structure fire at a station, and the station's engine that alone keeps some wards within target. */
  let fire: { incidentId: string; engine: Unit; wards: number[] } | null = null;

  beforeAll(async () => {
    app = await startTestServer({ settings: { coverageCheckMs: 150 } });
    supervisor = await connectClient(app.url, { role: 'supervisor', operatorId: 'cov-sup' });
    fireDesk = await connectClient(app.url, { role: 'dispatcher', operatorId: 'cov-fire', agency: 'fire' });
    callTaker = await connectClient(app.url, CALL_TAKER);
    pushedToSupervisor = collectCoverage(supervisor);
    pushedToFireDesk = collectCoverage(fireDesk);
    pushedToCallTaker = collectCoverage(callTaker);
  });
  afterAll(async () => {
    for (const client of [supervisor, fireDesk, callTaker]) client.close();
    await app.close();
  });

  /** Engines that alone keep some ward within target now, with those wards. */
  async function soleCoverEngines(): Promise<{ unit: Unit; wards: number[] }[]> {
    const { index } = await app.server.ctx.coverage.current();
    const engines = supervisor.snapshot.units.filter((unit) => unit.kind === 'fire_engine');
    return engines.map((unit) => ({ unit, wards: coverageCostOf(index, unit.id, 'engine').wards.map((w) => w.ward) })).filter((e) => e.wards.length > 0);
  }

  it('[CV3] coverage:read answers every ward with its nearest ambulance and engine, over the socket and GET /api/coverage', async () => {
    const coverage = dataOf(await send(supervisor.socket, 'coverage:read', {}));
    expect(CoverageSchema.parse(coverage).wards).toHaveLength(135);
    expect(coverage.method).toBe('straight_line');
    expect(coverage.targets).toEqual({ ambulance: 480, engine: 240 });
    const ward = coverage.wards.find((w) => w.ambulance.isWithinTarget);
    expect(ward?.ambulance.travelSeconds).toBeLessThanOrEqual(480);
    expect(ward?.name).toMatch(/^Ward \d+$/);
    expect(coverage.outsideTarget.engine).toBe(coverage.wards.filter((w) => !w.engine.isWithinTarget).length);

    const http = await sendHttp(app.url, 'coverage:read', {}, await sessionCookie(app.url, { role: 'supervisor', operatorId: 'cov-sup' }));
    expect(http.status).toBe(200);
    expect(httpDataOf<Coverage>(http.body).wards).toHaveLength(135);
    expect(codeOf(await send(fireDesk.socket, 'coverage:read', {}))).toBe('ok');
    expect(codeOf(await send(callTaker.socket, 'coverage:read', {}))).toBe('forbidden');
  });

  it('[CV5] the same coverage is given while no unit changes: computed once', async () => {
    const first = await app.server.ctx.coverage.current();
    expect(await app.server.ctx.coverage.current()).toBe(first);
    expect(first.computeMs).toBeLessThan(250);
  });

  it('[CV4] a structure fire at an engine\'s station: the engine is recommended with the wards it alone keeps within 4 minutes', async () => {
    const [sole] = await soleCoverEngines();
    if (!sole) throw new Error('no engine alone keeps a ward within target in the demo fleet');
    const incident = dataOf(await send(fireDesk.socket, 'incident:create', incidentInput({ type: 'structure_fire', location: sole.unit.position })));
    const recommendation = dataOf(await send(fireDesk.socket, 'dispatch:recommend', { incidentId: incident.id }));
    const engines = recommendation.byKind.find((kind) => kind.kind === 'fire_engine');
    const top = engines?.candidates[0];
    expect(top?.unitId).toBe(sole.unit.id);
    fire = { incidentId: incident.id, engine: sole.unit, wards: sole.wards };
    expect(top?.coverageCost).toMatchObject({ group: 'engine', targetSeconds: 240, count: sole.wards.length });
    expect(top?.coverageCost?.wards.map((w) => w.ward)).toEqual(sole.wards);
    // Kinds coverage does not count carry no cost.
    const other = recommendation.byKind.find((kind) => kind.kind !== 'fire_engine' && kind.kind !== 'als' && kind.kind !== 'bls');
    for (const candidate of other?.candidates ?? []) expect(candidate.coverageCost).toBeUndefined();
  });

  it('[CV5] the engine sent to the fire is pushed to the supervisor and the desks, not to call-takers: its wards leave the target', async () => {
    if (!fire) throw new Error('the recommendation test did not run');
    const { incidentId, engine, wards } = fire;
    const before = pushedToSupervisor.length;
    dataOf(await send(fireDesk.socket, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: [engine.id] }));
    const isAfter = (coverage: Coverage): boolean => wards.every((n) => coverage.wards.find((w) => w.ward === n)?.engine.isWithinTarget === false);
    const pushed = await waitFor(() => pushedToSupervisor.slice(before).find(isAfter), 'the coverage without the engine');
    expect(pushed.wards.every((w) => w.engine.unitId !== engine.id)).toBe(true);
    await waitFor(() => pushedToFireDesk.find(isAfter), 'the fire desk\'s push');
    expect(pushedToCallTaker).toEqual([]);

    // Stood down: it is available again at its station, and its wards are within target again.
    const back = pushedToSupervisor.length;
    dataOf(await send(fireDesk.socket, 'dispatch:release', { commandId: commandId(), incidentId, unitId: engine.id, reason: 'not_needed' }));
    await waitFor(() => pushedToSupervisor.slice(back).find((c) => wards.every((n) => c.wards.find((w) => w.ward === n)?.engine.unitId === engine.id)), 'the coverage with the engine back');
  });

  it('[CV5] an available engine that moves away is pushed too', async () => {
    const [sole] = await soleCoverEngines();
    if (!sole) throw new Error('no engine alone keeps a ward within target');
    const crew = await connectClient(app.url, crewSession(sole.unit.id));
    try {
      const before = pushedToSupervisor.length;
      // 30 km south of the metro's southern tip: no ward is within 4 minutes of it there.
      const far: [number, number] = [27.9, -26.9];
      dataOf(await send(crew.socket, 'unit:position', { commandId: commandId(), unitId: sole.unit.id, position: far, fixAt: Date.now() }));
      const pushed = await waitFor(() => pushedToSupervisor.slice(before).find((c) => sole.wards.every((n) => c.wards.find((w) => w.ward === n)?.engine.isWithinTarget === false)), 'the coverage after the move');
      expect(pushed.wards.some((w) => w.engine.unitId === sole.unit.id && w.engine.isWithinTarget)).toBe(false);
    } finally {
      crew.close();
    }
  });

  it('[CV3][FL1] an engine added while running is counted under its call sign (the fleet file read at start does not know it)', async () => {
    const { index } = await app.server.ctx.coverage.current();
    // The station and ward where a new engine would gain most on the engines there now: it becomes that ward's nearest.
    const [best] = app.server.ctx.city.data.facilities
      .flatMap((facility) =>
        index.wards.map(({ ward, reach }) => ({
          facility,
          ward: ward.ward,
          gain: (reach.engine.first?.seconds ?? Number.POSITIVE_INFINITY) - straightLineEstimate(distanceMeters(facility.position, ward.position)).etaSeconds,
        })),
      )
      .sort((a, b) => b.gain - a.gain);
    if (!best || best.gain < 60) throw new Error('no facility is clearly nearer a ward than its engine now');
    const unitId = 'eng-cov-01';
    expect(app.server.ctx.city.data.fleet.some((unit) => unit.id === unitId)).toBe(false);

    const admin = await connectClient(app.url, { role: 'administrator', operatorId: 'cov-admin' });
    try {
      const before = pushedToSupervisor.length;
      dataOf(await send(admin.socket, 'fleet:add_unit', { commandId: commandId(), unitId, callSign: 'ENG-COV1', kind: 'fire_engine', baseId: best.facility.id }));
      const isCounted = (coverage: Coverage): boolean => coverage.wards.find((w) => w.ward === best.ward)?.engine.unitId === unitId;
      const pushed = await waitFor(() => pushedToSupervisor.slice(before).find(isCounted), 'the coverage with the added engine');
      expect(pushed.wards.find((w) => w.ward === best.ward)?.engine.callSign).toBe('ENG-COV1');
      const read = dataOf(await send(supervisor.socket, 'coverage:read', {}));
      const covered = read.wards.filter((w) => w.engine.unitId === unitId);
      expect(covered.map((w) => w.ward)).toContain(best.ward);
      expect(new Set(covered.map((w) => w.engine.callSign))).toEqual(new Set(['ENG-COV1']));
    } finally {
      admin.close();
    }
  });
});

describe('[CV5][SO1] coverage with two server instances', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let east: CadServer;
  let west: CadServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    east = await createCadServer({ redisUrl: redis.url, city: joburgCity(), ...testServerOptions({ coverageCheckMs: 100 }) });
    west = await createCadServer({ redisUrl: redis.url, city: joburgCity(), ...testServerOptions({ coverageCheckMs: 100 }) });
  });
  afterAll(async () => {
    await east.close();
    await west.close();
    await redis.cleanup();
  });

  it('[CV5] a change made through one instance reaches the consoles of both, each once', async () => {
    const onEast = await connectClient(east.url, { role: 'supervisor', operatorId: 'cov-east' });
    const onWest = await connectClient(west.url, { role: 'supervisor', operatorId: 'cov-west' });
    const dispatcher = await connectClient(east.url, { role: 'dispatcher', operatorId: 'cov-disp' });
    try {
      const pushed = { east: collectCoverage(onEast), west: collectCoverage(onWest) };
      const unit = onEast.snapshot.units.find((u) => u.kind === 'als');
      if (!unit) throw new Error('no ALS unit');
      const isWithout = (c: Coverage): boolean => c.wards.every((w) => w.ambulance.unitId !== unit.id);
      const isWith = (c: Coverage): boolean => c.wards.some((w) => w.ambulance.unitId === unit.id);
      const before = dataOf(await send(onWest.socket, 'coverage:read', {}));
      expect(isWith(before)).toBe(true);

      dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: unit.id, status: 'out_of_service' }));
      await waitFor(() => pushed.east.find(isWithout), 'the push on the instance that made the change');
      await waitFor(() => pushed.west.find(isWithout), 'the push on the other instance');
      dataOf(await send(dispatcher.socket, 'unit:status', { commandId: commandId(), unitId: unit.id, status: 'available' }));
      await waitFor(() => pushed.east.find(isWith), 'the east push with the unit back');
      await waitFor(() => pushed.west.find(isWith), 'the west push with the unit back');
      // Pushes on one socket arrive in order: by the time the unit is back, any second push without it would have come.
      expect(pushed.east.filter(isWithout)).toHaveLength(1);
      expect(pushed.west.filter(isWithout)).toHaveLength(1);
    } finally {
      for (const client of [onEast, onWest, dispatcher]) client.close();
    }
  });
});
