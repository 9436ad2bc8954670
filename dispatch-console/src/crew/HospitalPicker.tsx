import { useEffect, useState } from 'react';
import type { HospitalOption } from '../../../shared/routing/routeSchema.ts';
import { CAPABILITY_LABELS } from '../../../shared/hospitals/capabilities.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { formatDistance } from '../dispatch/pickAssignment.ts';
import { formatDriveTime } from './crewFlow.ts';

interface HospitalPickerProps {
  commands: CommandClient;
  unitId: string;
  onChoose: (hospital: HospitalOption) => void;
  onCancel: () => void;
}

/**
 * [RO10][HO3] Before Transporting: the 24-hour emergency units, those that can take this patient first, each
 * with what it can take (and what it lacks); one tap chooses.
 */
export function HospitalPicker({ commands, unitId, onChoose, onCancel }: HospitalPickerProps) {
  const [hospitals, setHospitals] = useState<HospitalOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void commands.request('route:hospitals', { unitId }).then((answer) => {
      if (!isCurrent) return;
      if (answer.ok) setHospitals(answer.data);
      else setError(formatCommandError(answer.error));
    });
    return () => {
      isCurrent = false;
    };
  }, [commands, unitId]);

  return (
    <section className="crew-sheet" data-testid="hospital-picker" aria-label="Choose the hospital">
      <div className="crew-sheet-head">
        <h2>Transporting to…</h2>
        <button type="button" className="crew-secondary" data-testid="hospital-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="crew-muted">Hospitals that can take this patient first, then nearest</p>
      {!hospitals && !error && <p className="crew-muted">Finding hospitals…</p>}
      {error && <p className="crew-error">{error}</p>}
      {hospitals?.length === 0 && <p className="crew-error">No 24-hour emergency unit found.</p>}
      <ol className="hospital-list">
        {hospitals?.map((h, i) => (
          <li key={h.facilityId}>
            <button
              type="button"
              className={`crew-choice${i === 0 ? ' nearest' : ''}${h.isSuitable ? '' : ' unsuitable'}`}
              data-testid={`hospital-${h.facilityId}`}
              data-suitable={h.isSuitable ? 'true' : 'false'}
              onClick={() => onChoose(h)}
            >
              <span className="choice-name">{h.name}</span>
              <span className="choice-meta">
                {h.method === 'road_network' ? 'drive ' : '~'}
                {formatDriveTime(h.etaSeconds)} · {formatDistance(h.distanceMeters)}
                {i === 0 && h.isSuitable ? ' · best' : ''}
              </span>
              <span className="choice-capabilities" data-testid={`hospital-capabilities-${h.facilityId}`}>
                {h.capabilities.filter((c) => c !== 'emergency_24h').map((c) => CAPABILITY_LABELS[c]).join(' · ') || 'Emergency unit only'}
              </span>
              {!h.isSuitable && <span className="choice-lacks">Cannot take: {h.lacks.map((c) => CAPABILITY_LABELS[c].toLowerCase()).join(', ')}</span>}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
