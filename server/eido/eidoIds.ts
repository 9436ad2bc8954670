import type { Agency } from '../../shared/units/unitKinds.ts';

/**
 * [EI2] The identifiers an EIDO uses for this centre and its incidents. NENA's identifiers end in the domain of the
 * element or agency that issued them (`urn:emergency:uid:incidentid:<id>:<domain>`); the project has no registered
 * domain of its own, so the centre's is made from the city's name (`emergencyconnect.city-of-johannesburg`) and each
 * agency's is a name under it (`ems.…`, `fire.…`, `metro-police.…`). A deployment with a registered domain replaces
 * `centreDomain`; every other identifier follows from it. Identifiers are the same on every export of an incident,
 * so a receiving centre can tell an update of a component from a new one.
 */
export function centreDomain(cityName: string): string {
  const slug = cityName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `emergencyconnect.${slug || 'city'}`;
}

export function agencyDomain(agency: Agency, centre: string): string {
  return `${agency.replace(/_/g, '-')}.${centre}`;
}

/** The identifiers of one incident's document. */
export interface EidoIds {
  centre: string;
  /** The functional element that writes the document: the CAD. */
  issuer: string;
  incident: string;
  call(n: number): string;
  agency(agency: Agency): string;
  /** A person or automaton, under the domain of the agency they act for. */
  agent(operatorId: string, domain: string): string;
  /** Any other data component: `<reference>.<kind>.<key>@<centre>`. */
  component(kind: string, key: string | number): string;
}

export function eidoIds(reference: string, cityName: string): EidoIds {
  const centre = centreDomain(cityName);
  return {
    centre,
    issuer: `cad.${centre}`,
    incident: `urn:emergency:uid:incidentid:${reference}:${centre}`,
    call: (n) => `urn:emergency:uid:callid:${reference}.${n}:${centre}`,
    agency: (agency) => agencyDomain(agency, centre),
    agent: (operatorId, domain) => `${operatorId}@${domain}`,
    component: (kind, key) => `${reference}.${kind}.${key}@${centre}`,
  };
}
