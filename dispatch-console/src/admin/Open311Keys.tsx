import { useRef, useState } from 'react';
import type { Open311Key, Open311KeyIssued } from '../../../shared/open311/open311KeySchema.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { IssuedKey } from './IssuedKey.tsx';
import { IssueKeyForm } from './IssueKeyForm.tsx';
import { Open311KeyTable } from './Open311KeyTable.tsx';
import { open311KeyErrorText } from './open311KeyWords.ts';
import { useOpen311Keys } from './useOpen311Keys.ts';

interface Open311KeysProps {
  commands: CommandClient;
  isConnected: boolean;
}

/** What the last revocation did, for the line above the table. */
interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/**
 * [CS12] The administrator's "Open311 apps": the keys of the third-party apps that report to Care Connect through
 * Open311 GeoReport v2, a form to issue one (shown once) and Revoke.
 */
export function Open311Keys({ commands, isConnected }: Open311KeysProps) {
  const keys = useOpen311Keys(commands, isConnected);
  const [issued, setIssued] = useState<Open311KeyIssued | null>(null);
  const [busyName, setBusyName] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const nameField = useRef<HTMLInputElement>(null);

  async function revoke(key: Open311Key) {
    setBusyName(key.name);
    const answer = await keys.revoke(key.name);
    setBusyName(null);
    setNotice(answer.ok ? { kind: 'ok', text: `The key of ${key.name} is revoked: the app's requests are refused from now on.` } : { kind: 'error', text: open311KeyErrorText(answer.error, key.name, 'revoke') });
  }

  function dismissIssued() {
    setIssued(null);
    nameField.current?.focus();
  }

  return (
    <section className="panel open311-keys" data-testid="open311-keys">
      <header className="panel-head">
        <h2>Open311 apps</h2>
        <button type="button" className="small" data-testid="open311-refresh" disabled={keys.isLoading} onClick={keys.reload}>
          {keys.isLoading ? 'Reading…' : 'Refresh'}
        </button>
      </header>
      <p className="muted keys-intro">
        Third-party apps report to Care Connect through Open311 GeoReport v2 at <span className="mono">/open311/v2</span>, each with its own key.
      </p>
      <IssueKeyForm
        inputRef={nameField}
        onIssue={keys.issue}
        onIssued={(key) => {
          setNotice(null);
          setIssued(key);
        }}
      />
      {issued && <IssuedKey issued={issued} onDismiss={dismissIssued} />}
      {notice && (
        <p className={notice.kind === 'ok' ? 'ok-text' : 'error-text'} role="status" data-testid="open311-notice" data-kind={notice.kind}>
          {notice.text}
        </p>
      )}
      {keys.error && <p className="error-text" data-testid="open311-error">{keys.error}</p>}
      <div className="keys-scroll">
        {keys.keys === null ? (
          <p className="muted empty">{isConnected ? 'Reading the keys…' : 'Connecting…'}</p>
        ) : keys.keys.length === 0 ? (
          <p className="muted empty" data-testid="open311-none">No app has a key yet.</p>
        ) : (
          <Open311KeyTable keys={keys.keys} busyName={busyName} onRevoke={(key) => void revoke(key)} />
        )}
      </div>
    </section>
  );
}
