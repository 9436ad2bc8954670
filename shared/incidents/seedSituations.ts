/**
 * The situations the City of Johannesburg lists as reasons to call Emergency Connect
 * ("When should I ring the emergency services?"), one id each. Every one must be covered by
 * at least one incident type of the catalogue ([IC7]).
 */
export const SEED_SITUATIONS = [
  'serious_burns',
  'serious_injuries',
  'food_poisoning',
  'drink_poisoning',
  'gas_poisoning',
  'road_accident',
  'drowning',
  'emergency_childbirth',
  'heart_attack',
  'asthma',
  'serious_medical_condition',
  'sudden_collapse',
  'car_hijacking',
  'armed_robbery',
  'theft',
  'murder',
  'child_abuse',
  'abuse_of_women',
  'building_fire',
  'vehicle_fire',
  'building_flood',
  'vehicle_flood',
  'building_explosion',
  'vehicle_explosion',
  'natural_disaster_fire',
  'natural_disaster_flood',
  'natural_disaster_storm',
] as const;

export type SeedSituation = (typeof SEED_SITUATIONS)[number];

export const SEED_SITUATION_LABELS: Record<SeedSituation, string> = {
  serious_burns: 'Serious burns',
  serious_injuries: 'Serious injuries',
  food_poisoning: 'Ate something poisonous',
  drink_poisoning: 'Drank something poisonous',
  gas_poisoning: 'Poisoned by gas',
  road_accident: 'Road accident (witnessed or involved)',
  drowning: 'Drowning incident',
  emergency_childbirth: 'Emergency childbirth',
  heart_attack: 'Heart attack',
  asthma: 'Asthma',
  serious_medical_condition: 'Other serious medical condition',
  sudden_collapse: 'Sudden collapse',
  car_hijacking: 'Car hijacking',
  armed_robbery: 'Armed robbery',
  theft: 'Theft',
  murder: 'Murder',
  child_abuse: 'Sexual or physical abuse of a child',
  abuse_of_women: 'Sexual or physical abuse of a woman',
  building_fire: 'Fire in a building',
  vehicle_fire: 'Fire in a vehicle',
  building_flood: 'Flood in a building',
  vehicle_flood: 'Vehicle caught in a flood',
  building_explosion: 'Explosion in a building',
  vehicle_explosion: 'Explosion in a vehicle',
  natural_disaster_fire: 'Natural disaster: fire',
  natural_disaster_flood: 'Natural disaster: floods',
  natural_disaster_storm: 'Natural disaster: storm',
};

/** Type guard for a seed-situation id. */
export function isSeedSituation(value: string): value is SeedSituation {
  return (SEED_SITUATIONS as readonly string[]).includes(value);
}
