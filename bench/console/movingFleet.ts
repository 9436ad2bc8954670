import { performance } from 'node:perf_hooks';
import type { LngLat } from '../../shared/geo/position.ts';
import type { UnitId } from '../../shared/units/unitSchema.ts';
import type { CadServer } from '../../server/app/createCadServer.ts';
import { publishOutcome } from '../../server/realtime/publishOutcome.ts';
import { recordPosition } from '../../server/units/recordPosition.ts';
import { JOBURG_BBOX } from '../random.ts';

/** Metres in a degree of latitude. */
const METRES_PER_DEGREE = 111_320;
/** How often the feeder wakes to send the fixes due. */
const TICK_MS = 25;

interface MovingUnit {
  id: UnitId;
  position: LngLat;
  /** Direction of travel, radians from east. */
  heading: number;
  metresPerSecond: number;
}

/** What the feeder sent, for the report. */
export interface FleetMotion {
  /** Fixes sent through the position path. */
  sent: number;
  /** Fixes stored (and queued for the next frame). */
  accepted: number;
  /** Fixes the server answered without storing (shed while busy, older than the stored one…). */
  notStored: number;
  /** Fixes that failed outright. */
  failed: number;
  /** Fixes sent per second over the run. */
  fixesPerSecond: number;
  /** Largest lag of a round of fixes behind its schedule, ms. */
  maxScheduleLagMs: number;
}

/** A running feeder: `stop` waits for the fixes in flight and says what was sent. */
export interface MovingFleet {
  stop(): Promise<FleetMotion>;
}

/** One step of a unit's walk: `metres` along its heading, turning a little, bouncing off the metro's box. */
function step(unit: MovingUnit, metres: number, random: () => number): void {
  const { west, south, east, north } = JOBURG_BBOX;
  unit.heading += (random() - 0.5) * 0.6;
  const [lng, lat] = unit.position;
  let nextLng = lng + (Math.cos(unit.heading) * metres) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  let nextLat = lat + (Math.sin(unit.heading) * metres) / METRES_PER_DEGREE;
  if (nextLng < west || nextLng > east) {
    unit.heading = Math.PI - unit.heading;
    nextLng = lng;
  }
  if (nextLat < south || nextLat > north) {
    unit.heading = -unit.heading;
    nextLat = lat;
  }
  unit.position = [nextLng, nextLat];
}

/**
 * Moves every unit continuously: each reports a fix every `periodMs` (spread evenly over the period), as a vehicle
 * tracker does, through the server's position path: `recordPosition` (the store script every fix goes through, from
 * a crew's device, the AVL feed or the simulator) and `publishOutcome`, which queues the fix for the server's
 * coalesced position frames (`units:moved`, every `positionFrameMs`). Crews may send fixes only for their own vehicle;
 * the AVL feed and the simulator (role `system`) send them for any unit through this same path, in process.
 */
export function startMovingFleet(server: CadServer, units: readonly { id: UnitId; position: LngLat }[], periodMs: number, random: () => number): MovingFleet {
  const moving: MovingUnit[] = units.map((unit) => ({ id: unit.id, position: unit.position, heading: random() * 2 * Math.PI, metresPerSecond: 8 + random() * 17 }));
  const { publisher } = server;
  const motion = { sent: 0, accepted: 0, notStored: 0, failed: 0, maxScheduleLagMs: 0 };
  const inFlight = new Set<Promise<void>>();
  const startedAt = performance.now();
  let next = 0;
  let due = 0;
  let stopped = false;

  const send = (unit: MovingUnit): void => {
    step(unit, (unit.metresPerSecond * periodMs) / 1000, random);
    motion.sent += 1;
    const fixAt = server.ctx.now();
    const sending = recordPosition(server.ctx, { commandId: `move-${unit.id}-${fixAt}`, unitId: unit.id, position: unit.position, fixAt })
      .then((outcome) => {
        publishOutcome(publisher, outcome);
        if (outcome.fix) motion.accepted += 1;
        else motion.notStored += 1;
      })
      .catch(() => {
        motion.failed += 1;
      })
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  };

  const tick = (): void => {
    if (stopped) return;
    const elapsed = performance.now() - startedAt;
    // Fixes due by now, at moving.length per period.
    const target = Math.floor((elapsed / periodMs) * moving.length);
    motion.maxScheduleLagMs = Math.max(motion.maxScheduleLagMs, ((target - due) / moving.length) * periodMs - TICK_MS);
    for (; due < target; due += 1) {
      const unit = moving[next];
      next = (next + 1) % moving.length;
      if (unit) send(unit);
    }
  };
  const timer = setInterval(tick, TICK_MS);

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...inFlight]);
      const seconds = (performance.now() - startedAt) / 1000;
      return { ...motion, maxScheduleLagMs: Math.max(0, motion.maxScheduleLagMs), fixesPerSecond: motion.sent / seconds };
    },
  };
}
