import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Session } from '../../../shared/auth/roles.ts';
import { connectSocket, socketTransport } from './socketClient.ts';
import type { ConsoleSocket } from './socketClient.ts';
import { createCommandClient } from './commandClient.ts';
import type { CommandClient, CommandClientOptions } from './commandClient.ts';
import { LiveStore } from './liveStore.ts';
import type { LiveState } from './liveState.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface LiveConnection {
  socket: ConsoleSocket;
  store: LiveStore;
  commands: CommandClient;
  state: LiveState;
  status: ConnectionStatus;
  /** The reason the server refused the connection, if it did. */
  refusal: string | null;
}

interface Wiring {
  socket: ConsoleSocket;
  store: LiveStore;
  commands: CommandClient;
}

function wire(session: Session, commandOptions: CommandClientOptions): Wiring {
  const socket = connectSocket(session);
  const commands = createCommandClient(socketTransport(socket), commandOptions);
  const store = new LiveStore((version) => commands.request('sync:since', { version }));
  socket.on('state:snapshot', (snapshot) => store.receiveSnapshot(snapshot));
  socket.on('incident:created', (delta) => store.receiveDelta(delta));
  socket.on('incident:closed', (delta) => store.receiveDelta(delta));
  socket.on('dispatch:assigned', (delta) => store.receiveDelta(delta));
  socket.on('unit:status_changed', (delta) => store.receiveDelta(delta));
  socket.on('unit:acknowledged', (delta) => store.receiveDelta(delta));
  socket.on('incident:caller_linked', (delta) => store.receiveDelta(delta));
  socket.on('call:disposed', (delta) => store.receiveDelta(delta));
  socket.on('state:version', (tick) => store.receiveTick(tick.version));
  socket.on('units:moved', (frame) => store.receiveFixes(frame));
  return { socket, store, commands };
}

/**
 * One socket per session, the live store fed from it, and the command client over it.
 * `commandOptions` is read once per session (a crew's device keeps resending for longer than a desk).
 */
export function useLiveConnection(session: Session, commandOptions: CommandClientOptions = {}): LiveConnection {
  const options = useRef(commandOptions);
  const wiring = useMemo(() => wire(session, options.current), [session]);
  const state = useSyncExternalStore(wiring.store.subscribe, wiring.store.getState);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    const { socket } = wiring;
    const onConnect = () => {
      setStatus('connected');
      setRefusal(null);
    };
    const onDisconnect = () => setStatus('disconnected');
    const onError = (error: Error) => {
      setStatus('disconnected');
      setRefusal(error.message);
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onError);
    if (socket.connected) onConnect();
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onError);
    };
  }, [wiring]);

  useEffect(() => {
    if (!wiring.socket.connected) wiring.socket.connect();
    return () => void wiring.socket.disconnect();
  }, [wiring]);

  return { ...wiring, state, status, refusal };
}
