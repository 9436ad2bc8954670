import type { CommandClientOptions } from '../realtime/commandClient.ts';

/** A crew's device keeps resending a status change for up to half an hour (tunnels, dead spots). */
export const CREW_COMMAND_OPTIONS: CommandClientOptions = { giveUpAfterMs: 30 * 60_000, retryDelayMs: 1000 };
