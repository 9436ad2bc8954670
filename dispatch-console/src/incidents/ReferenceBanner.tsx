import { spokenReference } from '../../../shared/incidents/referenceNumber.ts';

interface ReferenceBannerProps {
  reference: string;
  onDismiss: () => void;
}

/** The new reference number, large, for reading back to the caller. */
export function ReferenceBanner({ reference, onDismiss }: ReferenceBannerProps) {
  return (
    <div className="reference-banner" data-testid="reference-banner" role="status">
      <div className="muted">Read back to the caller</div>
      <div className="reference-big" data-testid="reference-number">
        {reference}
      </div>
      <div className="reference-spoken">{spokenReference(reference)}</div>
      <button type="button" onClick={onDismiss} data-testid="reference-dismiss">
        Done
      </button>
    </div>
  );
}
