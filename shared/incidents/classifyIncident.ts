import { z } from 'zod';
import type { KeyQuestion } from './catalogueTypes.ts';
import { incidentType } from './incidentTypes.ts';
import type { IncidentTypeId } from './incidentTypes.ts';
import { PRIORITY_LABELS, priorityRank } from './priority.ts';
import type { PriorityLevel } from './priority.ts';

/** The call-taker's answers to an incident type's key questions: question id → yes / no. */
export type KeyAnswers = Record<string, 'yes' | 'no'>;

export const KEY_ANSWERS_MAX_ENTRIES = 20;

export const KeyAnswersSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9_]+$/, 'question id: lower-case letters, digits and _'),
    z.enum(['yes', 'no']),
  )
  .refine((answers) => Object.keys(answers).length <= KEY_ANSWERS_MAX_ENTRIES, `at most ${KEY_ANSWERS_MAX_ENTRIES} answers`);

export interface Classification {
  priority: PriorityLevel;
  /** In words, which answers set the level, e.g. "Is the patient breathing normally? No → Echo". Empty when the default stands. */
  reasons: string[];
}

interface Effect {
  level: PriorityLevel;
  reason: string;
}

/**
 * [IC6] The priority of an incident of type `typeId` given the key-question answers.
 *
 * - Start from the type's default priority.
 * - Each answered question whose answer has a level (`ifYes` / `ifNo`) is an effect: a *raise* when
 *   that level is more urgent than the default, a *lower* when it is less urgent, a *confirm* when
 *   it equals the default.
 * - Raises win over lowers: if any answer raises, the result is the most urgent raised level.
 * - With no raise, the result is the most urgent among the lowered and confirmed levels — the
 *   conservative choice. So one answer that confirms the default (e.g. "people still inside" on a
 *   building fire) stops any other answer from lowering it.
 * - With no effect at all, the default stands.
 * - Answers to question ids the type does not have are ignored, not an error: the form may come
 *   from an older version of the catalogue. An answer with no level for that reply changes nothing.
 *
 * `reasons` names, in words, every answer that set the resulting level (those at that level).
 */
export function classifyIncident(typeId: IncidentTypeId, answers: KeyAnswers): Classification {
  const type = incidentType(typeId);
  const defaultRank = priorityRank(type.priority);
  const effects: Effect[] = [];
  for (const question of type.questions) {
    if (!Object.prototype.hasOwnProperty.call(answers, question.id)) continue;
    const answer = answers[question.id];
    if (answer !== 'yes' && answer !== 'no') continue;
    const level = answer === 'yes' ? question.ifYes : question.ifNo;
    if (level === undefined) continue;
    effects.push({ level, reason: `${describeAnswer(question, answer)} → ${levelName(level)}` });
  }
  if (effects.length === 0) return { priority: type.priority, reasons: [] };

  const raises = effects.filter((e) => priorityRank(e.level) < defaultRank);
  const pool = raises.length > 0 ? raises : effects;
  const bestRank = Math.min(...pool.map((e) => priorityRank(e.level)));
  const deciding = pool.filter((e) => priorityRank(e.level) === bestRank);
  const priority = deciding[0]?.level ?? type.priority;
  return { priority, reasons: deciding.map((e) => e.reason) };
}

/** "Echo", "Delta", … */
function levelName(level: PriorityLevel): string {
  return PRIORITY_LABELS[level].split(' ')[0] ?? level;
}

/**
 * The answer in words: the question (without any parenthesised hint for the call-taker) and the
 * reply, e.g. "Is the patient breathing normally? No". Kept mechanical so it never misstates the
 * question.
 */
function describeAnswer(question: KeyQuestion, answer: 'yes' | 'no'): string {
  const text = question.text.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return `${text} ${answer === 'yes' ? 'Yes' : 'No'}`;
}
