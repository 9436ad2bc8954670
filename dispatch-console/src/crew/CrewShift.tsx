import { useState } from 'react';
import type { CrewMember } from '../../../shared/units/unitSchema.ts';

interface CrewShiftProps {
  callSign: string;
  /** Who is signed on to the vehicle. */
  crew: readonly CrewMember[];
  isBusy: boolean;
  onSignOff: () => void;
}

/**
 * [CR2] Who is on the vehicle, and signing off it at the end of the shift. At the bottom of the screen and asked
 * twice, so that a thumb on a bumpy road does not take a crew off its vehicle mid-job.
 */
export function CrewShift({ callSign, crew, isBusy, onSignOff }: CrewShiftProps) {
  const [isConfirming, setConfirming] = useState(false);
  return (
    <section className="crew-card crew-shift" data-testid="crew-shift">
      <h3>Shift</h3>
      <p data-testid="crew-members">{crew.length > 0 ? `On ${callSign}: ${crew.map((m) => m.name).join(', ')}` : `Signed on to ${callSign}`}</p>
      {isConfirming ? (
        <div className="crew-confirm">
          <p>Sign off {callSign}? The control room will no longer see you on this vehicle.</p>
          <div className="crew-other-buttons">
            <button
              type="button"
              className="crew-secondary danger"
              data-testid="crew-sign-off-confirm"
              disabled={isBusy}
              onClick={() => {
                setConfirming(false);
                onSignOff();
              }}
            >
              Sign off
            </button>
            <button type="button" className="crew-secondary" onClick={() => setConfirming(false)}>
              Stay on
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="crew-secondary wide" data-testid="crew-sign-off" disabled={isBusy} onClick={() => setConfirming(true)}>
          Sign off vehicle
        </button>
      )}
    </section>
  );
}
