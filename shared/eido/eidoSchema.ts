import { z } from 'zod';
import { isValidReference, REFERENCE_PATTERN } from '../incidents/referenceNumber.ts';

/**
 * [EI1] The NENA EIDO (Emergency Incident Data Object, NENA-STA-021, `eidoVersion` 1.0) as this project writes it:
 * the data components and the fields of each that an incident fills. Field names, nesting and required fields are
 * NENA's (fixtures/standards/eido/openapi.yaml, tested against it in test/eido/); fields the project has nothing for
 * (vehicles, items, cautions, media, additional data from the network) are left out, not emptied.
 */

/** A pointer to another data component of the same document by its `$id`. */
export const EidoReferenceSchema = z.object({ $ref: z.string() });
export type EidoReference = z.infer<typeof EidoReferenceSchema>;

/** The prologue every data component starts with: its id, when it last changed, and which agency (and agent) changed it. */
const prologue = {
  $id: z.string(),
  lastUpdateTimeStamp: z.iso.datetime({ offset: true }),
  updatedByAgencyReference: EidoReferenceSchema,
  updatedByAgentReference: EidoReferenceSchema.optional(),
};

const references = z.array(EidoReferenceSchema);

export const EidoAgencySchema = z.object({
  ...prologue,
  /** A vCard in JSON (RFC 7095), as a string: the agency's name. */
  agencyJcard: z.string().optional(),
  agencyRoleDescriptionRegistryText: z.array(z.string()),
  /** From the IANA `urn:emergency:service:responder` registry, without its prefix (`ems`, `fire`, `police`, `psap`). */
  agencyType: z.array(z.string()),
  incidentOwningAgencyIndicator: z.boolean().optional(),
});

export const EidoAgentSchema = z.object({
  ...prologue,
  agentRoleRegistryText: z.array(z.string()).min(1),
  agencyReference: EidoReferenceSchema,
});

export const EidoDispositionSchema = z.object({
  ...prologue,
  dispositionCommonRegistryCode: z.string(),
  dispositionPrimaryIndicator: z.boolean().optional(),
  dispositionCategoryText: z.string().optional(),
  dispositionDescriptionText: z.string().optional(),
  notesReference: references.optional(),
});

export const EidoIncidentSchema = z.object({
  ...prologue,
  incidentTypeInternalCode: z.string().optional(),
  incidentTypeInternalText: z.string().optional(),
  incidentTypeCommonRegistryText: z.string(),
  incidentStatusInternalText: z.array(z.string()).optional(),
  incidentStatusCommonRegistryText: z.array(z.string()).optional(),
  /** The incident's reference (EC-YYMMDD-NNNN-C): the tracking number callers and agencies quote. */
  internalIncidentId: z.string().optional(),
  agentReference: references.optional(),
  locationReference: references.optional(),
  personReference: references.optional(),
  incidentPriorityInternalText: z.string().optional(),
  incidentCommonPriorityNumber: z.number().int().optional(),
  beatOrDispatchGroupText: z.string().optional(),
  dispositionComponent: z.array(EidoDispositionSchema).optional(),
  notesReference: references.optional(),
});

/** STA-023's call priorities, the five the schema lists. */
export const EIDO_CALL_PRIORITIES = ['highest', 'high', 'normal', 'low', 'lowest'] as const;
export type EidoCallPriority = (typeof EIDO_CALL_PRIORITIES)[number];

export const EidoCallSchema = z.object({
  ...prologue,
  relatedCallIdentifier: z.array(z.string()).optional(),
  standardPrimaryCallType: z.string(),
  direction: z.enum(['incoming', 'outgoing', 'internal']),
  priorityIdentifier: z.enum(EIDO_CALL_PRIORITIES).optional(),
  callStartTimestamp: z.iso.datetime({ offset: true }),
  answerDate: z.iso.datetime({ offset: true }).optional(),
  callStateRegistryText: z.string(),
  agentReference: references.optional(),
  callBackReference: EidoReferenceSchema.optional(),
  locationReference: references.optional(),
  notesReference: references.optional(),
  personReference: references.optional(),
  agencyReference: references.optional(),
});

export const EidoCallbackSchema = z.object({
  ...prologue,
  /** `tel:` URIs (RFC 3966). */
  callBackInformationUri: z.array(z.string()).optional(),
});

export const EidoLocationSchema = z.object({
  ...prologue,
  locationTypeDescriptionRegistryText: z.string(),
  /** A PIDF-LO document (RFC 4119, RFC 5491): a geodetic point and, when known, a civic address. */
  locationByValue: z.string().optional(),
  locationDescriptionText: z.string().optional(),
  notesReference: references.optional(),
});

export const EidoPersonSchema = z.object({
  ...prologue,
  personIncidentRoleRegistryText: z.array(z.string()),
  callIdentifier: z.array(z.string()).optional(),
  locationReference: references.optional(),
  notesReference: references.optional(),
  callBackReference: EidoReferenceSchema.optional(),
});

export const EidoNoteSchema = z.object({
  ...prologue,
  /** HTML5, so the text the project keeps is escaped and its line breaks are `<br>`. */
  notesActionComments: z.string(),
  agentReference: EidoReferenceSchema.optional(),
});

export const EidoEmergencyResourceSchema = z.object({
  ...prologue,
  emergencyResourceTypeCommonRegistryText: z.string(),
  emergencyResourceTypeInternalText: z.string().optional(),
  resourceAttributeRegistryText: z.array(z.string()),
  emergencyResourceName: z.string().optional(),
  primaryUnitStatusRegistryText: z.string(),
  secondaryUnitStatusRegistryText: z.array(z.string()),
  notesReference: references.optional(),
  unitStatusInternal: z.array(z.string()).optional(),
  agentReference: references,
  unitLocationReference: EidoReferenceSchema.optional(),
  unitDestinationReference: EidoReferenceSchema.optional(),
  eta: z.iso.datetime({ offset: true }).optional(),
});

export const EidoDispatchSchema = z.object({
  ...prologue,
  agencyReference: EidoReferenceSchema.optional(),
  agentReference: EidoReferenceSchema.optional(),
  emergencyResourceReference: references.optional(),
  notesReference: references.optional(),
});

/** The JSON-LD vocabulary NENA's schema allows, as its sample sets it. */
export const EIDO_JSON_LD_VOCAB = './JSON-LD_Contexts/EmergencyIncidentDataObjectType.jsonld';

/** [EI1] One incident as an EIDO document: the incident, its calls and callers, places, agencies, agents, units and notes. */
export const EidoDocumentSchema = z.object({
  ...prologue,
  eidoVersion: z.literal('1.0'),
  issuingElementIdentification: z.string(),
  incidentComponent: EidoIncidentSchema,
  callComponent: z.array(EidoCallSchema),
  callbackComponent: z.array(EidoCallbackSchema),
  dispatchComponent: z.array(EidoDispatchSchema),
  notesComponent: z.array(EidoNoteSchema),
  emergencyResourceComponent: z.array(EidoEmergencyResourceSchema),
  agencyComponent: z.array(EidoAgencySchema),
  agentComponent: z.array(EidoAgentSchema),
  locationComponent: z.array(EidoLocationSchema),
  personComponent: z.array(EidoPersonSchema),
  '@context': z.object({ '@vocab': z.literal(EIDO_JSON_LD_VOCAB) }),
});
export type EidoDocument = z.infer<typeof EidoDocumentSchema>;
export type EidoAgency = z.infer<typeof EidoAgencySchema>;
export type EidoAgent = z.infer<typeof EidoAgentSchema>;
export type EidoIncident = z.infer<typeof EidoIncidentSchema>;
export type EidoCall = z.infer<typeof EidoCallSchema>;
export type EidoCallback = z.infer<typeof EidoCallbackSchema>;
export type EidoLocation = z.infer<typeof EidoLocationSchema>;
export type EidoPerson = z.infer<typeof EidoPersonSchema>;
export type EidoNote = z.infer<typeof EidoNoteSchema>;
export type EidoEmergencyResource = z.infer<typeof EidoEmergencyResourceSchema>;
export type EidoDispatch = z.infer<typeof EidoDispatchSchema>;
export type EidoDisposition = z.infer<typeof EidoDispositionSchema>;

/**
 * [EI4] `incident:eido`: the incident by its id, which is its reference. Case and surrounding spaces are forgiven (a
 * path typed by hand); anything that is not a reference with a matching check digit is refused before any read.
 */
export const EidoInputSchema = z.object({
  incidentId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(REFERENCE_PATTERN, 'incidentId: an incident reference, EC-YYMMDD-NNNN-C')
    .refine(isValidReference, 'incidentId: the check digit does not match; a digit may have been misheard'),
});
export type EidoInput = z.infer<typeof EidoInputSchema>;
