import { useEffect, useRef } from 'react';
import { PROTOCOL_VERSION } from '../../../shared/protocol/contract.ts';
import type { SessionInfo } from '../../../shared/auth/userSchema.ts';
import type { SessionEndReason } from '../../../shared/protocol/events.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';

export interface SessionEventHandlers {
  /** The server ended the session: disabled, password reset, signed out elsewhere, expired. */
  onEnded: (reason: SessionEndReason) => void;
  /** The session's vehicle changed (a crew signed on or off): new rooms, new snapshot, new session. */
  onChanged: () => void;
  /** The socket's handshake was refused as not signed in: the cookie has expired or was revoked. */
  onUnauthenticated: () => void;
}

/**
 * [AU6] Listens for what the server says about the session itself on the live connection. Returns whether this
 * console is out of date (the server refused its protocol version, or reports another one).
 */
export function useSessionEvents(live: LiveConnection, info: SessionInfo, handlers: SessionEventHandlers): boolean {
  const latest = useRef(handlers);
  latest.current = handlers;
  const { socket, refusal } = live;

  useEffect(() => {
    const onEnded = ({ reason }: { reason: SessionEndReason }) => latest.current.onEnded(reason);
    const onChanged = () => latest.current.onChanged();
    socket.on('session:ended', onEnded);
    socket.on('session:changed', onChanged);
    return () => {
      socket.off('session:ended', onEnded);
      socket.off('session:changed', onChanged);
    };
  }, [socket]);

  useEffect(() => {
    if (refusal === 'unauthenticated') latest.current.onUnauthenticated();
  }, [refusal]);

  return refusal === 'protocol_outdated' || info.protocolVersion !== PROTOCOL_VERSION;
}
