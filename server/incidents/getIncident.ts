import type { Incident, IncidentGetInput } from '../../shared/incidents/incidentSchema.ts';
import { isValidReference, normalizeReference } from '../../shared/incidents/referenceNumber.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from './readIncident.ts';

/** [IC8] Finds an incident, open or closed, by the reference a caller reads back. */
export async function getIncident(ctx: CadContext, input: IncidentGetInput): Promise<CommandOutcome<Incident>> {
  const reference = normalizeReference(input.reference);
  if (!reference) {
    return refusal('validation_failed', `incident:get: "${input.reference}" is not a reference: it reads EC-YYMMDD-NNNN-C`, { issues: [{ path: 'reference', message: 'not a reference' }] });
  }
  if (!isValidReference(reference)) {
    return refusal('validation_failed', `incident:get: ${reference}: the check digit does not match; a digit may have been misheard`, { issues: [{ path: 'reference', message: 'check digit' }] });
  }
  const found = await readIncident(ctx, reference);
  if (!found) return refusal('incident_not_found', `no incident ${reference}`);
  return { result: ok(found.incident) };
}
