import { PRE_ARRIVAL_INSTRUCTIONS, defaultPlace, isPreArrivalInstructionId, stepsFor } from '../../../shared/incidents/preArrivalInstructions.ts';
import type { PreArrivalInstructionId } from '../../../shared/incidents/preArrivalInstructions.ts';
import type { PatientPlace, PreArrivalInstruction } from '../../../shared/incidents/catalogueTypes.ts';
import { incidentType } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';

export interface InstructionSet extends PreArrivalInstruction {
  id: PreArrivalInstructionId;
}

/**
 * The pre-arrival instruction sets of a type, most important first, as the catalogue lists them (so `while_you_wait`
 * is always there when listed), with the steps that fit where the patient is ([PA1]; the type's usual place unless
 * the call-taker chose another). Pure.
 */
export function preArrivalSets(type: IncidentTypeId, place: PatientPlace = placeOfType(type)): InstructionSet[] {
  return incidentType(type)
    .instructions.filter(isPreArrivalInstructionId)
    .map((id) => {
      const set: PreArrivalInstruction = PRE_ARRIVAL_INSTRUCTIONS[id];
      return { id, title: set.title, steps: stepsFor(set, place) };
    });
}

/** Where a patient of this type most likely is. */
export function placeOfType(type: IncidentTypeId): PatientPlace {
  return defaultPlace(incidentType(type).family, type);
}
