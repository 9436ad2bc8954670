import { useState } from 'react';
import type { FormEvent } from 'react';
import { PasswordSchema } from '../../../shared/auth/userSchema.ts';

interface PasswordResetProps {
  username: string;
  isSending: boolean;
  onSave: (password: string) => void;
  onCancel: () => void;
}

/** A new password for one user, typed in their row; their sessions end when it is saved. */
export function PasswordReset({ username, isSending, onSave, onCancel }: PasswordResetProps) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!PasswordSchema.safeParse(password).success) {
      setProblem('At least 10 characters.');
      return;
    }
    onSave(password);
  }

  return (
    <form className="password-reset" onSubmit={handleSubmit} data-testid={`user-password-form-${username}`}>
      <input
        type="password"
        aria-label={`New password for ${username}`}
        placeholder="New password"
        autoComplete="new-password"
        autoFocus
        data-testid={`user-password-${username}`}
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" className="small primary" data-testid={`user-password-save-${username}`} disabled={isSending}>
        Set
      </button>
      <button type="button" className="small" onClick={onCancel}>
        Cancel
      </button>
      {problem && <span className="field-problem">{problem}</span>}
    </form>
  );
}
