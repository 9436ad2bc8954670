import { spokenReference } from '../../../shared/incidents/referenceNumber.ts';

interface ReferenceBannerProps {
  reference: string;
  /** A second line, e.g. how long the call took. */
  note?: string;
  onDismiss: () => void;
}

/** The new reference number, large, for reading back to the caller. */
export function ReferenceBanner({ reference, note, onDismiss }: ReferenceBannerProps) {
  return (
    <div className="reference-banner" data-testid="reference-banner" role="status">
      <div className="muted">Incident created · read back to the caller</div>
      <div className="reference-big" data-testid="reference-number">
        {reference}
      </div>
      <div className="reference-spoken" data-testid="reference-spoken">
        {spokenReference(reference)}
      </div>
      {note && <div className="muted small">{note}</div>}
      <button type="button" onClick={onDismiss} data-testid="reference-dismiss">
        Done <kbd>Esc</kbd>
      </button>
    </div>
  );
}
