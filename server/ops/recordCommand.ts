import type { CommandName } from '../../shared/protocol/contract.ts';
import type { CommandCaller } from '../commands/commandCaller.ts';
import type { CadOps } from './cadOps.ts';

/** Commands sent many times a second by every crew device: logged at `debug`, so `info` stays readable. */
const CHATTY_COMMANDS: ReadonlySet<CommandName> = new Set(['unit:position']);

export interface CommandRecord {
  command: CommandName;
  commandId: string | null;
  caller: CommandCaller;
  /** `ok`, or the error code of the refusal. */
  outcome: string;
  ms: number;
  /** The exception behind an `internal_error`, logged with its stack (never sent to the client, HI4). */
  error?: unknown;
  /** For a sign-in, the username tried (there is no session yet). */
  username?: string | null;
}

/**
 * [OPS1][OPS2] One log line and the metrics of one command: who sent it (user id, username, role, desk, transport),
 * its command id, what came of it and how long it took. Never the payload: no password, token or key can reach the
 * log this way.
 */
export function recordCommand(ops: CadOps, record: CommandRecord): void {
  const { command, caller, outcome } = record;
  const session = caller.session;
  const ms = Math.round(record.ms * 100) / 100;
  ops.metrics.commands.inc({ command, outcome });
  ops.metrics.commandSeconds.observe({ command }, record.ms / 1000);
  const line = {
    command,
    commandId: record.commandId,
    userId: session?.userId ?? null,
    username: session?.username ?? record.username ?? null,
    role: session?.role ?? null,
    ...(session?.desk ? { desk: session.desk } : {}),
    ...(session?.unitId ? { unitId: session.unitId } : {}),
    transport: caller.transport,
    ...(session ? {} : { clientKey: caller.clientKey }),
    outcome,
    ms,
  };
  if (record.error !== undefined) ops.log.error({ ...line, err: record.error }, `${command} failed: ${outcome}`);
  else if (CHATTY_COMMANDS.has(command)) ops.log.debug(line, `${command} ${outcome}`);
  else ops.log.info(line, `${command} ${outcome}`);
}
