import { useState } from 'react';
import type { Session } from '../../../shared/auth/roles.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';
import { CareSummaryPanel } from './CareSummaryPanel.tsx';
import { DepartmentQueue } from './DepartmentQueue.tsx';
import { useCareServices } from './useCareServices.ts';
import { useTicketDeltas } from './useTicketDeltas.ts';
import './care.css';

interface CareBoardProps {
  session: Session;
  live: LiveConnection;
  hidden: boolean;
}

/** [CS9] The supervisor's Care Connect view: the departments at a glance, and one department's queue opened from it. */
export function CareBoard({ session, live, hidden }: CareBoardProps) {
  const { catalogue, error } = useCareServices();
  const ticketVersion = useTicketDeltas(live.store);
  const [department, setDepartment] = useState<string | null>(null);
  return (
    <div className="care-board-view" hidden={hidden} data-testid="care-board">
      <CareSummaryPanel commands={live.commands} ticketVersion={ticketVersion} selected={department} onSelect={setDepartment} />
      {!catalogue && <p className="muted empty">{error ?? 'Loading the Care Connect services…'}</p>}
      {catalogue && department && !hidden && <DepartmentQueue key={department} session={session} live={live} catalogue={catalogue} department={department} showMap={false} />}
    </div>
  );
}
