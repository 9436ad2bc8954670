import type { UnitKind } from '../../shared/units/unitKinds.ts';

/**
 * The one owner of Redis key names. Every key carries the same `{tag}` so that the keys one
 * atomic script touches share a hash slot and the scripts run unchanged on Redis Cluster
 * (one tag per metro region is the scale-out path, see docs/ARCHITECTURE.md).
 */
export interface RedisKeys {
  /** Hash: one vehicle (see server/units/unitHash.ts for fields). */
  unit(unitId: string): string;
  /** Prefix of every unit hash, for the snapshot script. */
  unitPrefix: string;
  /** Set: every unit id of the fleet. */
  unitIds: string;
  /** GEO set: last position of every unit. */
  unitPositions: string;
  /** GEO set: positions of the *available* units of one kind, kept in step by the status scripts. */
  availableUnits(kind: UnitKind): string;
  /** Hash: one incident: `doc` (JSON) and `rev` (revision for optimistic checks). */
  incident(incidentId: string): string;
  /** Prefix the create script completes with the reference it issues. */
  incidentPrefix: string;
  /** Sorted set: open incidents, scored by priority then age. */
  openIncidents: string;
  /** GEO set: locations of open incidents (duplicate detection). */
  openIncidentLocations: string;
  /** Stream: the journal of every change; entry id `<version>-0`. */
  journal: string;
  /** String counter: the state version, +1 per journaled change. */
  version: string;
  /** Counter of reference numbers issued on day `yymmdd`. */
  referenceCounter(yymmdd: string): string;
  /** String: the stored answer to a command id, for idempotent resends. */
  command(commandId: string): string;
  /** Sorted set: every call from one (normalised) number, scored by time. */
  callerCalls(number: string): string;
  /** Set: numbers with at least one hoax disposition (the hoax registry). */
  hoaxNumbers: string;
  /** Stream the Socket.IO adapter uses to broadcast between server instances. */
  socketIoStream: string;
}

/** Builds the key names for one deployment (`tag` names the metro, e.g. `jhb`). */
export function redisKeys(tag: string): RedisKeys {
  const p = `cad:{${tag}}:`;
  return {
    unit: (unitId) => `${p}unit:${unitId}`,
    unitPrefix: `${p}unit:`,
    unitIds: `${p}units`,
    unitPositions: `${p}units:pos`,
    availableUnits: (kind) => `${p}units:available:${kind}`,
    incident: (incidentId) => `${p}incident:${incidentId}`,
    incidentPrefix: `${p}incident:`,
    openIncidents: `${p}incidents:open`,
    openIncidentLocations: `${p}incidents:open:geo`,
    journal: `${p}journal`,
    version: `${p}version`,
    referenceCounter: (yymmdd) => `${p}seq:reference:${yymmdd}`,
    command: (commandId) => `${p}cmd:${commandId}`,
    socketIoStream: `${p}socket.io`,
    callerCalls: (number) => `${p}caller:${number}:calls`,
    hoaxNumbers: `${p}callers:hoax`,
  };
}
