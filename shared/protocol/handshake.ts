import { z } from 'zod';

/**
 * [RT1][RT6] What a client says when it opens a socket (Socket.IO's `auth`): the protocol it was built for, a session
 * token when it has no cookie (devices, the AVL gateway), and, when it reconnects holding state, the version that
 * state is at, so the server sends what changed since instead of the whole board.
 */
export const HandshakeAuthSchema = z.object({
  protocolVersion: z.unknown(),
  token: z.unknown().optional(),
  resumeVersion: z.number({ error: 'resumeVersion: the version the client holds, an integer of 0 or more' }).int('resumeVersion: an integer').nonnegative('resumeVersion: 0 or more').max(Number.MAX_SAFE_INTEGER).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;
