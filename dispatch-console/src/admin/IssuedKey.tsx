import { useState } from 'react';
import type { Open311KeyIssued } from '../../../shared/open311/open311KeySchema.ts';
import { SHOWN_ONCE } from './open311KeyWords.ts';

interface IssuedKeyProps {
  issued: Open311KeyIssued;
  onDismiss: () => void;
}

/** Whether the last Copy worked, or the key was selected for Ctrl+C instead (no clipboard outside https). */
type CopyOutcome = 'copied' | 'selected' | null;

/**
 * [CS12] A new key, shown this once: the server keeps only its hash, so nobody can read it again. Copy takes the
 * focus, so Enter copies; Esc (or Done) puts it away.
 */
export function IssuedKey({ issued, onDismiss }: IssuedKeyProps) {
  const [copied, setCopied] = useState<CopyOutcome>(null);
  const fieldId = `issued-key-${issued.name}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.key);
      setCopied('copied');
    } catch {
      // The clipboard is only offered to pages served over https (or from this computer): select it for Ctrl+C.
      const field = document.getElementById(fieldId);
      if (field instanceof HTMLInputElement) field.select();
      setCopied('selected');
    }
  }

  return (
    <div
      className="issued-key"
      role="group"
      aria-label={`New key for ${issued.name}`}
      data-testid="open311-issued"
      data-name={issued.name}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onDismiss();
      }}
    >
      <label className="issued-key-title" htmlFor={fieldId}>
        New key for <b className="mono">{issued.name}</b>
      </label>
      <div className="issued-key-row">
        <input id={fieldId} className="mono" readOnly value={issued.key} spellCheck={false} data-testid="open311-issued-key" onFocus={(e) => e.target.select()} />
        <button type="button" className="primary small" autoFocus data-testid="open311-copy" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="issued-key-warning" data-testid="open311-shown-once">
        {SHOWN_ONCE}.
      </p>
      {copied && (
        <p className="ok-text" role="status" data-testid="open311-copied" data-outcome={copied}>
          {copied === 'copied' ? 'Copied.' : 'This page may not use the clipboard: the key is selected, press Ctrl+C to copy it.'}
        </p>
      )}
      <div>
        <button type="button" className="small" data-testid="open311-issued-done" onClick={onDismiss}>
          Done <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
