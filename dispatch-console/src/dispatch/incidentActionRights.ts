import type { Role } from '../../../shared/auth/roles.ts';
import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { isCommandAllowed } from '../../../shared/protocol/contract.ts';
import { UNIT_KIND_AGENCY, type Agency } from '../../../shared/units/unitKinds.ts';

/** Which lifecycle steps the board offers for an incident: only those the server would accept from this desk now. */
export interface IncidentActionRights {
  /** [LC1] No unit is still committed. */
  close: boolean;
  /** [LC2] Pending, and no unit was ever committed. */
  cancel: boolean;
  /** [LC8] Every unit has cleared: send it back for more units. */
  moreUnits: boolean;
  /** [LC6] Change its type or priority. */
  updateType: boolean;
  /** [LC4] The committed units this desk may release (its own agency's; every one at the combined desk). */
  releasable: ReadonlySet<string>;
  /** [EI5] Download it as an EIDO for another centre: whoever may read it (the board shows a desk only its own). */
  handOff: boolean;
}

export function incidentActionRights(incident: Incident, role: Role, agency: Agency | undefined): IncidentActionRights {
  const isOpen = incident.status !== 'closed';
  const active = incident.assignments.filter((a) => a.clearedAt === null);
  const mayRelease = isCommandAllowed('dispatch:release', role);
  return {
    close: isOpen && active.length === 0 && isCommandAllowed('incident:close', role),
    cancel: incident.status === 'pending' && incident.assignments.length === 0 && isCommandAllowed('incident:cancel', role),
    moreUnits: incident.status === 'awaiting_close' && isCommandAllowed('incident:reopen', role),
    updateType: isOpen && isCommandAllowed('incident:update_type', role),
    releasable: new Set(mayRelease ? active.filter((a) => !agency || UNIT_KIND_AGENCY[a.kind] === agency).map((a) => a.unitId) : []),
    handOff: isCommandAllowed('incident:eido', role),
  };
}
