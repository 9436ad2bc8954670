/** The reasons the server gives for refusing a socket's handshake (the `connect_error` message is the code). */
export const HANDSHAKE_REFUSALS = ['unauthenticated', 'protocol_outdated', 'rate_limited'] as const;
export type HandshakeRefusal = (typeof HANDSHAKE_REFUSALS)[number];

/** The refusal a `connect_error` carries, or null for a network error (which Socket.IO retries by itself). */
export function handshakeRefusal(error: Error): HandshakeRefusal | null {
  const code = HANDSHAKE_REFUSALS.find((c) => c === error.message);
  if (code) return code;
  // The server may put the code in `data` and a sentence in `message`.
  const data: unknown = 'data' in error ? error.data : undefined;
  if (typeof data === 'object' && data !== null && 'code' in data) {
    return HANDSHAKE_REFUSALS.find((c) => c === data.code) ?? null;
  }
  return null;
}

const REFUSAL_TEXT: Record<HandshakeRefusal, string> = {
  unauthenticated: 'not signed in',
  protocol_outdated: 'console out of date',
  rate_limited: 'too many attempts, retrying',
};

/** A refusal code or network error as a few words for the connection badge. */
export function refusalText(refusal: string): string {
  const code = HANDSHAKE_REFUSALS.find((c) => c === refusal);
  return code ? REFUSAL_TEXT[code] : refusal;
}
