import type { Session } from '../../../shared/auth/roles.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { StatusBar } from '../StatusBar.tsx';

interface GatewayAccountScreenProps {
  session: Session;
  live: LiveConnection;
  onSignOut: () => void;
}

/**
 * [UP3] What a person who signs in with the AVL gateway's account sees: the account is the fleet-tracking service's,
 * which sends the vehicles' positions in batches (`units:positions`); it has no board and no console of its own.
 */
export function GatewayAccountScreen({ session, live, onSignOut }: GatewayAccountScreenProps) {
  return (
    <div className="console">
      <StatusBar session={session} status={live.status} refusal={live.refusal} onSignOut={onSignOut} />
      <main className="gateway-account" data-testid="gateway-account">
        <h1>AVL gateway account</h1>
        <p>
          <strong>{session.displayName}</strong> is the account of the fleet-tracking (AVL) gateway. The gateway signs in with it and sends the vehicles&apos; positions in batches of up to 500
          fixes (<code>units:positions</code> on the socket, or <code>POST /api/units/positions</code>).
        </p>
        <p>It has no board and no console. Sign out, and sign in with your own account to dispatch or supervise.</p>
      </main>
    </div>
  );
}
