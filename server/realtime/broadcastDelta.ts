import { agenciesOfDelta, crewsOfDelta, deltaForCrew } from '../../shared/protocol/deskView.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { CadIo } from './cadIo.ts';
import { DESK_ROOMS, ROOMS } from './rooms.ts';

type Target = ReturnType<CadIo['to']>;
/** Where a delta is sent from: this instance's sockets (`io.local`), as the journal feed sends it. */
type Origin = Pick<CadIo['local'], 'to'>;

/** Emits a delta as the event of its fact. */
function emitFact(target: Target, delta: Delta): void {
  target.emit(delta.fact, delta);
}

/**
 * [RT2][DK1][DK2][DK4][CR1][CC6] Sends a journaled change (each instance's journal feed sends it to its own sockets) to the consoles that see the whole
 * board, to the desks of the agencies it concerns (every agency of an incident it touched, so a desk hears of every
 * unit on its incidents), to the crews of the units it touched, and, for Care Connect tickets, to the agents and
 * the officers of each ticket's department; every other socket gets a version tick so that it sees no gap.
 */
export function broadcastDelta(io: Origin, delta: Delta): void {
  const reached: string[] = [];
  if (delta.incidents.length > 0 || delta.units.length > 0 || delta.calls.length > 0) {
    const deskRooms = [...agenciesOfDelta(delta)].map(ROOMS.desk);
    const crewRooms = [...crewsOfDelta(delta)].map(ROOMS.unit);
    emitFact(io.to([ROOMS.consoles, ...deskRooms]), delta);
    if (crewRooms.length > 0) emitFact(io.to(crewRooms), deltaForCrew(delta));
    reached.push(ROOMS.consoles, ...deskRooms, ...crewRooms);
  }
  if (delta.tickets.length > 0) {
    const careRooms = [ROOMS.care, ...new Set(delta.tickets.map((ticket) => ROOMS.department(ticket.department)))];
    emitFact(io.to(careRooms), delta);
    reached.push(...careRooms);
  }
  io.to([ROOMS.consoles, ...DESK_ROOMS, ROOMS.crews, ROOMS.care, ROOMS.departments]).except(reached).emit('state:version', { version: delta.version });
}
