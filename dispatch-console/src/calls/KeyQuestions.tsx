import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { incidentType } from '../../../shared/incidents/incidentTypes.ts';
import type { IncidentTypeId } from '../../../shared/incidents/incidentTypes.ts';
import { classifyIncident } from '../../../shared/incidents/classifyIncident.ts';
import type { KeyAnswers } from '../../../shared/incidents/classifyIncident.ts';
import { PRIORITY_LABELS } from '../../../shared/incidents/priority.ts';
import { nextQuestionIndex } from './callDraft.ts';

interface KeyQuestionsProps {
  type: IncidentTypeId;
  answers: KeyAnswers;
  onAnswer: (answers: KeyAnswers) => void;
  /** Every question answered: go on to the notes. */
  onDone: () => void;
}

/**
 * The type's key questions, asked one after another: Y or 1 = yes, N or 2 = no, ↑/↓ to go back to one. The live
 * priority (classifyIncident) and the answers that set it are shown underneath.
 */
export function KeyQuestions({ type, answers, onAnswer, onDone }: KeyQuestionsProps) {
  const questions = incidentType(type).questions;
  const [cursor, setCursor] = useState(() => nextQuestionIndex(type, answers) ?? 0);
  const { priority, reasons } = classifyIncident(type, answers);


  function answer(reply: 'yes' | 'no') {
    const question = questions[cursor];
    if (!question) return;
    const next = { ...answers, [question.id]: reply };
    onAnswer(next);
    const after = questions.findIndex((q, i) => i > cursor && next[q.id] === undefined);
    const anyOpen = nextQuestionIndex(type, next);
    if (after >= 0) setCursor(after);
    else if (anyOpen !== null) setCursor(anyOpen);
    else onDone();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'y' || key === '1') answer('yes');
    else if (key === 'n' || key === '2') answer('no');
    else if (key === 'arrowup') setCursor((c) => Math.max(0, c - 1));
    else if (key === 'arrowdown') setCursor((c) => Math.min(questions.length - 1, c + 1));
    else if (key === 'enter') onDone();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="field questions-field">
      <div className="field-label">
        <span>6 · Key questions</span>
        <span className="muted small">
          <kbd>Y</kbd>/<kbd>1</kbd> yes · <kbd>N</kbd>/<kbd>2</kbd> no · <kbd>↑</kbd><kbd>↓</kbd>
        </span>
      </div>
      {questions.length > 0 && (
        <div className="questions" tabIndex={0} data-field="questions" data-own-keys="" data-testid="key-questions" onKeyDown={handleKeyDown}>
          {questions.map((q, i) => {
            const reply = answers[q.id];
            return (
              <div key={q.id} className={`question${i === cursor ? ' current' : ''}`} data-testid={`question-${q.id}`} data-answer={reply ?? ''}>
                <span className="q-mark">{i === cursor ? '▶' : ''}</span>
                <span className="q-text">{q.text}</span>
                <span className={`q-answer ${reply ?? 'open'}`}>{reply === 'yes' ? 'YES' : reply === 'no' ? 'NO' : '—'}</span>
              </div>
            );
          })}
        </div>
      )}
      <div className="live-priority" data-testid="live-priority" data-priority={priority}>
        <span className={`prio-badge prio-${priority}`}>{priority.toUpperCase()}</span>
        <span>{PRIORITY_LABELS[priority]}</span>
      </div>
      {reasons.length > 0 ? (
        <ul className="reasons" data-testid="priority-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        <div className="muted small">Default for this type until an answer changes it.</div>
      )}
    </div>
  );
}
