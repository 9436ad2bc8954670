import type { IncidentFamily, PatientPlace, PreArrivalInstruction } from './catalogueTypes.ts';

/**
 * Pre-arrival instructions: short numbered steps, in plain words, that a call-taker reads out to
 * the caller while help is on the way. The wording is this project's own (not any proprietary
 * protocol's) and follows general public first-aid advice.
 *
 * These instructions must be reviewed and approved by the City of Johannesburg's EMS medical
 * director before they are used on live calls.
 *
 * Ids are referenced by `IncidentTypeEntry.instructions`; every medical or injury type ends with
 * `while_you_wait`, the city's own advice for callers waiting for help.
 */
export const PRE_ARRIVAL_INSTRUCTIONS = {
  cpr: {
    title: 'Hands-only CPR (adult)',
    steps: [
      'Lay the patient flat on their back on the floor or another hard surface.',
      'Kneel beside their chest. Put the heel of one hand in the centre of the chest, on the breastbone, and your other hand on top.',
      'Keep your arms straight and push down hard and fast, about 5 cm deep, then let the chest come all the way back up.',
      'Push at 100 to 120 a minute — about two pushes a second. Count out loud with me: one, two, three, four… up to thirty, then start again at one.',
      'Do not stop until help arrives and takes over, or the patient starts breathing normally.',
      'If you get tired, swap with someone else without stopping for more than a few seconds.',
      'If someone can bring an AED (defibrillator), switch it on and do what it says; keep pushing until it tells you to stop.',
    ],
  },
  choking: {
    title: 'Choking',
    steps: [
      'Ask the patient: "Are you choking?" If they can cough or speak, tell them to keep coughing hard.',
      'If they cannot cough, speak or breathe: stand behind them and lean them forward.',
      'Give up to 5 firm blows between the shoulder blades with the heel of your hand.',
      'If that does not work: put your arms around their waist, make a fist above the belly button, cover it with your other hand and pull sharply in and up, up to 5 times.',
      'Keep switching between 5 back blows and 5 pulls until the object comes out.',
      'If they become unconscious, lay them on the floor and start CPR — I will talk you through it.',
    ],
  },
  severe_bleeding: {
    title: 'Severe bleeding',
    steps: [
      'If you can, put on gloves or put a plastic bag over your hand.',
      'Press hard directly on the wound with a clean cloth or towel.',
      'Keep pressing without lifting to look. If blood soaks through, put more cloth on top and keep pressing.',
      'If the wound is on an arm or leg and nothing seems broken, raise it above the level of the heart.',
      'Keep the patient lying down and warm, and tell me if they become drowsy, pale or cold.',
    ],
  },
  burns: {
    title: 'Burns',
    steps: [
      'Make sure the fire is out and you are safe. If clothes are burning: stop, drop and roll.',
      'Cool the burn under cool running water for 20 minutes.',
      'Do not put ice, butter, oil, toothpaste or any cream on the burn.',
      'Take off rings, watches, jewellery and tight clothing near the burn before it swells — unless they are stuck to the skin.',
      'After cooling, cover the burn loosely with cling film or a clean plastic bag. Do not wrap it tightly.',
      'Keep the rest of the patient warm with a blanket.',
    ],
  },
  childbirth: {
    title: 'Emergency childbirth',
    steps: [
      'Help the mother lie on her back with her knees bent, or in whatever position she finds comfortable, on clean towels or sheets.',
      'Wash your hands. Do not try to hold the baby back or delay the birth.',
      'When the head comes out, support it gently. Do not pull on the baby.',
      'When the baby is out, dry it with a clean towel, put it skin-to-skin on the mother\'s chest and cover them both to keep the baby warm.',
      'If the baby is not crying or breathing, rub its back firmly with the towel and tell me at once.',
      'Do not pull on the cord and do not cut it. Leave the afterbirth to come by itself.',
    ],
  },
  drowning: {
    title: 'Drowning',
    steps: [
      'Do not go into the water unless you are trained to rescue. Throw a rope, a pole, a float or anything that floats.',
      'Once the person is out of the water, lay them on their back on a firm surface.',
      'Check if they are breathing normally. If they are, turn them on their side and keep them warm.',
      'If they are not breathing: if you know how, tilt the head back, lift the chin, pinch the nose and give 5 breaths into the mouth.',
      'Then start CPR — push hard and fast in the centre of the chest. I will count with you.',
      'Water may come out of the mouth: turn the head to the side, clear it, and carry on.',
    ],
  },
  poisoning: {
    title: 'Poisoning (swallowed)',
    steps: [
      'Tell me what they swallowed, how much, and when.',
      'Keep the container, packet, bottle or leftover food so you can show the ambulance crew.',
      'Do not make the patient vomit and do not give them anything to eat or drink unless I tell you to.',
      'If there is poison on the skin or in the eyes, rinse it with plenty of running water.',
      'If they become drowsy or unconscious but are breathing, turn them on their side.',
      'If the poisoning is from gas or fumes, get everyone out into the fresh air — do not switch lights on or off and do not light anything.',
    ],
  },
  gas_leak: {
    title: 'Gas leak or gas poisoning',
    steps: [
      'Get everyone out of the building into the fresh air now, and keep them upwind.',
      'Do not switch any lights or appliances on or off, do not use a lighter or matches, and do not smoke.',
      'If it is safe and quick, turn off the gas at the cylinder or the meter on your way out. Leave doors open behind you.',
      'Do not use your phone inside the building; call back from outside if we are cut off.',
      'Do not go back in for anything. Tell me if anyone is still inside, or has a headache, dizziness or is unconscious.',
    ],
  },
  asthma: {
    title: 'Asthma attack',
    steps: [
      'Help the patient sit upright, leaning slightly forward. Do not let them lie down.',
      'If they have an inhaler (usually blue), help them take it: one puff at a time, up to 4 puffs, with a spacer if they have one.',
      'If there is no improvement, they can take one puff every minute, up to 10 puffs.',
      'Loosen tight clothing, stay calm and talk to them quietly so they breathe slowly.',
      'Tell me at once if their lips go blue, they cannot speak, or they become drowsy.',
    ],
  },
  seizure: {
    title: 'Seizure (fit)',
    steps: [
      'Do not hold the patient down and do not put anything in their mouth.',
      'Move hard or sharp objects away and put something soft under their head.',
      'Note the time the fit started; tell me if it lasts more than 5 minutes.',
      'When the shaking stops, turn them on their side so they can breathe easily.',
      'Stay with them; they may be confused and sleepy for a while.',
    ],
  },
  heart_attack: {
    title: 'Chest pain / possible heart attack',
    steps: [
      'Help the patient sit down and rest in the position they find most comfortable — often sitting up, leaning back.',
      'Loosen tight clothing at the neck, chest and waist.',
      'Do not let them walk around or exert themselves.',
      'If they have their own chest-pain medicine (a spray or tablet under the tongue), they may take it as their doctor prescribed.',
      'If the patient is not allergic to aspirin and the call-taker\'s protocol allows, they may chew one adult aspirin (300 mg).',
      'If they become unconscious and stop breathing normally, tell me at once — we will start CPR.',
    ],
  },
  unconscious_breathing: {
    title: 'Unconscious but breathing (recovery position)',
    steps: [
      'Check again that they are breathing normally: watch the chest rise and fall for up to 10 seconds.',
      'Kneel beside them. Put the arm nearest you out at a right angle.',
      'Put their other hand against their cheek, bend their far knee up, and pull on the knee to roll them towards you onto their side.',
      'Tilt the head back a little so the airway stays open and anything in the mouth can drain out.',
      'Stay with them and tell me at once if the breathing changes or stops.',
    ],
  },
  stroke: {
    title: 'Possible stroke (FAST)',
    steps: [
      'Face: ask them to smile. Does one side of the face droop?',
      'Arms: ask them to lift both arms. Does one arm drift down or not move?',
      'Speech: ask them to say a simple sentence. Is their speech slurred or strange?',
      'Time: tell me when they were last seen well — the exact time matters to the hospital.',
      'Do not give them anything to eat or drink. If they become drowsy, turn them on their side.',
    ],
  },
  fire_escape: {
    title: 'Fire: get out, stay out',
    steps: [
      'Get everyone out now. Do not stop to collect belongings.',
      'Close doors behind you to slow the fire and smoke.',
      'If there is smoke, stay low — crawl under it where the air is cleaner.',
      'Feel a door with the back of your hand before opening it; if it is hot, use another way out.',
      'If you are trapped, close the door, put wet cloths along the gap and go to a window to signal.',
      'Once out, stay out. Do not go back in for anyone or anything; tell me and the fire crew who is missing.',
    ],
  },
  flood: {
    title: 'Flood',
    steps: [
      'Move to higher ground now — upstairs, onto a roof, or to a higher part of the area.',
      'Do not walk, swim or drive through moving water. Fifteen centimetres of fast water can knock you over; thirty can float a car.',
      'If your car is in rising water and you can get out safely, leave it and move to higher ground.',
      'Switch off electricity at the main switch only if you can do it without standing in water.',
      'Stay away from drains, rivers, stormwater channels and fallen power lines.',
    ],
  },
  storm: {
    title: 'Storm damage',
    steps: [
      'Stay indoors, away from windows, in the strongest part of the building.',
      'Stay at least 10 metres away from fallen power lines and anything touching them — treat every wire as live.',
      'Do not shelter under trees or in a damaged building that may collapse.',
      'If the roof or walls are coming down, move everyone to a safe part of the building or outside away from it.',
      'Tell me if anyone is trapped or injured.',
    ],
  },
  crime_safety: {
    title: 'Your safety during a crime',
    steps: [
      'Your safety comes first. Do not confront, follow or try to stop the suspects.',
      'If you can, get to a safe place and lock the door. Stay on the line with me.',
      'Quietly note what you can: how many people, what they look like and wear, any weapons, the vehicle make, colour and registration, and which way they went.',
      'Do not touch or move anything at the scene — the police need it as evidence.',
      'If anyone is hurt, tell me and I will help you look after them.',
    ],
  },
  abuse_safety: {
    title: 'Abuse: keeping the victim safe',
    steps: [
      'Your safety and the victim\'s safety come first. Do not confront the abuser.',
      'If you can, take the victim to a safe place, away from the abuser, and lock the door.',
      'Keep the child or woman with a person she trusts until the police arrive.',
      'If there was sexual abuse, do not let the victim wash, bath, change clothes or go to the toilet if it can wait — keep any clothing in a paper bag. This preserves evidence.',
      'Do not clean up the scene. Tell me if the victim is injured.',
    ],
  },
  while_you_wait: {
    title: 'While you wait for help',
    steps: [
      'Do not move the injured person unless they are in danger where they are.',
      'Keep the patient warm and comfortable — cover them with a blanket or jacket.',
      'Calm any children by talking to them gently. Ask unhurt people to help keep everyone safe.',
      'Keep this phone line free — we may call you back. Call again at once if anything changes.',
    ],
    byPlace: {
      home: ['Make it easy for us to find you: switch on outside lights, send someone to the gate or road to wave us in, and lock pets away.'],
      building: ['Send someone to the main entrance to meet us and bring us up; tell security we are coming, and keep a lift free if there is one.'],
      road: [
        'Stay off the road: wait behind the barrier or well away from the traffic, never between vehicles.',
        'Switch on the hazard lights of the vehicles involved and, if it is safe, put out a warning triangle well before the scene.',
        'Tell me the road, the direction of travel and the nearest off-ramp, bridge or kilometre marker, so that we come the right way.',
      ],
      outdoors: ['Send someone to the nearest road or landmark to wave us in, and keep this phone\'s location on; at night use a torch or a phone light so that we can see you.'],
    },
  },
} as const satisfies Record<string, PreArrivalInstruction>;

export type PreArrivalInstructionId = keyof typeof PRE_ARRIVAL_INSTRUCTIONS;
export const PRE_ARRIVAL_INSTRUCTION_IDS = Object.keys(PRE_ARRIVAL_INSTRUCTIONS) as [PreArrivalInstructionId, ...PreArrivalInstructionId[]];

/**
 * [PA1] Where a patient of a type most likely is, before the call-taker says otherwise: on the road for traffic
 * incidents, outdoors for veld fires, floods, drownings and disasters, in a building for building fires (high-rise
 * ones too), at home for the rest.
 */
export function defaultPlace(family: IncidentFamily, type: string): PatientPlace {
  if (family === 'traffic') return 'road';
  if (family === 'disaster' || type === 'veld_fire' || type === 'flood_rescue' || type === 'drowning') return 'outdoors';
  if (type === 'structure_fire' || type === 'high_rise_fire' || type === 'building_flood') return 'building';
  return 'home';
}

/** [PA1] The steps of a set for a place: those that fit everywhere, then the place's own. */
export function stepsFor(set: PreArrivalInstruction, place: PatientPlace): readonly string[] {
  return [...set.steps, ...(set.byPlace?.[place] ?? [])];
}

/** Type guard for an instruction id (catalogue entries store ids as strings). */
export function isPreArrivalInstructionId(value: string): value is PreArrivalInstructionId {
  return Object.prototype.hasOwnProperty.call(PRE_ARRIVAL_INSTRUCTIONS, value);
}
