import { z } from 'zod';

/**
 * Priority levels, most urgent first. A licence-free scale in the style of determinant levels:
 * the wording is this project's own, not any proprietary protocol's.
 */
export const PRIORITY_LEVELS = ['echo', 'delta', 'charlie', 'bravo', 'alpha', 'omega'] as const;
export const PriorityLevelSchema = z.enum(PRIORITY_LEVELS);
export type PriorityLevel = z.infer<typeof PriorityLevelSchema>;

export const PRIORITY_LABELS: Record<PriorityLevel, string> = {
  echo: 'Echo – immediately life-threatening',
  delta: 'Delta – life-threatening',
  charlie: 'Charlie – serious, urgent',
  bravo: 'Bravo – urgent',
  alpha: 'Alpha – not urgent',
  omega: 'Omega – advice or referral',
};

/** 0 for the most urgent level; lower sorts first in the queue. */
export function priorityRank(level: PriorityLevel): number {
  return PRIORITY_LEVELS.indexOf(level);
}

/** [IQ2] An incident at this level waiting for a unit raises the board's audible and visual alert. */
export function isTopPriority(level: PriorityLevel): boolean {
  return level === 'echo';
}
