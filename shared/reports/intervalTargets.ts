import type { Agency } from '../units/unitKinds.ts';

/**
 * [RP2] The intervals measured from the record, in the order a response runs:
 * - `answering`: call answered → incident entered (only where the call-taker's console recorded the call start);
 * - `processing`: call received (the call start, or the incident's creation when unknown) → first unit dispatched;
 * - `turnout`: a unit dispatched → that unit en route;
 * - `travel`: a unit en route → that unit on scene;
 * - `total_response`: call received → first unit on scene.
 */
export const INTERVAL_NAMES = ['answering', 'processing', 'turnout', 'travel', 'total_response'] as const;

/** Intervals measured once per incident; the others once per unit response. */
export const INCIDENT_INTERVALS = ['answering', 'processing', 'total_response'] as const;
export const UNIT_INTERVALS = ['turnout', 'travel'] as const;

/**
 * [RP4] Data-quality flags. A flagged row is left out of every figure, and counted and listed:
 * - `missing_stamp`: a later stamp is present while an earlier one of the same unit is absent (on scene with no en route);
 * - `out_of_order`: a stamp earlier than the one before it (en route before dispatched, on scene before en route, …);
 * - `not_dispatched`: a unit reported on scene (or later) that was never dispatched;
 * - `negative_interval`: an incident-level interval below zero (the call start after the incident's entry or first dispatch).
 */
export const INTERVAL_FLAGS = ['missing_stamp', 'out_of_order', 'not_dispatched', 'negative_interval'] as const;

export const INTERVAL_LABELS: Record<(typeof INTERVAL_NAMES)[number], string> = {
  answering: 'Answering (answer → entry)',
  processing: 'Processing (call → first dispatch)',
  turnout: 'Turnout (dispatch → en route)',
  travel: 'Travel (en route → on scene)',
  total_response: 'Total response (call → first on scene)',
};

export interface TargetRule {
  seconds: number;
  fraction: number;
  source: string;
  appliesTo: string;
}

/**
 * [RP3] The standards the figures are measured against.
 * - Processing: NFPA 1225: alarm processing within 60 s for 90% of calls.
 * - Turnout: NFPA 1710 (2020) §4.1.2.1: 60 s for EMS, 80 s for fire, 90% of responses.
 * - Travel: NFPA 1710 §4.1.2.1: the first engine at a fire within 240 s, and an ALS unit at an EMS call within 480 s,
 *   90% of incidents: measured over the first unit of that kind on scene at each incident of the agency.
 * Metro Police and the answering and total response intervals have no target here: their figures are reported bare.
 */
export const TURNOUT_TARGETS: Partial<Record<Agency, TargetRule>> = {
  ems: { seconds: 60, fraction: 0.9, source: 'NFPA 1710 §4.1.2.1 (EMS turnout)', appliesTo: 'every EMS unit response' },
  fire: { seconds: 80, fraction: 0.9, source: 'NFPA 1710 §4.1.2.1 (fire turnout)', appliesTo: 'every Fire & Rescue unit response' },
};

export const PROCESSING_TARGET: TargetRule = {
  seconds: 60,
  fraction: 0.9,
  source: 'NFPA 1225 (alarm processing)',
  appliesTo: 'every incident with a unit dispatched',
};

/** [RP3] Travel targets: for the first unit of `kinds` on scene at each incident of the agency. */
export const TRAVEL_TARGETS: Partial<Record<Agency, TargetRule & { kinds: readonly string[] }>> = {
  fire: { seconds: 240, fraction: 0.9, kinds: ['fire_engine'], source: 'NFPA 1710 §4.1.2.1 (first engine travel)', appliesTo: 'the first engine on scene at each fire incident' },
  ems: { seconds: 480, fraction: 0.9, kinds: ['als'], source: 'NFPA 1710 §4.1.2.1 (ALS travel)', appliesTo: 'the first ALS ambulance on scene at each EMS incident' },
};

/** At most this many flagged rows are listed in a report (all of them are counted). */
export const FLAGGED_LIST_LIMIT = 200;
