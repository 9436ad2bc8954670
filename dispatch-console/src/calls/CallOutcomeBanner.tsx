import { spokenReference } from '../../../shared/incidents/referenceNumber.ts';
import { DISPOSITION_LABELS } from '../../../shared/callers/callerSchema.ts';
import { formatElapsed } from '../incidents/queueOrder.ts';
import { ReferenceBanner } from '../incidents/ReferenceBanner.tsx';
import type { CallOutcome } from './useCall.ts';

/** How the last call ended: the new reference (large, for read-back), the incident the caller was linked to, or the disposition. */
export function CallOutcomeBanner({ outcome, onDismiss }: { outcome: CallOutcome; onDismiss: () => void }) {
  const took = `Call ${formatElapsed(0, outcome.durationMs)}`;
  if (outcome.kind === 'created') return <ReferenceBanner reference={outcome.incident.reference} note={took} onDismiss={onDismiss} />;
  if (outcome.kind === 'linked') {
    const reference = outcome.incident.reference;
    return (
      <div className="reference-banner linked" data-testid="linked-banner" role="status">
        <div className="linked-line" data-testid="linked-text">
          Linked to {reference} — both callers kept
        </div>
        <div className="reference-big" data-testid="linked-reference">
          {reference}
        </div>
        <div className="reference-spoken">{spokenReference(reference)}</div>
        <div className="muted small">
          {took} · {outcome.incident.additionalCallers.length + 1} callers on this incident
        </div>
        <button type="button" onClick={onDismiss}>
          Done <kbd>Esc</kbd>
        </button>
      </div>
    );
  }
  if (outcome.ticket) {
    // [CS11] Referred to Care Connect: the caller is given the ticket's reference, as for an incident.
    const reference = outcome.ticket.reference;
    return (
      <div className="reference-banner referred" data-testid="referred-banner" role="status">
        <div className="linked-line">Call closed: {DISPOSITION_LABELS[outcome.disposition]} · Care Connect ticket logged · read it back</div>
        <div className="reference-big" data-testid="referred-reference">
          {reference}
        </div>
        <div className="reference-spoken">{spokenReference(reference)}</div>
        <div className="muted small">{took} · no incident created · the caller follows it with Care Connect</div>
        <button type="button" onClick={onDismiss}>
          Done <kbd>Esc</kbd>
        </button>
      </div>
    );
  }
  return (
    <div className="reference-banner disposed" data-testid="disposed-banner" role="status">
      <div className="linked-line">Call closed: {DISPOSITION_LABELS[outcome.disposition]}</div>
      <div className="muted small">{took} · no incident created</div>
      <button type="button" onClick={onDismiss}>
        Done <kbd>Esc</kbd>
      </button>
    </div>
  );
}
