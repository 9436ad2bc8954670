import type { Role } from '../auth/roles.ts';

/** Every command the server takes, over the socket (event name) and HTTP alike. */
export const COMMANDS = [
  'incident:create',
  'incident:close',
  'dispatch:recommend',
  'dispatch:assign',
  'unit:status',
  'unit:position',
  'sync:since',
  'incident:get',
  'incident:duplicates',
  'incident:link_caller',
  'call:dispose',
  'caller:history',
  'hoax:registry',
  'unit:acknowledge',
  'route:unit',
  'route:hospitals',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/**
 * [AU1] The one policy table: which roles may send which command.
 * A crew may in addition act only on its own unit ([AU2], checked by the command's `ownUnit`).
 */
export const COMMAND_POLICY: Record<CommandName, readonly Role[]> = {
  'incident:create': ['call_taker', 'dispatcher'],
  'incident:close': ['dispatcher', 'supervisor'],
  'dispatch:recommend': ['call_taker', 'dispatcher', 'supervisor'],
  'dispatch:assign': ['dispatcher'],
  'unit:status': ['dispatcher', 'crew', 'system'],
  'unit:position': ['crew', 'system'],
  'sync:since': ['call_taker', 'dispatcher', 'crew', 'supervisor'],
  'incident:get': ['call_taker', 'dispatcher', 'supervisor'],
  'incident:duplicates': ['call_taker', 'dispatcher'],
  'incident:link_caller': ['call_taker', 'dispatcher'],
  'call:dispose': ['call_taker', 'dispatcher'],
  'caller:history': ['call_taker', 'dispatcher', 'supervisor'],
  'hoax:registry': ['supervisor'],
  'unit:acknowledge': ['crew', 'dispatcher'],
  'route:unit': ['crew', 'dispatcher', 'supervisor'],
  'route:hospitals': ['crew', 'dispatcher'],
};

/** True when `role` may send `command`. */
export function isCommandAllowed(command: CommandName, role: Role): boolean {
  return COMMAND_POLICY[command].includes(role);
}
