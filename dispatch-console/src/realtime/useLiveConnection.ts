import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { FACTS } from '../../../shared/protocol/stateSchema.ts';
import { createSocket, socketTransport } from './socketClient.ts';
import type { ConsoleSocket } from './socketClient.ts';
import { createCommandClient } from './commandClient.ts';
import type { CommandClient, CommandClientOptions } from './commandClient.ts';
import { handshakeRefusal } from './handshakeRefusal.ts';
import { LiveStore } from './liveStore.ts';
import { SEES_EVERY_INCIDENT, type LiveState, type SeesIncident } from './liveState.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/** How long to wait before trying again after the server refused a handshake for too many attempts. */
const RATE_LIMITED_RETRY_MS = 5000;

export interface LiveConnection {
  socket: ConsoleSocket;
  store: LiveStore;
  commands: CommandClient;
  state: LiveState;
  status: ConnectionStatus;
  /** Why the server refused the connection (a code such as `rate_limited`), or the network error; null when live. */
  refusal: string | null;
  /**
   * Drops and reopens the socket: the server gives it the session's current rooms and a fresh snapshot (not the
   * changes since, RT6: the rooms may have changed).
   * `clearState` forgets the old picture first (a crew whose vehicle changed).
   */
  reconnect: (clearState?: boolean) => void;
}

interface Wiring {
  socket: ConsoleSocket;
  store: LiveStore;
  commands: CommandClient;
  /** [RT6] Whether the next connection resumes from the state held; false once a fresh snapshot is asked for. */
  resume: { isWanted: boolean };
}

function wire(commandOptions: CommandClientOptions, sees: SeesIncident): Wiring {
  const resume = { isWanted: true };
  // Asked at each connection, so after `store` below exists.
  const socket = createSocket(() => {
    const { version } = store.getState();
    if (!resume.isWanted || version < 0) return null;
    store.beginResume();
    return version;
  });
  const commands = createCommandClient(socketTransport(socket), commandOptions);
  const store = new LiveStore((version) => commands.request('sync:since', { version }), sees);
  socket.on('state:snapshot', (snapshot) => {
    resume.isWanted = true;
    store.receiveSnapshot(snapshot);
  });
  socket.on('state:resumed', (answer) => store.receiveSyncAnswer(answer));
  socket.on('disconnect', () => store.endResume());
  // Every fact of the journal is an event of its own name carrying its delta.
  for (const fact of FACTS) socket.on(fact, (delta) => store.receiveDelta(delta));
  socket.on('state:version', (tick) => store.receiveTick(tick));
  socket.on('units:moved', (frame) => store.receiveFixes(frame));
  return { socket, store, commands, resume };
}

/**
 * One socket for the signed-in console (the cookie says who it is), the live store fed from it, and the command
 * client over it. Mount it once per sign-in. `commandOptions` is read once (a crew's device resends for longer).
 */
export function useLiveConnection(commandOptions: CommandClientOptions = {}, sees: SeesIncident = SEES_EVERY_INCIDENT): LiveConnection {
  const [wiring] = useState(() => wire(commandOptions, sees));
  const state = useSyncExternalStore(wiring.store.subscribe, wiring.store.getState);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const { socket } = wiring;
    const onConnect = () => {
      setStatus('connected');
      setRefusal(null);
    };
    const onDisconnect = () => setStatus('disconnected');
    const onError = (error: Error) => {
      setStatus('disconnected');
      const code = handshakeRefusal(error);
      setRefusal(code ?? error.message);
      // A refused handshake is not retried by Socket.IO; too many attempts is worth another try later. The other
      // refusals (signed out, outdated console) are for the session to act on.
      if (code === 'rate_limited' && !socket.active) {
        if (retryTimer.current) clearTimeout(retryTimer.current);
        retryTimer.current = setTimeout(() => socket.connect(), RATE_LIMITED_RETRY_MS);
      }
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onError);
    if (socket.connected) onConnect();
    else socket.connect();
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onError);
      if (retryTimer.current) clearTimeout(retryTimer.current);
      socket.disconnect();
    };
  }, [wiring]);

  const reconnect = useRef((clearState = false) => {
    if (clearState) wiring.store.clear();
    wiring.resume.isWanted = false;
    wiring.socket.disconnect();
    wiring.socket.connect();
  }).current;

  const { socket, store, commands } = wiring;
  return { socket, store, commands, state, status, refusal, reconnect };
}
