import { GatewayAccountScreen } from './avl/GatewayAccountScreen.tsx';
import type { SessionInfo } from '../../shared/auth/userSchema.ts';
import { useLiveConnection } from './realtime/useLiveConnection.ts';
import type { Auth } from './session/useAuth.ts';
import { useSessionEvents } from './session/useSessionEvents.ts';
import { OutdatedBanner } from './session/OutdatedBanner.tsx';
import { ConsoleScreen } from './ConsoleScreen.tsx';
import { CrewScreen } from './crew/CrewScreen.tsx';
import { CrewSignOnScreen } from './crew/CrewSignOnScreen.tsx';
import { CREW_COMMAND_OPTIONS } from './crew/crewCommandOptions.ts';
import { UsersScreen } from './admin/UsersScreen.tsx';
import { TicketDesk } from './care/TicketDesk.tsx';
import { DepartmentScreen } from './care/DepartmentScreen.tsx';
import { useCity } from './map/useCity.ts';
import { BROWSER_ZONE, CityZoneContext } from './time/cityZone.ts';

interface SignedInConsoleProps {
  info: SessionInfo;
  auth: Pick<Auth, 'signOut' | 'refresh' | 'ended'>;
}

/**
 * One live connection for the signed-in user, and the screens of their role only: call taking, a dispatch desk,
 * the supervisor's board with the audit and Care Connect, a crew's vehicle (or signing on to one), the
 * administrator's users, the Care Connect ticket desk, a department's ticket queue.
 */
export function SignedInConsole({ info, auth }: SignedInConsoleProps) {
  const { session } = info;
  const isCrew = session.role === 'crew';
  // [DK1][LC6] An agency desk's board holds only the incidents that go to its agency.
  const deskAgency = session.role === 'dispatcher' ? session.agency : undefined;
  const live = useLiveConnection(isCrew ? CREW_COMMAND_OPTIONS : {}, deskAgency ? (incident) => incident.agencies.includes(deskAgency) : undefined);

  /** A crew's vehicle changed: the socket's rooms and snapshot follow the session, so both are fetched again. */
  function handleVehicleChanged() {
    live.reconnect(isCrew);
    void auth.refresh();
  }

  const isOutdated = useSessionEvents(live, info, {
    onEnded: auth.ended,
    onChanged: handleVehicleChanged,
    onUnauthenticated: () => void auth.refresh(),
  });
  const signOut = () => void auth.signOut();
  // [OP2] Every screen's dates and hours are the city's, from the layers the screens read anyway (one request).
  const { city } = useCity();

  function screen() {
    switch (session.role) {
      case 'crew':
        return session.unitId ? (
          <CrewScreen key={session.unitId} session={session} unitId={session.unitId} live={live} onSignedOff={handleVehicleChanged} onSignOut={signOut} />
        ) : (
          <CrewSignOnScreen session={session} live={live} onSignedOn={handleVehicleChanged} onSignOut={signOut} />
        );
      case 'administrator':
        return <UsersScreen session={session} live={live} onSignOut={signOut} />;
      case 'care_agent':
        return <TicketDesk session={session} live={live} onSignOut={signOut} />;
      case 'department_officer':
        return <DepartmentScreen session={session} live={live} onSignOut={signOut} />;
      case 'avl_gateway':
        return <GatewayAccountScreen session={session} live={live} onSignOut={signOut} />;
      default:
        return <ConsoleScreen key={`${session.role}:${session.desk ?? ''}`} session={session} live={live} onSignOut={signOut} />;
    }
  }

  return (
    <CityZoneContext value={city?.timeZone ?? BROWSER_ZONE}>
      {isOutdated && <OutdatedBanner />}
      {screen()}
    </CityZoneContext>
  );
}
