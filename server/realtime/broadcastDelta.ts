import { agenciesOfDelta, crewsOfDelta } from '../../shared/protocol/deskView.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { AGENCIES } from '../../shared/units/unitKinds.ts';
import type { CadIo } from './cadIo.ts';
import { ROOMS } from './rooms.ts';

/**
 * [RT2][DK1][DK2] Sends a journaled change, on every instance, to the consoles that see the whole
 * board, to the desks of the agencies it concerns and to the crews of the units it touched; the
 * other desks get only a version tick so that they see no gap.
 */
export function broadcastDelta(io: CadIo, delta: Delta): void {
  const concerned = agenciesOfDelta(delta);
  // Crews hear of every change to their unit and to the incident they are committed to. [CR1]
  const crewRooms = [...crewsOfDelta(delta)].map(ROOMS.unit);
  const target = io.to([ROOMS.consoles, ...[...concerned].map(ROOMS.desk), ...crewRooms]);
  const others = AGENCIES.filter((agency) => !concerned.has(agency)).map(ROOMS.desk);
  if (others.length > 0) io.to(others).emit('state:version', { version: delta.version });
  io.to(ROOMS.crews).except(crewRooms).emit('state:version', { version: delta.version });
  switch (delta.fact) {
    case 'incident:created':
      target.emit('incident:created', delta);
      return;
    case 'incident:closed':
      target.emit('incident:closed', delta);
      return;
    case 'incident:caller_linked':
      target.emit('incident:caller_linked', delta);
      return;
    case 'dispatch:assigned':
      target.emit('dispatch:assigned', delta);
      return;
    case 'unit:acknowledged':
      target.emit('unit:acknowledged', delta);
      return;
    case 'unit:status_changed':
      target.emit('unit:status_changed', delta);
      return;
    case 'call:disposed':
      target.emit('call:disposed', delta);
      return;
  }
}
