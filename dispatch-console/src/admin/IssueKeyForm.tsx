import { useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import type { Open311KeyIssued } from '../../../shared/open311/open311KeySchema.ts';
import type { Result } from '../../../shared/protocol/result.ts';
import { checkedKeyName, open311KeyErrorText } from './open311KeyWords.ts';

interface IssueKeyFormProps {
  onIssue: (name: string) => Promise<Result<Open311KeyIssued>>;
  onIssued: (issued: Open311KeyIssued) => void;
  /** The name field, focused again when the new key is put away. */
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * [CS12] "Issue a key": the app's name, checked by the schema's own rule as it will be kept (trimmed, lowercase)
 * before anything is sent; a refusal is shown under the field in plain words. Enter issues, Esc clears.
 */
export function IssueKeyForm({ onIssue, onIssued, inputRef }: IssueKeyFormProps) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkedKeyName(name);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setSending(true);
    setProblem(null);
    const answer = await onIssue(checked.name);
    setSending(false);
    if (!answer.ok) {
      setProblem(open311KeyErrorText(answer.error, checked.name, 'issue'));
      return;
    }
    setName('');
    onIssued(answer.data);
  }

  return (
    <form className="issue-key" onSubmit={(e) => void handleSubmit(e)} data-testid="open311-issue-form" noValidate>
      <div className="issue-key-row">
        <label className="field">
          <span>App name (whose app the key is for)</span>
          <input
            ref={inputRef}
            value={name}
            placeholder="e.g. fixmyjoburg"
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'open311-name-problem' : undefined}
            data-testid="open311-name"
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              setName('');
              setProblem(null);
            }}
          />
        </label>
        <button type="submit" className="primary" data-testid="open311-issue" disabled={isSending}>
          {isSending ? 'Issuing…' : 'Issue a key'}
        </button>
      </div>
      {problem && (
        <p className="field-problem" id="open311-name-problem" role="alert" data-testid="open311-name-error">
          {problem}
        </p>
      )}
    </form>
  );
}
