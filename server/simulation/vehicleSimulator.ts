import type { Actor } from '../../shared/auth/roles.ts';
import { distanceMeters } from '../../shared/geo/distance.ts';
import { activeAssignments } from '../../shared/incidents/incidentLifecycle.ts';
import { incidentType } from '../../shared/incidents/incidentTypes.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import type { UnitStatus } from '../../shared/units/unitStatus.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from '../incidents/readIncident.ts';
import type { Publisher } from '../realtime/publishOutcome.ts';
import { publishOutcome } from '../realtime/publishOutcome.ts';
import { hospitalsForUnit, routeForUnit } from '../routing/routeForUnit.ts';
import { acknowledgeAssignment } from '../units/acknowledgeAssignment.ts';
import { readUnits } from '../units/readUnits.ts';
import { recordPosition } from '../units/recordPosition.ts';
import { setUnitStatus } from '../units/setUnitStatus.ts';
import { DEMO_TIMINGS, needsTransport, nextTimedStatus, type SimulationTimings } from './simulationPlan.ts';
import { tripPosition, type Trip } from './tripProgress.ts';

export interface SimulatorOptions {
  tickMs: number;
  /** A unit on the move reports its position at most this often. */
  positionEveryMs: number;
  timings: SimulationTimings;
  /** Drives take their routed time divided by this (1 = real time). */
  speedFactor: number;
  /** [RL2] On a replay clock: the replayed time between two steps of every vehicle. */
  replayTickMs: number;
}

export const DEMO_SIMULATOR: SimulatorOptions = { tickMs: 1_000, positionEveryMs: 2_000, timings: DEMO_TIMINGS, speedFactor: 1, replayTickMs: 20_000 };

const ACTOR: Actor = { role: 'system', operatorId: 'vehicle-simulator' };
/** A unit further than this from its base drives home when it is available. */
const AT_BASE_METERS = 75;
const PURPOSE_OF: Partial<Record<UnitStatus, Trip['purpose']>> = { en_route: 'to_scene', transporting: 'to_hospital', available: 'to_base' };

/**
 * [SI1][SI2] Demo vehicles: crews acknowledge and turn out, units drive their routes at road speeds
 * reporting positions, go on scene, take patients to the nearest 24-hour emergency unit when the
 * incident needs it, and return to base. Every step goes through the same domain functions as a
 * crew's device, and only for vehicles no person has signed on to. It stands in for the vehicles, so it keeps their trips in memory: run one per city.
 */
export function startVehicleSimulator(ctx: CadContext, publisher: Publisher, options: SimulatorOptions = DEMO_SIMULATOR): () => void {
  const trips = new Map<string, Trip>();
  const lastReport = new Map<string, number>();
  let commandSeq = 0;
  const commandId = (unitId: string): string => `sim-${unitId}-${ctx.now().toString(36)}-${(commandSeq += 1).toString(36)}`;
  const publish = (outcome: CommandOutcome<unknown>): boolean => {
    publishOutcome(publisher, outcome);
    return outcome.result.ok;
  };
  const report = async (unit: Unit, position: Unit['position']): Promise<void> => {
    publish(await recordPosition(ctx, { commandId: commandId(unit.id), unitId: unit.id, position, fixAt: ctx.now() }));
    lastReport.set(unit.id, ctx.now());
  };
  const moveTo = async (unit: Unit, status: UnitStatus, destinationId?: string): Promise<boolean> =>
    publish(await setUnitStatus(ctx, { commandId: commandId(unit.id), unitId: unit.id, status, ...(destinationId ? { destinationId } : {}) }, ACTOR));

  const startTrip = async (unit: Unit, purpose: Trip['purpose']): Promise<void> => {
    const route = await routeForUnit(ctx, { unitId: unit.id });
    if (!route.result.ok) return;
    trips.set(unit.id, { path: route.result.data.geometry, startedAt: ctx.now(), durationSeconds: route.result.data.etaSeconds / options.speedFactor, purpose });
  };

  /** Follows the unit's trip; true on arrival. */
  const drive = async (unit: Unit, purpose: Trip['purpose']): Promise<boolean> => {
    const trip = trips.get(unit.id);
    if (!trip || trip.purpose !== purpose) {
      await startTrip(unit, purpose);
      return false;
    }
    const { position, hasArrived } = tripPosition(trip, ctx.now());
    if (hasArrived || ctx.now() - (lastReport.get(unit.id) ?? 0) >= options.positionEveryMs) await report(unit, position);
    if (hasArrived) trips.delete(unit.id);
    return hasArrived;
  };

  const step = async (unit: Unit): Promise<void> => {
    if (trips.get(unit.id)?.purpose !== PURPOSE_OF[unit.status]) trips.delete(unit.id);
    const secondsInStatus = (ctx.now() - unit.statusAt) / 1000;
    switch (unit.status) {
      case 'dispatched':
        publish(await acknowledgeAssignment(ctx, { commandId: commandId(unit.id), unitId: unit.id }, ACTOR));
        if (nextTimedStatus(unit.status, secondsInStatus, false, options.timings)) await moveTo(unit, 'en_route');
        return;
      case 'en_route':
        if (await drive(unit, 'to_scene')) await moveTo(unit, 'on_scene');
        return;
      case 'on_scene': {
        const next = nextTimedStatus(unit.status, secondsInStatus, await transports(unit), options.timings);
        if (next === 'transporting') {
          const hospitals = await hospitalsForUnit(ctx, { unitId: unit.id });
          const nearest = hospitals.result.ok ? hospitals.result.data[0] : undefined;
          await moveTo(unit, nearest ? 'transporting' : 'available', nearest?.facilityId);
        } else if (next) await moveTo(unit, next);
        return;
      }
      case 'transporting':
        if (await drive(unit, 'to_hospital')) await moveTo(unit, 'at_hospital');
        return;
      case 'at_hospital':
        if (nextTimedStatus(unit.status, secondsInStatus, false, options.timings)) await moveTo(unit, 'available');
        return;
      case 'available':
        if (isAwayFromBase(unit)) await drive(unit, 'to_base');
        return;
      case 'out_of_service':
        return;
    }
  };

  const bases = new Map(ctx.city.data.facilities.map((facility) => [facility.id, facility.position]));
  const isAwayFromBase = (unit: Unit): boolean => {
    const base = bases.get(unit.baseId);
    return base !== undefined && distanceMeters(base, unit.position) > AT_BASE_METERS;
  };
  const transports = async (unit: Unit): Promise<boolean> => {
    const current = unit.incidentId ? await readIncident(ctx, unit.incidentId) : null;
    if (!current || !activeAssignments(current.incident).some((a) => a.unitId === unit.id)) return false;
    return needsTransport(unit.kind, incidentType(current.incident.type).family);
  };

  let isRunning = false;
  const tick = async (): Promise<void> => {
    if (isRunning) return; // a slow tick is never overlapped by the next one
    isRunning = true;
    try {
      const units = await readUnits(ctx, await ctx.redis.smembers(ctx.keys.unitIds));
      for (const unit of units) {
        if (!unit) continue;
        // [SI3] A vehicle a person has signed on to is driven by that person: the simulator leaves it alone.
        if (unit.crew.length > 0) {
          trips.delete(unit.id);
          continue;
        }
        await step(unit);
      }
    } finally {
      isRunning = false;
    }
  };
  // [RL2] A replay server's vehicles move in replayed time, each time the replay moves the clock past a step.
  const logFailure = (error: unknown): void => ctx.ops.log.error({ err: error }, 'vehicle simulator: a step failed');
  if (ctx.replayClock) return ctx.replayClock.every(options.replayTickMs, tick, logFailure);
  const timer = setInterval(() => {
    tick().catch(logFailure);
  }, options.tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
