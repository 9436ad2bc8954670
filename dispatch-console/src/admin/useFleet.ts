import { useCallback } from 'react';
import type { Result } from '../../../shared/protocol/result.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import type { CommandClient, CommandPayload } from '../realtime/commandClient.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { useListRead } from './useListRead.ts';
import { withUnit } from './fleetWords.ts';

export type VehiclePayload = CommandPayload<'fleet:add_unit'>;

export interface Fleet {
  units: Unit[] | null;
  error: string | null;
  isLoading: boolean;
  reload: () => void;
  add: (vehicle: VehiclePayload) => Promise<Result<Unit>>;
}

/**
 * [FL2] The fleet as the administrator reads it (`fleet:list`: the board shows it no unit), read when the connection
 * is live and on Refresh, and [FL1] the vehicles it adds. Adding is journaled: the client's command id is resent
 * after a dropped connection and the server answers the resend with its first answer.
 */
export function useFleet(commands: CommandClient, isConnected: boolean): Fleet {
  const { items: units, setItems: setUnits, error, isLoading, reload } = useListRead(() => commands.request('fleet:list', {}), isConnected, formatCommandError);

  const add = useCallback(
    async (vehicle: VehiclePayload) => {
      const answer = await commands.sendCommand('fleet:add_unit', vehicle);
      if (answer.ok) setUnits((current) => withUnit(current, answer.data));
      // Another administrator added that id since the list was read: the list catches up.
      else if (answer.error.code === 'unit_exists') reload();
      return answer;
    },
    [commands, reload, setUnits],
  );

  return { units, error, isLoading, reload, add };
}
