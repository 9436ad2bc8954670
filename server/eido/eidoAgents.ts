import type { Role } from '../../shared/auth/roles.ts';
import type { EidoAgent, EidoReference } from '../../shared/eido/eidoSchema.ts';
import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { UNRECORDED } from '../../shared/incidents/incidentTimeline.ts';
import { UNIT_KIND_AGENCY } from '../../shared/units/unitKinds.ts';
import { EIDO_AGENT_ROLE, type EidoAgentRole } from './eidoCodes.ts';
import type { EidoIds } from './eidoIds.ts';

/** [EI3] The agent role a note's author had, by their role in the project. */
export const AGENT_ROLE_OF: Record<Role, EidoAgentRole> = {
  call_taker: EIDO_AGENT_ROLE.callTaking,
  dispatcher: EIDO_AGENT_ROLE.dispatching,
  supervisor: EIDO_AGENT_ROLE.supervising,
  crew: EIDO_AGENT_ROLE.responding,
  administrator: EIDO_AGENT_ROLE.supervising,
  care_agent: EIDO_AGENT_ROLE.callTaking,
  department_officer: EIDO_AGENT_ROLE.dispatching,
  avl_gateway: EIDO_AGENT_ROLE.automation,
  system: EIDO_AGENT_ROLE.automation,
};

interface AgentEntry {
  id: string;
  agency: string;
  roles: Set<EidoAgentRole>;
  lastAt: number;
}

/**
 * [EI2] The people (and automatons) an incident names, as EIDO agents: each once, with every role they had on the
 * incident, under the agency they acted for. The incident keeps usernames without an agency, so the agency is
 * inferred: whoever took a call, dispatched, changed or noted the incident from a desk acts for the centre; whoever
 * only acknowledged or reported a unit's status, or noted as its crew, acts for the unit's agency.
 */
export class EidoAgents {
  private readonly entries = new Map<string, AgentEntry>();
  private readonly crewAgency = new Map<string, string>();

  constructor(
    private readonly ids: EidoIds,
    incident: Incident,
    private readonly iso: (at: number) => string,
  ) {
    const deskActors = new Set<string>([incident.createdBy, ...incident.additionalCallers.map((c) => c.linkedBy), ...incident.lifecycle.map((s) => s.by)]);
    for (const a of incident.assignments) deskActors.add(a.assignedBy);
    for (const note of incident.narrative) if (note.by.role !== 'crew') deskActors.add(note.by.operatorId);
    const agencyOfUnit = new Map(incident.assignments.map((a) => [a.unitId as string, ids.agency(UNIT_KIND_AGENCY[a.kind])]));
    const crewActs: [string, string | undefined][] = [
      ...incident.assignments.flatMap((a) => [a.acknowledgedBy, ...(a.steps ?? []).map((s) => s.by)].map((by): [string, string | undefined] => [by ?? '', agencyOfUnit.get(a.unitId)])),
      ...incident.narrative.filter((n) => n.by.role === 'crew').map((n): [string, string | undefined] => [n.by.operatorId, n.by.unitId ? agencyOfUnit.get(n.by.unitId) : undefined]),
    ];
    for (const [operatorId, agency] of crewActs) {
      if (operatorId && agency && !deskActors.has(operatorId) && !this.crewAgency.has(operatorId)) this.crewAgency.set(operatorId, agency);
    }
  }

  /** The agency an agent acts for: the centre, or the agency of the unit they crew. */
  agencyOf(operatorId: string): string {
    return this.crewAgency.get(operatorId) ?? this.ids.centre;
  }

  /** The agency an agent (by reference) acts for; the centre for none. */
  agencyOfRef(agent: EidoReference | undefined): EidoReference {
    const entry = agent ? [...this.entries.values()].find((e) => e.id === agent.$ref) : undefined;
    return { $ref: entry?.agency ?? this.ids.centre };
  }

  /** A reference to the agent, who did something in `role` at `at`; none for a "who" the incident did not record. */
  ref(operatorId: string | null | undefined, role: EidoAgentRole, at: number): EidoReference | undefined {
    if (!operatorId || operatorId === UNRECORDED) return undefined;
    let entry = this.entries.get(operatorId);
    if (!entry) {
      const agency = this.agencyOf(operatorId);
      entry = { id: this.ids.agent(operatorId, agency), agency, roles: new Set(), lastAt: at };
      this.entries.set(operatorId, entry);
    }
    entry.roles.add(role);
    entry.lastAt = Math.max(entry.lastAt, at);
    return { $ref: entry.id };
  }

  components(): EidoAgent[] {
    return [...this.entries.values()].map((entry) => ({
      $id: entry.id,
      lastUpdateTimeStamp: this.iso(entry.lastAt),
      updatedByAgencyReference: { $ref: entry.agency },
      // The agent's own record: what it did on the incident is what last changed it.
      updatedByAgentReference: { $ref: entry.id },
      agentRoleRegistryText: [...entry.roles],
      agencyReference: { $ref: entry.agency },
    }));
  }
}
