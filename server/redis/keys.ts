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
  /** String: `<command> <payload digest>` of a command id's first use, to refuse its reuse with another payload. [CM1] */
  commandFingerprint(commandId: string): string;
  /** Hash: one user (see server/auth/userStore.ts for fields). */
  user(userId: string): string;
  /** Set: every user id. */
  userIds: string;
  /** Hash: username → user id. */
  usernames: string;
  /** String with a TTL: a revoked session id, kept until the session would have expired. [AU6] */
  revokedSession(sessionId: string): string;
  /** String with a TTL: the expiry a session was last renewed to, so sockets opened with an older token follow it. [AU4] */
  renewedSession(sessionId: string): string;
  /** String: the secret sessions are signed with when none is configured (demo), shared by every instance. */
  sessionSecret: string;
  /** Stream: the audit record, never trimmed. [AD1] */
  audit: string;
  /** Sorted set: audit entry ids of one user, incident or unit, scored by time. [AD2] */
  auditIndex(kind: 'user' | 'incident' | 'unit', value: string): string;
  /** String with a TTL: a flood refusal (no session, rate limited) of one user or address was audited this minute. */
  auditThrottle(code: string, who: string): string;
  /** Prefix of the rate limiters' counters. */
  rateLimitPrefix: string;
  /** String with a TTL: the instance holding the lease on a job that runs once per city (its holder token). [OPS11] */
  lease(job: string): string;
  /** Hash: one Care Connect ticket: `doc` (JSON) and `rev`. [CC2] */
  ticket(ticketId: string): string;
  /** Prefix the create script completes with the reference it issues. */
  ticketPrefix: string;
  /** Counter of ticket references issued on day `yymmdd`. */
  ticketReferenceCounter(yymmdd: string): string;
  /** Sorted set: a department's open tickets, scored by expected resolution time. */
  openTickets(department: string): string;
  /** GEO set: locations of one service's open tickets (duplicates). [CC3] */
  ticketLocations(serviceCode: string): string;
  /** Sorted set: every ticket, scored by creation time (Open311 date filters). [CC8] */
  ticketsCreated: string;
  /** Sorted set: one service's tickets, scored by creation time (Open311 `service_code` filter). [CC10] */
  ticketsCreatedByService(serviceCode: string): string;
  /** Hash: Open311 API key name → its record (JSON: hash of the key, created, revoked). [CC12] */
  open311Keys: string;
  /** Hash: SHA-256 of an Open311 API key → the key's name, for the check on each request. [CC12] */
  open311KeyHashes: string;
  /** String with a TTL: an incident's full recommendation at one state version, shared by every desk. [DS7] */
  recommendation(incidentId: string, version: string): string;
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
    ticket: (ticketId) => `${p}ticket:${ticketId}`,
    ticketPrefix: `${p}ticket:`,
    ticketReferenceCounter: (yymmdd) => `${p}seq:ticket:${yymmdd}`,
    openTickets: (department) => `${p}tickets:open:${department}`,
    ticketLocations: (serviceCode) => `${p}tickets:open:geo:${serviceCode}`,
    ticketsCreated: `${p}tickets:created`,
    ticketsCreatedByService: (serviceCode) => `${p}tickets:created:service:${serviceCode}`,
    open311Keys: `${p}open311:keys`,
    open311KeyHashes: `${p}open311:keys:by-hash`,
    recommendation: (incidentId, version) => `${p}recommendation:${incidentId}:${version}`,
    version: `${p}version`,
    referenceCounter: (yymmdd) => `${p}seq:reference:${yymmdd}`,
    command: (commandId) => `${p}cmd:${commandId}`,
    socketIoStream: `${p}socket.io`,
    callerCalls: (number) => `${p}caller:${number}:calls`,
    hoaxNumbers: `${p}callers:hoax`,
    commandFingerprint: (commandId) => `${p}cmdfp:${commandId}`,
    user: (userId) => `${p}user:${userId}`,
    userIds: `${p}users`,
    usernames: `${p}users:by-name`,
    revokedSession: (sessionId) => `${p}session:revoked:${sessionId}`,
    sessionSecret: `${p}secret:session`,
    renewedSession: (sessionId) => `${p}session:renewed:${sessionId}`,
    audit: `${p}audit`,
    auditIndex: (kind, value) => `${p}audit:by-${kind}:${value}`,
    rateLimitPrefix: `${p}ratelimit`,
    lease: (job) => `${p}lease:${job}`,
    auditThrottle: (code, who) => `${p}ratelimit:audited:${code}:${who}`,
  };
}
