import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { CONTRACT } from '../../../shared/protocol/contract.ts';

/** [EI5] Where the incident's EIDO downloads from: the contract's bare-document path, the session cookie authenticating it. */
export function eidoDownloadUrl(incidentId: string): string | null {
  const path = CONTRACT['incident:eido'].http.documentPath;
  return path ? path.replace(':incidentId', encodeURIComponent(incidentId)) : null;
}

/** The file the browser saves: `EIDO-EC-261126-0042-7.json`. */
export function eidoFileName(reference: string): string {
  return `EIDO-${reference}.json`;
}

/**
 * [EI5] "Hand off (EIDO)": downloads the incident as a NENA EIDO document, the JSON another centre's system takes in.
 * The server decides, as for any read, whether this desk may export it.
 */
export function HandOffLink({ incident }: { incident: Incident }) {
  const url = eidoDownloadUrl(incident.id);
  if (!url) return null;
  return (
    <a className="button-link handoff" href={url} download={eidoFileName(incident.reference)} data-testid="handoff-eido" title={`Download ${incident.reference} as a NENA EIDO document (JSON) for another centre`}>
      Hand off (EIDO)
    </a>
  );
}
