import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';

/**
 * [CS4] The incident type an escalation starts from, for the services whose danger signs have an obvious one (a
 * gas leak is a gas leak; live wires down, a fallen tree on power lines are storm damage with power lines down; a
 * burst flooding a home is a building flood; cables being stolen now is a theft). The agent can always choose another type; a service not listed
 * starts with none chosen. These are this project's defaults, to be confirmed by Emergency Connect operations.
 */
const SUGGESTED_TYPES: Readonly<Record<string, IncidentTypeId>> = {
  'GAS-LEAK': 'gas_leak',
  'POWER-LINE-DOWN': 'storm_damage',
  'POWER-CABLE-THEFT': 'theft',
  'PARK-TREE-FALLEN': 'storm_damage',
  'WATER-BURST': 'building_flood',
  'WATER-SEWER': 'building_flood',
  'ROAD-STORMWATER': 'flood_rescue',
};

export function suggestedIncidentType(serviceCode: string): IncidentTypeId | null {
  return SUGGESTED_TYPES[serviceCode] ?? null;
}
