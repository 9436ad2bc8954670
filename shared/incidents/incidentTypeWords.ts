import type { IncidentTypeId } from './incidentTypes.ts';

/**
 * [IC12] The words callers and call-takers use for each incident type, South African usage included, so that
 * "car crash", "MVA", "trapped" or "stabbed" finds its type. A traffic light that is out ("robot out") is a
 * Care Connect fault report, not an emergency type.
 */
export const INCIDENT_TYPE_WORDS: Readonly<Record<IncidentTypeId, readonly string[]>> = {
  cardiac_arrest: ['not breathing', 'no pulse', 'heart stopped', 'unresponsive', 'cpr'],
  chest_pain: ['heart attack', 'chest pains', 'tight chest'],
  breathing_problem: ['short of breath', 'asthma', 'cannot breathe', 'difficulty breathing'],
  choking: ['something stuck in throat', 'swallowed something'],
  sudden_collapse: ['fainted', 'passed out', 'collapsed', 'unconscious'],
  stroke: ['face drooping', 'slurred speech', 'cva'],
  seizure: ['fits', 'fitting', 'convulsions', 'epilepsy', 'epileptic'],
  poisoning: ['overdose', 'od', 'swallowed pills', 'drank paraffin'],
  childbirth: ['in labour', 'labour', 'baby coming', 'waters broke', 'pregnant'],
  medical_emergency: ['sick', 'ill', 'diabetic', 'sugar low'],
  injured_person: ['hurt', 'bleeding', 'cut', 'broken leg', 'broken arm'],
  fall: ['fell', 'fell down', 'fell off', 'fall from height'],
  burns: ['burnt', 'burned', 'scalded', 'boiling water'],
  drowning: ['drowned', 'pool', 'dam', 'swimming'],
  road_accident: ['car crash', 'crash', 'collision', 'mva', 'mvc', 'rta', 'accident', 'taxi crash', 'bus crash', 'smash'],
  road_accident_entrapment: ['trapped', 'trapped in car', 'pinned', 'entrapment', 'jaws of life', 'car crash trapped', 'mva trapped'],
  pedestrian_struck: ['knocked down', 'hit by car', 'hit by taxi', 'pedestrian hit', 'run over'],
  structure_fire: ['house on fire', 'shack fire', 'informal settlement fire', 'building fire', 'fire'],
  high_rise_fire: ['high rise fire', 'flats on fire', 'block of flats', 'office block fire', 'factory fire', 'warehouse fire', 'mall fire'],
  vehicle_fire: ['car on fire', 'car burning', 'truck fire'],
  veld_fire: ['grass fire', 'bush fire', 'field fire'],
  explosion: ['blast', 'exploded', 'bang'],
  gas_leak: ['smell of gas', 'gas smell', 'lpg'],
  building_flood: ['burst pipe', 'flooded house', 'water in house'],
  flood_rescue: ['stuck in flood', 'car in river', 'swept away'],
  storm_damage: ['roof blown off', 'tree fell', 'storm'],
  natural_disaster: ['sinkhole', 'earthquake', 'tremor', 'mine collapse'],
  crime_in_progress: ['break in', 'burglary', 'housebreaking', 'intruder'],
  hijacking: ['hijacked', 'carjacking', 'car jacking'],
  armed_robbery: ['robbery', 'robbed', 'gun point', 'held up'],
  theft: ['stolen', 'stole'],
  murder: ['killed', 'dead body', 'body found'],
  shooting_stabbing: ['shot', 'shooting', 'gunshot', 'stabbed', 'stabbing', 'knife'],
  assault: ['beaten', 'fight', 'attacked', 'beaten up'],
  child_abuse: ['child being hurt', 'abused child'],
  abuse_of_women: ['domestic violence', 'gbv', 'husband beating', 'rape'],
};
