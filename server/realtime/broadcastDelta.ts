import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { CadIo } from './cadIo.ts';
import { ROOMS } from './rooms.ts';

/** [RT2] Sends a journaled change to every console and to the crews of the units it touched, on every instance. */
export function broadcastDelta(io: CadIo, delta: Delta): void {
  const target = io.to([ROOMS.consoles, ...delta.units.map((unit) => ROOMS.unit(unit.id))]);
  switch (delta.fact) {
    case 'incident:created':
      target.emit('incident:created', delta);
      return;
    case 'incident:closed':
      target.emit('incident:closed', delta);
      return;
    case 'dispatch:assigned':
      target.emit('dispatch:assigned', delta);
      return;
    case 'unit:status_changed':
      target.emit('unit:status_changed', delta);
      return;
  }
}
