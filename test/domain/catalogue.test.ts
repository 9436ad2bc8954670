import { describe, expect, it } from 'vitest';
import { INCIDENT_FAMILIES } from '../../shared/incidents/catalogueTypes.ts';
import {
  INCIDENT_TYPES,
  INCIDENT_TYPE_IDS,
  IncidentTypeIdSchema,
  agenciesForPlan,
  incidentType,
} from '../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../shared/incidents/incidentTypes.ts';
import { PRE_ARRIVAL_INSTRUCTIONS } from '../../shared/incidents/preArrivalInstructions.ts';
import { PRIORITY_LEVELS } from '../../shared/incidents/priority.ts';
import { SEED_SITUATIONS, SEED_SITUATION_LABELS } from '../../shared/incidents/seedSituations.ts';
import { UNIT_KIND_AGENCY, UNIT_KINDS } from '../../shared/units/unitKinds.ts';

const KEPT_IDS: IncidentTypeId[] = [
  'cardiac_arrest',
  'medical_emergency',
  'injured_person',
  'road_accident',
  'road_accident_entrapment',
  'structure_fire',
  'vehicle_fire',
  'veld_fire',
  'crime_in_progress',
  'assault',
];

function countOf(id: IncidentTypeId, kind: (typeof UNIT_KINDS)[number]): number {
  return incidentType(id)
    .plan.filter((line) => line.kind === kind)
    .reduce((sum, line) => sum + line.count, 0);
}

describe('[IC7] incident-type catalogue', () => {
  it('[IC7] every situation the city lists as a reason to call is covered by at least one type', () => {
    const covered = new Set(INCIDENT_TYPE_IDS.flatMap((id) => incidentType(id).seedSituations));
    const missing = SEED_SITUATIONS.filter((s) => !covered.has(s));
    expect(missing).toEqual([]);
    for (const situation of SEED_SITUATIONS) expect(SEED_SITUATION_LABELS[situation].length).toBeGreaterThan(0);
  });

  it('[IC7] names only known seed situations', () => {
    const known = new Set<string>(SEED_SITUATIONS);
    for (const id of INCIDENT_TYPE_IDS) {
      for (const s of incidentType(id).seedSituations) expect(known.has(s), `${id}: ${s}`).toBe(true);
    }
  });

  it('[IC7] keeps the ids existing code and tests use', () => {
    for (const id of KEPT_IDS) {
      expect(INCIDENT_TYPE_IDS).toContain(id);
      expect(IncidentTypeIdSchema.safeParse(id).success).toBe(true);
    }
    expect(IncidentTypeIdSchema.safeParse('not_a_type').success).toBe(false);
  });

  it.each(INCIDENT_TYPE_IDS)('[IC7] %s is complete', (id) => {
    const entry = incidentType(id);
    expect(entry.label.trim().length).toBeGreaterThan(0);
    expect(INCIDENT_FAMILIES).toContain(entry.family);
    expect(PRIORITY_LEVELS).toContain(entry.priority);

    expect(entry.questions.length).toBeGreaterThanOrEqual(1);
    expect(entry.questions.length).toBeLessThanOrEqual(4);
    const questionIds = entry.questions.map((q) => q.id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    for (const q of entry.questions) {
      expect(q.id).toMatch(/^[a-z0-9_]{1,40}$/);
      expect(q.text.trim().length).toBeGreaterThan(0);
      expect(q.ifYes !== undefined || q.ifNo !== undefined, `${id}.${q.id} moves nothing`).toBe(true);
      if (q.ifYes !== undefined) expect(PRIORITY_LEVELS).toContain(q.ifYes);
      if (q.ifNo !== undefined) expect(PRIORITY_LEVELS).toContain(q.ifNo);
    }

    expect(entry.plan.length).toBeGreaterThan(0);
    for (const line of entry.plan) {
      expect(UNIT_KINDS).toContain(line.kind);
      expect(Number.isInteger(line.count)).toBe(true);
      expect(line.count).toBeGreaterThan(0);
    }
    expect(new Set(entry.plan.map((l) => l.kind)).size).toBe(entry.plan.length);

    expect(entry.instructions.length).toBeGreaterThan(0);
    for (const instructionId of entry.instructions) {
      expect(Object.keys(PRE_ARRIVAL_INSTRUCTIONS), `${id}: ${instructionId}`).toContain(instructionId);
    }
    if (entry.family === 'medical' || entry.family === 'injury') {
      expect(entry.instructions.at(-1)).toBe('while_you_wait');
    }
    expect(entry.seedSituations.length).toBeGreaterThan(0);
  });

  it('[IC7] every pre-arrival instruction set has a title and at least 3 plain steps', () => {
    for (const [id, set] of Object.entries(PRE_ARRIVAL_INSTRUCTIONS)) {
      expect(set.title.trim().length, id).toBeGreaterThan(0);
      expect(set.steps.length, id).toBeGreaterThanOrEqual(3);
      for (const step of set.steps) expect(step.trim().length, id).toBeGreaterThan(0);
    }
  });

  it('[IC7] the city\'s while-you-wait advice and the key safety points are there', () => {
    const text = (id: keyof typeof PRE_ARRIVAL_INSTRUCTIONS): string => PRE_ARRIVAL_INSTRUCTIONS[id].steps.join(' ').toLowerCase();
    expect(text('while_you_wait')).toMatch(/do not move the injured/);
    expect(text('while_you_wait')).toMatch(/warm/);
    expect(text('while_you_wait')).toMatch(/children/);
    // The city's "switch on outside lights" is for a home; a road gets hazard lights instead. [PA1]
    expect(PRE_ARRIVAL_INSTRUCTIONS.while_you_wait.byPlace.home.join(' ').toLowerCase()).toMatch(/outside lights/);
    expect(PRE_ARRIVAL_INSTRUCTIONS.while_you_wait.byPlace.road.join(' ').toLowerCase()).toMatch(/hazard lights/);
    expect(text('cpr')).toMatch(/100 to 120/);
    expect(text('cpr')).toMatch(/aed/);
    expect(text('burns')).toMatch(/20 minutes/);
    expect(text('burns')).toMatch(/ice/);
    expect(text('childbirth')).toMatch(/do not pull on the cord/);
    expect(text('drowning')).toMatch(/do not go into the water/);
    expect(text('poisoning')).toMatch(/do not make the patient vomit/);
    expect(text('heart_attack')).toMatch(/not allergic.*protocol allows/);
    expect(text('abuse_safety')).toMatch(/do not confront/);
    expect(text('abuse_safety')).toMatch(/wash/);
    expect(text('crime_safety')).toMatch(/registration/);
  });

  it('[IC7] a building fire sends engines, a rescue vehicle and an ambulance', () => {
    expect(countOf('structure_fire', 'fire_engine')).toBe(2);
    expect(countOf('structure_fire', 'rescue')).toBe(1);
    expect(countOf('structure_fire', 'bls') + countOf('structure_fire', 'als')).toBeGreaterThanOrEqual(1);
    expect(new Set(agenciesForPlan(INCIDENT_TYPES.structure_fire.plan))).toEqual(new Set(['fire', 'ems']));
  });

  it('[US5] a high-rise or large building fire adds an aerial ladder and a command vehicle to the building-fire response', () => {
    expect(countOf('high_rise_fire', 'aerial_ladder')).toBe(1);
    expect(countOf('high_rise_fire', 'command')).toBe(1);
    expect(countOf('high_rise_fire', 'fire_engine')).toBeGreaterThanOrEqual(countOf('structure_fire', 'fire_engine'));
    expect(countOf('high_rise_fire', 'rescue')).toBe(1);
    expect(INCIDENT_TYPES.high_rise_fire.family).toBe('fire');
    expect(incidentType('high_rise_fire').seedSituations).toContain('building_fire');
    // An ordinary building fire (a house, a shack) sends no ladder.
    expect(countOf('structure_fire', 'aerial_ladder')).toBe(0);
  });

  it('[US5] a gas leak sends a hazmat unit with an engine; explosions and disasters get a command vehicle', () => {
    expect(countOf('gas_leak', 'hazmat')).toBe(1);
    expect(countOf('gas_leak', 'fire_engine')).toBe(1);
    for (const id of ['explosion', 'natural_disaster', 'high_rise_fire'] as const) expect(countOf(id, 'command'), id).toBe(1);
  });

  it('[US5][IC3] the new kinds are Fire & Rescue\'s, so they bring in no new desk: every plan with one already has a fire engine', () => {
    for (const kind of ['aerial_ladder', 'hazmat', 'command'] as const) expect(UNIT_KIND_AGENCY[kind]).toBe('fire');
    const users = INCIDENT_TYPE_IDS.filter((id) => incidentType(id).plan.some((line) => ['aerial_ladder', 'hazmat', 'command'].includes(line.kind)));
    expect([...users].sort()).toEqual(['explosion', 'gas_leak', 'high_rise_fire', 'natural_disaster']);
    for (const id of users) expect(countOf(id, 'fire_engine'), id).toBeGreaterThan(0);
    expect(new Set(agenciesForPlan(INCIDENT_TYPES.high_rise_fire.plan))).toEqual(new Set(['fire', 'ems']));
  });

  it('[IC7] a hijacking in progress sends metro police and a standby ambulance', () => {
    for (const id of ['crime_in_progress', 'hijacking'] as const) {
      expect(countOf(id, 'metro_police')).toBe(2);
      expect(countOf(id, 'bls')).toBe(1);
      expect(new Set(agenciesForPlan(incidentType(id).plan))).toEqual(new Set(['metro_police', 'ems']));
    }
  });

  it('[IC7][IC3] agencies follow from the plan', () => {
    expect(new Set(agenciesForPlan(INCIDENT_TYPES.road_accident_entrapment.plan))).toEqual(new Set(['ems', 'fire', 'metro_police']));
    expect(agenciesForPlan(INCIDENT_TYPES.theft.plan)).toEqual(['metro_police']);
    expect(agenciesForPlan(INCIDENT_TYPES.gas_leak.plan).sort()).toEqual(['ems', 'fire']);
    expect(new Set(agenciesForPlan(INCIDENT_TYPES.natural_disaster.plan))).toEqual(new Set(['ems', 'fire', 'metro_police']));
    expect(agenciesForPlan([])).toEqual([]);
  });

  it('[IC7] urgent types outrank their milder sub-types', () => {
    expect(INCIDENT_TYPES.cardiac_arrest.priority).toBe('echo');
    expect(INCIDENT_TYPES.chest_pain.priority).toBe('delta');
    expect(INCIDENT_TYPES.road_accident_entrapment.priority).toBe('echo');
    expect(INCIDENT_TYPES.road_accident.priority).toBe('delta');
    expect(INCIDENT_TYPES.theft.plan).toEqual([{ kind: 'metro_police', count: 1 }]);
  });
});
