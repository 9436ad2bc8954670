import type { Incident, IncidentGetInput } from '../../shared/incidents/incidentSchema.ts';
import { formatReference, isValidReference, normalizeReference, referenceDay } from '../../shared/incidents/referenceNumber.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readIncident } from './readIncident.ts';

/** [IC13] Digits alone ("0001", "42") are today's sequence number. */
const SEQUENCE_ONLY = /^\d{1,6}$/;

/**
 * [IC8][IC13] Finds an incident, open or closed, by the reference a caller reads back, or by today's sequence
 * number alone.
 */
export async function getIncident(ctx: CadContext, input: IncidentGetInput): Promise<CommandOutcome<Incident>> {
  const typed = input.reference.trim();
  const reference = SEQUENCE_ONLY.test(typed) && Number(typed) > 0 ? formatReference(referenceDay(ctx.now(), ctx.city.data.timeZone), Number(typed)) : normalizeReference(typed);
  if (!reference) {
    return refusal('validation_failed', `"${input.reference}" is not a reference: it reads EC-YYMMDD-NNNN-C, or today's number alone (0001)`, { issues: [{ path: 'reference', message: 'not a reference' }] });
  }
  if (!isValidReference(reference)) {
    return refusal('validation_failed', `${reference}: the check digit does not match; a digit may have been misheard`, { issues: [{ path: 'reference', message: 'check digit' }] });
  }
  const found = await readIncident(ctx, reference);
  if (!found) return refusal('incident_not_found', `no incident ${reference}`);
  return { result: ok(found.incident) };
}
