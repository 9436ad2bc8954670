import { z } from 'zod';

/** The agencies Emergency Connect dispatches for. */
export const AGENCIES = ['ems', 'fire', 'metro_police'] as const;
export const AgencySchema = z.enum(AGENCIES);
export type Agency = z.infer<typeof AgencySchema>;

export const AGENCY_LABELS: Record<Agency, string> = {
  ems: 'EMS',
  fire: 'Fire & Rescue',
  metro_police: 'Metro Police',
};

/** [US5] Kinds of vehicle; a response plan asks for units by kind. */
export const UNIT_KINDS = ['als', 'bls', 'fire_engine', 'rescue', 'aerial_ladder', 'hazmat', 'command', 'metro_police'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

/**
 * [US5] Which agency owns each kind of vehicle. The command vehicle is Fire & Rescue's: Johannesburg's Emergency
 * Management Services is one department for fire and ambulance, and its officers take command at the fires,
 * explosions and disasters whose plans call for one, incidents that already go to the Fire & Rescue desk.
 */
export const UNIT_KIND_AGENCY: Record<UnitKind, Agency> = {
  als: 'ems',
  bls: 'ems',
  fire_engine: 'fire',
  rescue: 'fire',
  aerial_ladder: 'fire',
  hazmat: 'fire',
  command: 'fire',
  metro_police: 'metro_police',
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  als: 'Ambulance (ALS)',
  bls: 'Ambulance (BLS)',
  fire_engine: 'Fire engine',
  rescue: 'Rescue vehicle',
  aerial_ladder: 'Aerial ladder',
  hazmat: 'Hazmat unit',
  command: 'Command vehicle (officer)',
  metro_police: 'Metro police car',
};
