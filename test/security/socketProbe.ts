import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol/events.ts';
import type { TestSocket } from '../support/testClient.ts';

/**
 * Opens a socket with the given cookie (or none) and reports how the handshake ended: `connected`,
 * or the refusal's message (the error code, e.g. `unauthenticated`).
 */
export function handshakeOutcome(url: string, cookie?: string, timeoutMs = 10_000): Promise<string> {
  const socket: TestSocket = io(url, { auth: { protocolVersion: PROTOCOL_VERSION }, extraHeaders: cookie ? { cookie } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`the handshake neither connected nor failed within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      resolve(error.message);
    });
  });
}

/** Resolves when the socket is disconnected (with the reason), rejects when it is still connected after the timeout. */
export function disconnected(socket: TestSocket, timeoutMs = 10_000): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the socket was still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Resolves with the next `session:ended` notice. */
export function sessionEnded(socket: TestSocket, timeoutMs = 10_000): Promise<{ reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no session:ended within ${timeoutMs} ms`)), timeoutMs);
    socket.once('session:ended', (notice) => {
      clearTimeout(timer);
      resolve(notice);
    });
  });
}
