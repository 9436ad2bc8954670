import type { CommandError } from '../../shared/errors/errorCodes.ts';

/** [OPS10] The answer to a command or request that reached no Redis: nothing was sent, so nothing was applied. */
export const NOT_SENT: CommandError = { code: 'unavailable', message: 'the live store cannot be reached just now; nothing was applied; send it again in a moment' };

/**
 * What ioredis says when a command is refused before it is written (OPS10): the connection not being ready, or on a
 * cluster the cluster not being ready (its slots not yet known).
 */
const NOT_WRITTEN = new Set(["Stream isn't writeable and enableOfflineQueue options is false", "Cluster isn't ready and enableOfflineQueue options is false"]);

/**
 * [OPS10] Whether a Redis error means the command never left this server: the commands connection keeps no offline
 * queue, so while it is not connected a command is refused at once instead of waiting to be sent later.
 */
export function isNeverSent(error: unknown): boolean {
  return error instanceof Error && NOT_WRITTEN.has(error.message);
}
