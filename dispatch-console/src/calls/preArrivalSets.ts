import { PRE_ARRIVAL_INSTRUCTIONS, isPreArrivalInstructionId } from '../../../shared/incidents/preArrivalInstructions.ts';
import type { PreArrivalInstructionId } from '../../../shared/incidents/preArrivalInstructions.ts';
import type { PreArrivalInstruction } from '../../../shared/incidents/catalogueTypes.ts';
import { incidentType } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';

export interface InstructionSet extends PreArrivalInstruction {
  id: PreArrivalInstructionId;
}

/** The pre-arrival instruction sets of a type, most important first, as the catalogue lists them (so `while_you_wait` is always there when listed). Pure. */
export function preArrivalSets(type: IncidentTypeId): InstructionSet[] {
  return incidentType(type)
    .instructions.filter(isPreArrivalInstructionId)
    .map((id) => ({ id, ...PRE_ARRIVAL_INSTRUCTIONS[id] }));
}
