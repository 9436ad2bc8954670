import { z } from 'zod';
import type { Agency } from '../units/unitKinds.ts';
import { UNIT_KIND_AGENCY } from '../units/unitKinds.ts';
import type { IncidentTypeEntry, ResponsePlanLine } from './catalogueTypes.ts';
import type { PreArrivalInstructionId } from './preArrivalInstructions.ts';
import type { SeedSituation } from './seedSituations.ts';

export type { IncidentTypeEntry, ResponsePlanLine } from './catalogueTypes.ts';

/**
 * A catalogue entry as written in this file: the same shape as `IncidentTypeEntry`, but its
 * instruction and seed-situation ids are checked by the compiler against their lists.
 */
interface CatalogueEntry extends IncidentTypeEntry {
  instructions: readonly PreArrivalInstructionId[];
  seedSituations: readonly SeedSituation[];
}

/**
 * [IC7] The Emergency Connect incident-type catalogue: what the call-capture form offers.
 *
 * Each type has a family (for duplicate detection), a default priority, the key questions whose
 * answers raise or lower it ([IC6], see classifyIncident.ts), a response plan (unit kinds and
 * counts; the agencies follow from it, [IC3]), the pre-arrival instruction sets the call-taker
 * reads out (medical and injury types end with `while_you_wait`), and which of the situations the
 * city lists as reasons to call Emergency Connect it covers.
 *
 * Priorities, questions and plans are this project's starting point; EMS, Fire and JMPD operations
 * should confirm them before go-live.
 */
export const INCIDENT_TYPES = {
  // ── Medical ───────────────────────────────────────────────────────────────
  cardiac_arrest: {
    label: 'Cardiac arrest / not breathing',
    family: 'medical',
    priority: 'echo',
    questions: [
      { id: 'breathing_normally', text: 'Is the patient breathing normally?', ifYes: 'delta' },
      { id: 'awake', text: 'Is the patient awake and talking?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'als', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['cpr', 'while_you_wait'],
    seedSituations: ['sudden_collapse', 'heart_attack'],
  },
  chest_pain: {
    label: 'Chest pain / heart attack',
    family: 'medical',
    priority: 'delta',
    questions: [
      { id: 'conscious', text: 'Is the patient conscious?', ifNo: 'echo' },
      { id: 'breathing_normally', text: 'Is the patient breathing normally?', ifNo: 'echo' },
      { id: 'pale_sweating', text: 'Is the patient pale, sweating or short of breath?', ifYes: 'delta' },
      { id: 'pain_gone', text: 'Has the pain gone and does the patient now feel well?', ifYes: 'charlie' },
    ],
    plan: [{ kind: 'als', count: 1 }],
    instructions: ['heart_attack', 'while_you_wait'],
    seedSituations: ['heart_attack'],
  },
  breathing_problem: {
    label: 'Breathing problem / asthma',
    family: 'medical',
    priority: 'delta',
    questions: [
      { id: 'conscious', text: 'Is the patient conscious?', ifNo: 'echo' },
      { id: 'blue_lips', text: 'Are the lips or face turning blue or grey?', ifYes: 'echo' },
      { id: 'full_sentences', text: 'Can the patient speak in full sentences?', ifYes: 'charlie' },
    ],
    plan: [{ kind: 'als', count: 1 }],
    instructions: ['asthma', 'while_you_wait'],
    seedSituations: ['asthma', 'serious_medical_condition'],
  },
  choking: {
    label: 'Choking',
    family: 'medical',
    priority: 'echo',
    questions: [
      { id: 'can_cough', text: 'Can the patient cough, speak or cry?', ifYes: 'delta' },
      { id: 'object_out', text: 'Has the object come out, and is the patient breathing normally?', ifYes: 'charlie' },
    ],
    plan: [{ kind: 'als', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['choking', 'cpr', 'while_you_wait'],
    seedSituations: ['serious_medical_condition'],
  },
  sudden_collapse: {
    label: 'Sudden collapse / unconscious',
    family: 'medical',
    priority: 'delta',
    questions: [
      {
        id: 'breathing_normally',
        text: 'Is the patient breathing normally? (If not, change the type to Cardiac arrest and start CPR.)',
        ifNo: 'echo',
      },
      { id: 'awake_now', text: 'Is the patient now awake and talking?', ifYes: 'charlie' },
      { id: 'diabetic', text: 'Is the patient diabetic, pregnant or recently injured?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'als', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['unconscious_breathing', 'cpr', 'while_you_wait'],
    seedSituations: ['sudden_collapse'],
  },
  stroke: {
    label: 'Stroke (face, arm or speech)',
    family: 'medical',
    priority: 'charlie',
    questions: [
      { id: 'conscious', text: 'Is the patient conscious?', ifNo: 'echo' },
      { id: 'breathing_normally', text: 'Is the patient breathing normally?', ifNo: 'echo' },
      { id: 'started_recently', text: 'Did the symptoms start within the last 4 hours?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'als', count: 1 }],
    instructions: ['stroke', 'unconscious_breathing', 'while_you_wait'],
    seedSituations: ['serious_medical_condition'],
  },
  seizure: {
    label: 'Seizure / fit',
    family: 'medical',
    priority: 'charlie',
    questions: [
      { id: 'still_fitting', text: 'Has the fit lasted more than 5 minutes, or is it happening again?', ifYes: 'delta' },
      { id: 'breathing_after', text: 'Now that the shaking has stopped, is the patient breathing normally?', ifNo: 'echo' },
      { id: 'pregnant_diabetic', text: 'Is the patient pregnant, diabetic, or was the head injured?', ifYes: 'delta' },
      { id: 'known_epileptic', text: 'Is the patient a known epileptic who is now awake?', ifYes: 'bravo' },
    ],
    plan: [{ kind: 'als', count: 1 }],
    instructions: ['seizure', 'unconscious_breathing', 'while_you_wait'],
    seedSituations: ['serious_medical_condition', 'sudden_collapse'],
  },
  poisoning: {
    label: 'Poisoning (swallowed: food, drink, medicine)',
    family: 'medical',
    priority: 'charlie',
    questions: [
      { id: 'conscious', text: 'Is the patient conscious?', ifNo: 'echo' },
      { id: 'breathing_normally', text: 'Is the patient breathing normally?', ifNo: 'echo' },
      { id: 'dangerous_substance', text: 'Was it a chemical, paraffin, pesticide, or an overdose of medicine?', ifYes: 'delta' },
      { id: 'several_ill', text: 'Are several people ill from the same food or drink?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'als', count: 1 }],
    instructions: ['poisoning', 'unconscious_breathing', 'while_you_wait'],
    seedSituations: ['food_poisoning', 'drink_poisoning'],
  },
  childbirth: {
    label: 'Emergency childbirth',
    family: 'medical',
    priority: 'charlie',
    questions: [
      { id: 'birth_imminent', text: 'Can you see the baby\'s head, or does the mother feel she must push?', ifYes: 'delta' },
      { id: 'heavy_bleeding', text: 'Is the mother bleeding heavily?', ifYes: 'echo' },
      { id: 'baby_not_breathing', text: 'Is the baby born and not crying or breathing?', ifYes: 'echo' },
      { id: 'premature', text: 'Is she less than 7 months pregnant?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'als', count: 1 }],
    instructions: ['childbirth', 'while_you_wait'],
    seedSituations: ['emergency_childbirth'],
  },
  medical_emergency: {
    label: 'Serious medical emergency (other)',
    family: 'medical',
    priority: 'delta',
    questions: [
      { id: 'conscious', text: 'Is the patient conscious?', ifNo: 'echo' },
      { id: 'breathing_normally', text: 'Is the patient breathing normally?', ifNo: 'echo' },
      { id: 'alert_stable', text: 'Is the patient alert, breathing normally, with no chest pain and no heavy bleeding?', ifYes: 'charlie' },
    ],
    plan: [{ kind: 'als', count: 1 }],
    instructions: ['unconscious_breathing', 'while_you_wait'],
    seedSituations: ['serious_medical_condition'],
  },

  // ── Injury ────────────────────────────────────────────────────────────────
  injured_person: {
    label: 'Injured person',
    family: 'injury',
    priority: 'charlie',
    questions: [
      { id: 'conscious', text: 'Is the patient conscious?', ifNo: 'echo' },
      { id: 'serious_bleeding', text: 'Is there serious bleeding that will not stop?', ifYes: 'delta' },
      { id: 'minor_only', text: 'Is it a minor injury only, such as a small cut or a sprain?', ifYes: 'alpha' },
    ],
    plan: [{ kind: 'bls', count: 1 }],
    instructions: ['severe_bleeding', 'while_you_wait'],
    seedSituations: ['serious_injuries'],
  },
  fall: {
    label: 'Fall',
    family: 'injury',
    priority: 'bravo',
    questions: [
      { id: 'conscious', text: 'Is the patient conscious?', ifNo: 'echo' },
      { id: 'from_height', text: 'Did the patient fall more than 2 metres (roof, ladder, balcony, stairwell)?', ifYes: 'delta' },
      { id: 'serious_bleeding', text: 'Is there serious bleeding, or a head, neck or back injury?', ifYes: 'delta' },
      { id: 'can_move', text: 'Can the patient move without severe pain?', ifYes: 'alpha' },
    ],
    plan: [{ kind: 'bls', count: 1 }],
    instructions: ['severe_bleeding', 'while_you_wait'],
    seedSituations: ['serious_injuries'],
  },
  burns: {
    label: 'Burns',
    family: 'injury',
    priority: 'charlie',
    questions: [
      { id: 'conscious', text: 'Is the patient conscious?', ifNo: 'echo' },
      { id: 'airway_burns', text: 'Are the face, mouth or throat burnt, or is breathing difficult?', ifYes: 'echo' },
      { id: 'large_area', text: 'Is a large area burnt (bigger than the patient\'s whole arm)?', ifYes: 'delta' },
      { id: 'electrical', text: 'Was the burn caused by electricity or a chemical?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'als', count: 1 }],
    instructions: ['burns', 'while_you_wait'],
    seedSituations: ['serious_burns'],
  },
  drowning: {
    label: 'Drowning',
    family: 'rescue',
    priority: 'echo',
    questions: [
      { id: 'still_in_water', text: 'Is the person still in the water?', ifYes: 'echo' },
      { id: 'breathing_normally', text: 'Is the person out of the water and breathing normally?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'rescue', count: 1 }, { kind: 'als', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['drowning', 'cpr', 'while_you_wait'],
    seedSituations: ['drowning'],
  },

  // ── Traffic ───────────────────────────────────────────────────────────────
  road_accident: {
    label: 'Road accident',
    family: 'traffic',
    priority: 'delta',
    questions: [
      {
        id: 'trapped',
        text: 'Is anyone trapped in a vehicle? (If yes, change the type to Road accident with entrapment.)',
        ifYes: 'echo',
      },
      { id: 'unconscious', text: 'Is anyone unconscious or not breathing normally?', ifYes: 'echo' },
      { id: 'fire_or_fuel', text: 'Is a vehicle on fire or leaking fuel?', ifYes: 'echo' },
      { id: 'anyone_injured', text: 'Is anyone injured?', ifNo: 'bravo' },
    ],
    plan: [{ kind: 'als', count: 1 }, { kind: 'metro_police', count: 1 }],
    instructions: ['severe_bleeding', 'while_you_wait'],
    seedSituations: ['road_accident', 'serious_injuries'],
  },
  road_accident_entrapment: {
    label: 'Road accident with entrapment',
    family: 'traffic',
    priority: 'echo',
    questions: [
      { id: 'fire_or_fuel', text: 'Is a vehicle on fire or leaking fuel?', ifYes: 'echo' },
      { id: 'trapped_awake', text: 'Is every trapped person awake and talking?', ifNo: 'echo' },
      { id: 'freed', text: 'Has everyone now got out of the vehicles?', ifYes: 'delta' },
    ],
    plan: [
      { kind: 'rescue', count: 1 },
      { kind: 'fire_engine', count: 1 },
      { kind: 'als', count: 1 },
      { kind: 'bls', count: 1 },
      { kind: 'metro_police', count: 1 },
    ],
    instructions: ['severe_bleeding', 'while_you_wait'],
    seedSituations: ['road_accident', 'serious_injuries'],
  },
  pedestrian_struck: {
    label: 'Pedestrian or cyclist hit by a vehicle',
    family: 'traffic',
    priority: 'delta',
    questions: [
      { id: 'conscious', text: 'Is the injured person conscious?', ifNo: 'echo' },
      { id: 'under_vehicle', text: 'Is the person trapped under the vehicle?', ifYes: 'echo' },
      { id: 'walking', text: 'Is the person up and walking, with only minor injuries?', ifYes: 'bravo' },
    ],
    plan: [{ kind: 'als', count: 1 }, { kind: 'metro_police', count: 1 }],
    instructions: ['severe_bleeding', 'while_you_wait'],
    seedSituations: ['road_accident', 'serious_injuries'],
  },

  // ── Fire, explosion, hazardous gas ────────────────────────────────────────
  structure_fire: {
    label: 'Building fire',
    family: 'fire',
    priority: 'echo',
    questions: [
      { id: 'people_inside', text: 'Is anyone trapped or still inside?', ifYes: 'echo' },
      { id: 'small_contained', text: 'Is it a small fire that is not spreading (a pot, a bin)?', ifYes: 'charlie' },
      { id: 'fire_out', text: 'Is the fire out, with only smoke left?', ifYes: 'bravo' },
    ],
    plan: [{ kind: 'fire_engine', count: 2 }, { kind: 'rescue', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['fire_escape', 'burns', 'while_you_wait'],
    seedSituations: ['building_fire'],
  },
  // [US5] A tall or large building needs the aerial ladder to reach and cover it, and an officer to command.
  high_rise_fire: {
    label: 'High-rise or large building fire (flats, offices, factory, mall)',
    family: 'fire',
    priority: 'echo',
    questions: [
      { id: 'people_trapped', text: 'Is anyone trapped, or still inside above the ground floor?', ifYes: 'echo' },
      { id: 'small_contained', text: 'Is it a small fire in one room that is not spreading?', ifYes: 'delta' },
      { id: 'fire_out', text: 'Is the fire out, with only smoke left?', ifYes: 'charlie' },
    ],
    plan: [
      { kind: 'fire_engine', count: 2 },
      { kind: 'aerial_ladder', count: 1 },
      { kind: 'rescue', count: 1 },
      { kind: 'command', count: 1 },
      { kind: 'als', count: 1 },
      { kind: 'bls', count: 1 },
    ],
    instructions: ['fire_escape', 'burns', 'while_you_wait'],
    seedSituations: ['building_fire'],
  },
  vehicle_fire: {
    label: 'Vehicle fire',
    family: 'fire',
    priority: 'charlie',
    questions: [
      { id: 'people_inside', text: 'Is anyone inside or trapped in the vehicle?', ifYes: 'echo' },
      { id: 'near_building', text: 'Is the vehicle next to a building or at a fuel station?', ifYes: 'delta' },
      { id: 'large_vehicle', text: 'Is it a bus, truck or tanker?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'fire_engine', count: 1 }],
    instructions: ['fire_escape', 'burns'],
    seedSituations: ['vehicle_fire'],
  },
  veld_fire: {
    label: 'Veld or grass fire',
    family: 'fire',
    priority: 'bravo',
    questions: [
      { id: 'people_in_danger', text: 'Is anyone trapped, injured or surrounded by the fire?', ifYes: 'echo' },
      { id: 'near_homes', text: 'Is the fire close to homes, an informal settlement or other buildings?', ifYes: 'delta' },
      { id: 'small', text: 'Is it a small fire, smaller than a car, and not spreading?', ifYes: 'alpha' },
    ],
    plan: [{ kind: 'fire_engine', count: 1 }],
    instructions: ['fire_escape'],
    seedSituations: ['natural_disaster_fire'],
  },
  explosion: {
    label: 'Explosion (building or vehicle)',
    family: 'fire',
    priority: 'echo',
    questions: [
      { id: 'injured_or_trapped', text: 'Is anyone injured or trapped?', ifYes: 'echo' },
      { id: 'fire_or_gas', text: 'Is there still fire, or a smell of gas?', ifYes: 'echo' },
      { id: 'minor', text: 'Was it a small bang with no damage and nobody hurt?', ifYes: 'charlie' },
    ],
    plan: [
      { kind: 'fire_engine', count: 2 },
      { kind: 'rescue', count: 1 },
      { kind: 'command', count: 1 },
      { kind: 'als', count: 1 },
      { kind: 'bls', count: 1 },
      { kind: 'metro_police', count: 1 },
    ],
    instructions: ['fire_escape', 'gas_leak', 'while_you_wait'],
    seedSituations: ['building_explosion', 'vehicle_explosion'],
  },
  gas_leak: {
    label: 'Gas leak / gas poisoning',
    family: 'hazmat',
    priority: 'delta',
    questions: [
      { id: 'anyone_ill', text: 'Is anyone unconscious, dizzy or ill from the gas?', ifYes: 'echo' },
      { id: 'anyone_inside', text: 'Is anyone still inside and unable to get out?', ifYes: 'echo' },
      { id: 'outdoors_only', text: 'Is it only a smell outdoors, with nobody ill?', ifYes: 'charlie' },
    ],
    plan: [{ kind: 'hazmat', count: 1 }, { kind: 'fire_engine', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['gas_leak', 'unconscious_breathing', 'while_you_wait'],
    seedSituations: ['gas_poisoning'],
  },

  // ── Flood, storm, disaster ────────────────────────────────────────────────
  building_flood: {
    label: 'Flooding in a building',
    family: 'rescue',
    priority: 'bravo',
    questions: [
      {
        id: 'people_trapped',
        text: 'Is anyone trapped by the water? (If yes, change the type to Flood rescue.)',
        ifYes: 'echo',
      },
      { id: 'electrical', text: 'Is the water near electrical sockets, wiring or the distribution board?', ifYes: 'delta' },
      { id: 'rising', text: 'Is the water still rising?', ifYes: 'charlie' },
    ],
    plan: [{ kind: 'rescue', count: 1 }],
    instructions: ['flood'],
    seedSituations: ['building_flood'],
  },
  flood_rescue: {
    label: 'Flood rescue (people or vehicle in water)',
    family: 'rescue',
    priority: 'delta',
    questions: [
      { id: 'swept_away', text: 'Is someone in moving water or being swept away?', ifYes: 'echo' },
      { id: 'stranded_rising', text: 'Is anyone stranded on a roof or vehicle with the water rising?', ifYes: 'echo' },
      { id: 'all_safe', text: 'Is everyone out of the water and on safe ground?', ifYes: 'charlie' },
    ],
    plan: [{ kind: 'rescue', count: 1 }, { kind: 'fire_engine', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['flood', 'drowning', 'while_you_wait'],
    seedSituations: ['vehicle_flood', 'building_flood', 'natural_disaster_flood'],
  },
  storm_damage: {
    label: 'Storm damage (roof, trees, power lines)',
    family: 'rescue',
    priority: 'charlie',
    questions: [
      { id: 'people_trapped', text: 'Is anyone trapped under a fallen roof, wall or tree?', ifYes: 'echo' },
      { id: 'anyone_injured', text: 'Is anyone injured?', ifYes: 'delta' },
      { id: 'power_lines', text: 'Are power lines down near people or homes?', ifYes: 'delta' },
      { id: 'property_only', text: 'Is it damage to property only, with nobody in danger?', ifYes: 'alpha' },
    ],
    plan: [{ kind: 'rescue', count: 1 }, { kind: 'fire_engine', count: 1 }],
    instructions: ['storm', 'while_you_wait'],
    seedSituations: ['natural_disaster_storm'],
  },
  natural_disaster: {
    label: 'Major natural disaster (widespread fire, flood or storm)',
    family: 'disaster',
    priority: 'echo',
    questions: [
      { id: 'people_missing', text: 'Are people trapped, missing or swept away?', ifYes: 'echo' },
      { id: 'many_homes', text: 'Are many homes or an informal settlement affected?', ifYes: 'echo' },
      { id: 'single_property', text: 'Is it limited to one property, with nobody hurt or trapped?', ifYes: 'delta' },
    ],
    plan: [
      { kind: 'fire_engine', count: 2 },
      { kind: 'rescue', count: 2 },
      { kind: 'command', count: 1 },
      { kind: 'bls', count: 2 },
      { kind: 'als', count: 1 },
      { kind: 'metro_police', count: 2 },
    ],
    instructions: ['flood', 'storm', 'fire_escape', 'while_you_wait'],
    seedSituations: ['natural_disaster_fire', 'natural_disaster_flood', 'natural_disaster_storm'],
  },

  // ── Crime ─────────────────────────────────────────────────────────────────
  crime_in_progress: {
    label: 'Hijacking / armed robbery in progress',
    family: 'crime',
    priority: 'delta',
    questions: [
      { id: 'shots_fired', text: 'Have shots been fired?', ifYes: 'echo' },
      { id: 'anyone_injured', text: 'Is anyone injured?', ifYes: 'echo' },
      { id: 'suspect_on_scene', text: 'Is the suspect still on the scene?', ifNo: 'charlie' },
    ],
    plan: [{ kind: 'metro_police', count: 2 }, { kind: 'bls', count: 1 }],
    instructions: ['crime_safety', 'while_you_wait'],
    seedSituations: ['car_hijacking', 'armed_robbery'],
  },
  hijacking: {
    label: 'Car hijacking',
    family: 'crime',
    priority: 'delta',
    questions: [
      { id: 'suspect_on_scene', text: 'Is the suspect still on the scene?', ifYes: 'echo', ifNo: 'charlie' },
      { id: 'anyone_injured', text: 'Is anyone injured?', ifYes: 'echo' },
      { id: 'person_taken', text: 'Was anyone (a child, a passenger) taken with the vehicle?', ifYes: 'echo' },
    ],
    plan: [{ kind: 'metro_police', count: 2 }, { kind: 'bls', count: 1 }],
    instructions: ['crime_safety', 'while_you_wait'],
    seedSituations: ['car_hijacking'],
  },
  armed_robbery: {
    label: 'Armed robbery',
    family: 'crime',
    priority: 'delta',
    questions: [
      { id: 'suspect_on_scene', text: 'Is the suspect still on the scene?', ifYes: 'echo', ifNo: 'charlie' },
      { id: 'anyone_injured', text: 'Is anyone injured?', ifYes: 'echo' },
      { id: 'shots_fired', text: 'Have shots been fired?', ifYes: 'echo' },
    ],
    plan: [{ kind: 'metro_police', count: 2 }, { kind: 'bls', count: 1 }],
    instructions: ['crime_safety', 'while_you_wait'],
    seedSituations: ['armed_robbery'],
  },
  theft: {
    label: 'Theft',
    family: 'crime',
    priority: 'bravo',
    questions: [
      { id: 'happening_now', text: 'Is it happening now?', ifYes: 'charlie', ifNo: 'alpha' },
      {
        id: 'armed_or_threatening',
        text: 'Is the thief armed or threatening anyone? (If yes, change the type to Armed robbery.)',
        ifYes: 'delta',
      },
      { id: 'anyone_injured', text: 'Is anyone injured?', ifYes: 'delta' },
    ],
    plan: [{ kind: 'metro_police', count: 1 }],
    instructions: ['crime_safety'],
    seedSituations: ['theft'],
  },

  // ── Violence ──────────────────────────────────────────────────────────────
  murder: {
    label: 'Murder / body found with signs of violence',
    family: 'violence',
    priority: 'delta',
    questions: [
      { id: 'suspect_on_scene', text: 'Is the suspect still on the scene?', ifYes: 'echo' },
      { id: 'victim_alive', text: 'Could the victim still be alive (breathing, moving, making sounds)?', ifYes: 'echo' },
    ],
    plan: [{ kind: 'metro_police', count: 2 }, { kind: 'als', count: 1 }],
    instructions: ['crime_safety', 'cpr', 'while_you_wait'],
    seedSituations: ['murder'],
  },
  shooting_stabbing: {
    label: 'Shooting or stabbing',
    family: 'violence',
    priority: 'echo',
    questions: [
      { id: 'suspect_on_scene', text: 'Is the suspect still on the scene?', ifYes: 'echo' },
      { id: 'awake_breathing', text: 'Is the victim awake and breathing normally?', ifYes: 'delta' },
      { id: 'minor_wound', text: 'Is it only a minor wound to an arm or leg, with little bleeding?', ifYes: 'charlie' },
    ],
    plan: [{ kind: 'metro_police', count: 2 }, { kind: 'als', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['crime_safety', 'severe_bleeding', 'while_you_wait'],
    seedSituations: ['murder', 'serious_injuries'],
  },
  assault: {
    label: 'Assault',
    family: 'violence',
    priority: 'charlie',
    questions: [
      { id: 'unconscious_or_bleeding', text: 'Is the victim unconscious or bleeding heavily?', ifYes: 'echo' },
      { id: 'suspect_on_scene', text: 'Is the suspect still on the scene?', ifYes: 'delta' },
      { id: 'weapon', text: 'Was a weapon (gun, knife, panga) used?', ifYes: 'delta' },
      { id: 'minor_injuries', text: 'Are the injuries minor only?', ifYes: 'bravo' },
    ],
    plan: [{ kind: 'metro_police', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['crime_safety', 'severe_bleeding', 'while_you_wait'],
    seedSituations: ['serious_injuries'],
  },
  child_abuse: {
    label: 'Abuse of a child (sexual or physical)',
    family: 'violence',
    priority: 'charlie',
    questions: [
      { id: 'seriously_hurt', text: 'Is the child unconscious, bleeding heavily or badly hurt?', ifYes: 'echo' },
      { id: 'abuser_present', text: 'Is the abuser still with the child or nearby?', ifYes: 'delta' },
      { id: 'child_injured', text: 'Is the child injured?', ifYes: 'delta' },
      { id: 'child_safe', text: 'Is the child now safe with a trusted adult, away from the abuser?', ifYes: 'bravo' },
    ],
    plan: [{ kind: 'metro_police', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['abuse_safety', 'while_you_wait'],
    seedSituations: ['child_abuse'],
  },
  abuse_of_women: {
    label: 'Abuse of a woman / gender-based violence',
    family: 'violence',
    priority: 'charlie',
    questions: [
      { id: 'seriously_hurt', text: 'Is she unconscious, bleeding heavily or badly hurt?', ifYes: 'echo' },
      { id: 'abuser_present', text: 'Is the abuser still there or nearby?', ifYes: 'delta' },
      { id: 'weapon', text: 'Does the abuser have a weapon, or has one been used?', ifYes: 'delta' },
      { id: 'victim_safe', text: 'Is she now safe with someone she trusts, away from the abuser?', ifYes: 'bravo' },
    ],
    plan: [{ kind: 'metro_police', count: 1 }, { kind: 'bls', count: 1 }],
    instructions: ['abuse_safety', 'while_you_wait'],
    seedSituations: ['abuse_of_women'],
  },
} as const satisfies Record<string, CatalogueEntry>;

export type IncidentTypeId = keyof typeof INCIDENT_TYPES;
export const INCIDENT_TYPE_IDS = Object.keys(INCIDENT_TYPES) as [IncidentTypeId, ...IncidentTypeId[]];
export const IncidentTypeIdSchema = z.enum(INCIDENT_TYPE_IDS);

/** Looks up a catalogue entry; the id has already been validated by its schema. */
export function incidentType(id: IncidentTypeId): IncidentTypeEntry {
  return INCIDENT_TYPES[id];
}

/** [IC3] The agencies an incident goes to: every agency owning a unit kind in its plan. */
export function agenciesForPlan(plan: readonly ResponsePlanLine[]): Agency[] {
  const agencies = new Set<Agency>(plan.map((line) => UNIT_KIND_AGENCY[line.kind]));
  return [...agencies];
}
