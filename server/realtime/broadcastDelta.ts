import { agenciesOfDelta, crewsOfDelta, deltaForCrew } from '../../shared/protocol/deskView.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { AGENCIES } from '../../shared/units/unitKinds.ts';
import type { CadIo } from './cadIo.ts';
import { ROOMS } from './rooms.ts';

type Target = ReturnType<CadIo['to']>;

/** Emits a delta as the event of its fact. */
function emitFact(target: Target, delta: Delta): void {
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
    case 'unit:crew_changed':
      target.emit('unit:crew_changed', delta);
      return;
    case 'incident:reopened':
      target.emit('incident:reopened', delta);
      return;
    case 'incident:updated':
      target.emit('incident:updated', delta);
      return;
    case 'dispatch:released':
      target.emit('dispatch:released', delta);
      return;
    case 'dispatch:diverted':
      target.emit('dispatch:diverted', delta);
      return;
    case 'incident:note_added':
      target.emit('incident:note_added', delta);
      return;
  }
}

/**
 * [RT2][DK1][DK2][DK4][CR1] Sends a journaled change, on every instance, to the consoles that see the
 * whole board, to the desks of the agencies it concerns (every agency of an incident it touched, so a
 * desk hears of every unit on its incidents) and to the crews of the units it touched; every other
 * board socket gets a version tick so that it sees no gap.
 */
export function broadcastDelta(io: CadIo, delta: Delta): void {
  const concerned = agenciesOfDelta(delta);
  const deskRooms = [...concerned].map(ROOMS.desk);
  const crewRooms = [...crewsOfDelta(delta)].map(ROOMS.unit);
  emitFact(io.to([ROOMS.consoles, ...deskRooms]), delta);
  if (crewRooms.length > 0) emitFact(io.to(crewRooms), deltaForCrew(delta));
  const others = AGENCIES.filter((agency) => !concerned.has(agency)).map(ROOMS.desk);
  if (others.length > 0) io.to(others).emit('state:version', { version: delta.version });
  io.to(ROOMS.crews).except(crewRooms).emit('state:version', { version: delta.version });
}
