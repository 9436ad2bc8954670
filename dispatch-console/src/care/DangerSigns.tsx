import type { CareService } from '../../../shared/tickets/careServiceSchema.ts';

/**
 * [CS4][CC1] The signs that make this service's problem an emergency, for the agent to ask about: if the caller
 * reports one, the ticket is created and escalated to Emergency Connect at once.
 */
export function DangerSigns({ service }: { service: CareService }) {
  if (service.dangerSigns.length === 0) return null;
  return (
    <section className="panel danger-signs" data-testid="care-danger-signs" aria-label="Signs of an emergency">
      <header className="panel-head">
        <h2>⚠ Ask: is any of this happening?</h2>
      </header>
      <ul>
        {service.dangerSigns.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
      <p className="small">
        If so, it is an emergency: create the ticket, then <strong>Escalate to Emergency Connect</strong> (<kbd>E</kbd>). Keep the caller safe meanwhile.
      </p>
    </section>
  );
}
