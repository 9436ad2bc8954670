import { agenciesOfDelta, crewsOfDelta, deltaForCrew } from '../../shared/protocol/deskView.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { CadIo } from './cadIo.ts';
import { ROOMS } from './rooms.ts';
import type { VersionTicks } from './versionTicks.ts';

/** Where a delta is sent from: this instance's sockets (`io.local`), as the journal feed sends it. */
type Origin = Pick<CadIo['local'], 'to'>;

/** One message of a delta: the rooms it goes to and what they are sent. */
interface Send {
  rooms: string[];
  delta: Delta;
}

/**
 * [RT2][DK1][DK2][DK4][CR1][CC6] Sends a journaled change (each instance's journal feed sends it to its own sockets) to the consoles that see the whole
 * board, to the desks of the agencies it concerns (every agency of an incident it touched, so a desk hears of every
 * unit on its incidents), to the crews of the units it touched, and, for Care Connect tickets, to the agents and
 * the officers of each ticket's department; every other socket hears that its version went by through `ticks`.
 */
export function broadcastDelta(io: Origin, delta: Delta, ticks: VersionTicks): void {
  const sends: Send[] = [];
  if (delta.incidents.length > 0 || delta.units.length > 0 || delta.calls.length > 0) {
    sends.push({ rooms: [ROOMS.consoles, ...[...agenciesOfDelta(delta)].map(ROOMS.desk)], delta });
    const crewRooms = [...crewsOfDelta(delta)].map(ROOMS.unit);
    if (crewRooms.length > 0) sends.push({ rooms: crewRooms, delta: deltaForCrew(delta) });
  }
  if (delta.tickets.length > 0) {
    sends.push({ rooms: [ROOMS.care, ...new Set(delta.tickets.map((ticket) => ROOMS.department(ticket.department)))], delta });
  }
  const reached = sends.flatMap((send) => send.rooms);
  ticks.beforeDelta(delta.version, reached);
  for (const send of sends) io.to(send.rooms).emit(send.delta.fact, send.delta);
  ticks.afterDelta(delta.version, reached);
}
