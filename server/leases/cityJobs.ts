import type { CadServer } from '../app/createCadServer.ts';
import type { Logger } from '../ops/logger.ts';
import { startVehicleSimulator } from '../simulation/vehicleSimulator.ts';
import { startAvlHeartbeat } from '../units/avlHeartbeat.ts';
import { CityLease, holderToken } from './cityLease.ts';

/** How often parked vehicles report where they are (demo AVL). */
const AVL_INTERVAL_MS = 60_000;

/**
 * [OPS11] The jobs that must run once per city, each under its lease: of several instances on one city's Redis,
 * one runs each job, and another takes it over when that one stops or dies. Returns what stops them.
 */
export function startCityJobs(server: CadServer, jobs: { avl: boolean; simulator: boolean }, instanceId: string | undefined, log: Logger): () => Promise<void> {
  const { ctx } = server;
  const holder = holderToken(instanceId);
  const leases = [
    ...(jobs.avl ? [new CityLease(ctx.redis, ctx.keys.lease('avl-heartbeat'), holder, 'the AVL heartbeat', () => startAvlHeartbeat(ctx, server.frames, AVL_INTERVAL_MS), log)] : []),
    ...(jobs.simulator ? [new CityLease(ctx.redis, ctx.keys.lease('vehicle-simulator'), holder, 'the vehicle simulator', () => startVehicleSimulator(ctx, server.publisher), log)] : []),
  ];
  for (const lease of leases) lease.begin();
  return async () => {
    await Promise.all(leases.map((lease) => lease.end()));
  };
}
