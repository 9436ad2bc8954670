import { EidoDocumentSchema } from '../../shared/eido/eidoSchema.ts';
import type { CommandName } from '../../shared/protocol/contract.ts';

/** [EI4] An incident's EIDO saves as `EIDO-<reference>.json`. */
function eidoFileName(data: unknown): string {
  const document = EidoDocumentSchema.parse(data);
  return `EIDO-${document.incidentComponent.internalIncidentId ?? 'incident'}.json`;
}

/** The file name of the bare document of each contract entry that declares a `documentPath`, for a download. */
export const DOCUMENT_EXPORTS: Partial<Record<CommandName, (data: unknown) => string>> = {
  'incident:eido': eidoFileName,
};
