import { useState } from 'react';
import type { Open311Key } from '../../../shared/open311/open311KeySchema.ts';
import { byWhomWhen, orderKeys } from './open311KeyWords.ts';
import { useCityZone } from '../time/cityZone.ts';

interface Open311KeyTableProps {
  keys: readonly Open311Key[];
  busyName: string | null;
  onRevoke: (key: Open311Key) => void;
}

/** [CS12] Every app's key: its name, who issued it and when, and when it was revoked; keys in use first. */
export function Open311KeyTable({ keys, busyName, onRevoke }: Open311KeyTableProps) {
  const timeZone = useCityZone();
  // Revoking refuses the app's next request at once and cannot be undone (the name stays taken), so it takes a second step.
  const [confirmingName, setConfirmingName] = useState<string | null>(null);

  return (
    <table className="users-table keys-table" data-testid="open311-keys-table">
      <thead>
        <tr>
          <th>App</th>
          <th>Issued</th>
          <th>State</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {orderKeys(keys).map((key) => {
          const isRevoked = key.revokedAt !== null;
          const isBusy = busyName === key.name;
          return (
            <tr key={key.name} className={isRevoked ? 'revoked-key' : undefined} data-testid={`open311-key-${key.name}`} data-revoked={String(isRevoked)}>
              <td className="mono">{key.name}</td>
              <td className="nowrap">{byWhomWhen(key.createdAt, key.createdBy, timeZone)}</td>
              <td data-testid={`open311-key-state-${key.name}`}>
                {key.revokedAt === null ? 'In use' : <span className="state-disabled">Revoked {byWhomWhen(key.revokedAt, key.revokedBy, timeZone)}</span>}
              </td>
              <td>
                {isRevoked ? null : confirmingName === key.name ? (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="small danger"
                      autoFocus
                      data-testid={`open311-revoke-confirm-${key.name}`}
                      disabled={isBusy}
                      onClick={() => {
                        setConfirmingName(null);
                        onRevoke(key);
                      }}
                      onKeyDown={(e) => e.key === 'Escape' && setConfirmingName(null)}
                    >
                      Revoke {key.name} now?
                    </button>
                    <button type="button" className="small" data-testid={`open311-revoke-cancel-${key.name}`} onClick={() => setConfirmingName(null)} onKeyDown={(e) => e.key === 'Escape' && setConfirmingName(null)}>
                      Keep it
                    </button>
                  </div>
                ) : (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="small"
                      data-testid={`open311-revoke-${key.name}`}
                      disabled={isBusy}
                      title="The app's requests are refused from then on"
                      onClick={() => setConfirmingName(key.name)}
                    >
                      Revoke
                    </button>
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
