import { PROCESSING_TARGET, TRAVEL_TARGETS, TURNOUT_TARGETS } from '../../shared/reports/intervalTargets.ts';

/**
 * [RP3] The targets as SQL: the threshold in seconds for a row, from trusted constants only (never from input). The
 * direct report and the stored measurements (RP2c) use these same expressions, so a target means the same in both.
 */
export function turnoutCase(): string {
  const arms = Object.entries(TURNOUT_TARGETS).map(([agency, rule]) => `WHEN '${agency}' THEN ${rule.seconds}`);
  return arms.length ? `CASE agency ${arms.join(' ')} END` : 'NULL::int';
}

export function travelCase(): string {
  const arms = Object.entries(TRAVEL_TARGETS).map(([agency, rule]) => `WHEN agency = '${agency}' AND is_first_of_kind AND kind IN (${rule.kinds.map((kind) => `'${kind}'`).join(', ')}) THEN ${rule.seconds}`);
  return arms.length ? `CASE ${arms.join(' ')} END` : 'NULL::int';
}

export const PROCESSING_SECONDS = PROCESSING_TARGET.seconds;

/**
 * [RP2c] What the stored measurements' targets were computed from: the SQL of every target. Stored with them, so
 * a change of the targets in code is seen and the measurements rebuilt rather than read with stale targets.
 */
export function targetsFingerprint(): string {
  return JSON.stringify({ processing: PROCESSING_SECONDS, turnout: turnoutCase(), travel: travelCase() });
}
