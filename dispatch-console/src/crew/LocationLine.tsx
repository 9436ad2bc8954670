import type { LocationState } from './useDevicePosition.ts';
import { useNow } from '../incidents/useNow.ts';

const TEXT: Record<LocationState, string> = {
  asking: 'Location: asking the device…',
  shared: 'Position shared',
  not_sent: 'Position not sent (offline) · will retry',
  denied: 'Location off · allow location for this site',
  unavailable: 'Location off · no GPS fix',
  unsupported: 'Location off · no GPS on this device',
};

/** Whether the control room sees where the vehicle is, said plainly. */
export function LocationLine({ state, sentAt }: { state: LocationState; sentAt: number | null }) {
  const now = useNow(5000);
  const isOn = state === 'shared';
  const age = sentAt === null ? null : Math.max(0, Math.round((now - sentAt) / 1000));
  return (
    <div className={`crew-location ${isOn ? 'on' : state === 'asking' ? 'asking' : 'off'}`} data-testid="crew-location" data-state={state}>
      {TEXT[state]}
      {isOn && age !== null && age >= 15 ? ` · last ${age} s ago` : ''}
    </div>
  );
}
