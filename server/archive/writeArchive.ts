import type pg from 'pg';
import type { AuditEntry } from '../../shared/audit/auditSchema.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { responseRecord } from '../../shared/reports/responseRecord.ts';
import type { Ticket } from '../../shared/tickets/ticketSchema.ts';
import { measureIncidents } from '../reports/measurements.ts';

/** The newest version of each document a batch wrote (a busy incident appears in many entries of one batch). */
function newest<T extends { id: string }>(deltas: readonly Delta[], pick: (delta: Delta) => readonly T[]): { doc: T; version: number }[] {
  const latest = new Map<string, { doc: T; version: number }>();
  for (const delta of deltas) for (const doc of pick(delta)) {
    const known = latest.get(doc.id);
    if (!known || known.version < delta.version) latest.set(doc.id, { doc, version: delta.version });
  }
  return [...latest.values()];
}

/**
 * [AR3] Writes journal entries to the archive in one transaction: each entry keyed by its version (a re-read
 * inserts nothing twice), and each incident and ticket only when this version is newer than the archived one,
 * with the incident's unit responses rewritten from it and its measurements and their counts (RP2c) with them.
 */
export async function writeJournalBatch(client: pg.PoolClient, deltas: readonly Delta[]): Promise<void> {
  if (deltas.length === 0) return;
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO journal (version, fact, at, actor, incidents, units, calls, tickets)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::jsonb[], $5::jsonb[], $6::jsonb[], $7::jsonb[], $8::jsonb[])
       ON CONFLICT (version) DO NOTHING`,
      [
        deltas.map((delta) => delta.version),
        deltas.map((delta) => delta.fact),
        deltas.map((delta) => delta.at),
        deltas.map((delta) => JSON.stringify(delta.actor)),
        deltas.map((delta) => JSON.stringify(delta.incidents)),
        deltas.map((delta) => JSON.stringify(delta.units)),
        deltas.map((delta) => JSON.stringify(delta.calls)),
        deltas.map((delta) => JSON.stringify(delta.tickets)),
      ],
    );
    const written: string[] = [];
    for (const { doc, version } of newest(deltas, (delta) => delta.incidents)) if (await writeIncident(client, doc, version)) written.push(doc.id);
    await measureIncidents(client, written);
    for (const { doc, version } of newest(deltas, (delta) => delta.tickets)) await writeTicket(client, doc, version);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Writes the incident and its unit responses; false when the archive already holds a newer version. */
async function writeIncident(client: pg.PoolClient, incident: Incident, version: number): Promise<boolean> {
  const record = responseRecord(incident);
  const written = await client.query(
    `INSERT INTO incidents (id, version, doc, type, priority, region, ward, agencies, status, received_at, call_started_at, created_at, first_dispatch_at, first_on_scene_at, closed_at, flags)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, doc = EXCLUDED.doc, type = EXCLUDED.type, priority = EXCLUDED.priority,
       region = EXCLUDED.region, ward = EXCLUDED.ward, agencies = EXCLUDED.agencies, status = EXCLUDED.status, received_at = EXCLUDED.received_at,
       call_started_at = EXCLUDED.call_started_at, created_at = EXCLUDED.created_at, first_dispatch_at = EXCLUDED.first_dispatch_at,
       first_on_scene_at = EXCLUDED.first_on_scene_at, closed_at = EXCLUDED.closed_at, flags = EXCLUDED.flags
     WHERE incidents.version < EXCLUDED.version`,
    [
      incident.id, version, JSON.stringify(incident), incident.type, incident.priority, incident.region, incident.ward, incident.agencies, incident.status,
      record.incident.receivedAt, record.incident.callStartedAt, record.incident.createdAt, record.incident.firstDispatchAt, record.incident.firstOnSceneAt,
      incident.closedAt, record.incident.flags,
    ],
  );
  if (written.rowCount === 0) return false; // the archive already holds a newer version
  await client.query('DELETE FROM unit_responses WHERE incident_id = $1', [incident.id]);
  if (record.responses.length === 0) return true;
  const rows = record.responses;
  await client.query(
    `INSERT INTO unit_responses (incident_id, seq, unit_id, call_sign, kind, agency, priority, region, received_at, dispatched_at, acknowledged_at,
       en_route_at, on_scene_at, transporting_at, at_hospital_at, cleared_at, is_first_of_kind, flags)
     SELECT $1, r.seq, r.unit_id, r.call_sign, r.kind, r.agency, $2, $3, $4, r.dispatched_at, r.acknowledged_at, r.en_route_at, r.on_scene_at,
       r.transporting_at, r.at_hospital_at, r.cleared_at, r.is_first_of_kind, ARRAY(SELECT jsonb_array_elements_text(r.flags))
     FROM unnest($5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[],
       $15::bigint[], $16::bigint[], $17::boolean[], $18::jsonb[])
       AS r(seq, unit_id, call_sign, kind, agency, dispatched_at, acknowledged_at, en_route_at, on_scene_at, transporting_at, at_hospital_at, cleared_at, is_first_of_kind, flags)`,
    [
      incident.id, incident.priority, incident.region, record.incident.receivedAt,
      rows.map((r) => r.seq), rows.map((r) => r.unitId), rows.map((r) => r.callSign), rows.map((r) => r.kind), rows.map((r) => r.agency),
      rows.map((r) => r.dispatchedAt), rows.map((r) => r.acknowledgedAt), rows.map((r) => r.enRouteAt), rows.map((r) => r.onSceneAt),
      rows.map((r) => r.transportingAt), rows.map((r) => r.atHospitalAt), rows.map((r) => r.clearedAt), rows.map((r) => r.isFirstOfKind),
      rows.map((r) => JSON.stringify(r.flags)),
    ],
  );
  return true;
}

async function writeTicket(client: pg.PoolClient, ticket: Ticket, version: number): Promise<void> {
  await client.query(
    `INSERT INTO tickets (id, version, doc, service_code, department, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, doc = EXCLUDED.doc, service_code = EXCLUDED.service_code,
       department = EXCLUDED.department, status = EXCLUDED.status, created_at = EXCLUDED.created_at
     WHERE tickets.version < EXCLUDED.version`,
    [ticket.id, version, JSON.stringify(ticket), ticket.serviceCode, ticket.department, ticket.status, ticket.createdAt],
  );
}

/** [AR4] Audit entries, keyed by their stream id, and how far the audit stream has been copied, in one transaction. */
export async function writeAuditBatch(client: pg.PoolClient, entries: readonly AuditEntry[], lastId: string): Promise<void> {
  await client.query('BEGIN');
  try {
    if (entries.length > 0) {
      await client.query(
        `INSERT INTO audit (id, at, command, transport, user_id, username, role, desk, unit_id, outcome, incident_id, unit_ids, summary)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::text[])
         ON CONFLICT (id) DO NOTHING`,
        [
          entries.map((e) => e.id), entries.map((e) => e.at), entries.map((e) => e.command), entries.map((e) => e.transport), entries.map((e) => e.userId),
          entries.map((e) => e.username), entries.map((e) => e.role), entries.map((e) => e.desk), entries.map((e) => e.unitId), entries.map((e) => e.outcome),
          entries.map((e) => e.incidentId), entries.map((e) => JSON.stringify(e.unitIds)), entries.map((e) => e.summary),
        ],
      );
    }
    await client.query(
      `INSERT INTO archive_cursor (stream, last_id) VALUES ('audit', $1) ON CONFLICT (stream) DO UPDATE SET last_id = EXCLUDED.last_id`,
      [lastId],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
