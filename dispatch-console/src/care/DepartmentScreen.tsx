import type { Session } from '../../../shared/auth/roles.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { StatusBar } from '../StatusBar.tsx';
import { DepartmentQueue } from './DepartmentQueue.tsx';
import { useCareServices } from './useCareServices.ts';
import './care.css';

interface DepartmentScreenProps {
  session: Session;
  live: LiveConnection;
  onSignOut: () => void;
}

/** [CS6] A department officer's screen: their department's Care Connect queue, and nothing of any other's. */
export function DepartmentScreen({ session, live, onSignOut }: DepartmentScreenProps) {
  const { catalogue, error } = useCareServices();
  const department = session.department;
  return (
    <div className="console care-console" data-testid="department-screen">
      <StatusBar session={session} status={live.status} refusal={live.refusal} onSignOut={onSignOut}>
        {department && catalogue && (
          <span className="care-department" data-testid="officer-department">
            {catalogue.department(department)?.name ?? department}
          </span>
        )}
      </StatusBar>
      {!department ? (
        <div className="chooser">
          <p className="error-text" data-testid="no-department">
            Your user has no department: ask an administrator to set the department you work for.
          </p>
        </div>
      ) : catalogue ? (
        <DepartmentQueue session={session} live={live} catalogue={catalogue} department={department} />
      ) : (
        <div className="chooser">
          <p className="muted" data-testid="care-loading">
            {error ?? 'Loading the Care Connect services…'}
          </p>
        </div>
      )}
    </div>
  );
}
