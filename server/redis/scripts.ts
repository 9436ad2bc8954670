import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/projectRoot.ts';
import { LuaScript } from './luaScript.ts';

const read = (file: string): string => readFileSync(join(PROJECT_ROOT, 'server/redis/scripts', file), 'utf8');
const common = read('common.lua');

/** A command script: the shared helpers first, which take the deadline `LuaScript` appends (OPS10). */
const commandScript = (name: string): LuaScript => new LuaScript(name, common + read(`${name}.lua`), true);
/** A script of its own, without the helpers or a deadline. */
const plainScript = (name: string): LuaScript => new LuaScript(name, read(`${name}.lua`));

/** Every atomic script of the live store; each command script starts with the shared Lua helpers and has a deadline (OPS10). */
export const SCRIPTS = {
  createIncident: commandScript('createIncident'),
  assignUnits: commandScript('assignUnits'),
  setUnitStatus: commandScript('setUnitStatus'),
  closeIncident: commandScript('closeIncident'),
  recordCall: commandScript('recordCall'),
  linkCaller: commandScript('linkCaller'),
  updateIncident: commandScript('updateIncident'),
  reopenIncident: commandScript('reopenIncident'),
  reclassifyIncident: commandScript('reclassifyIncident'),
  divertUnit: commandScript('divertUnit'),
  createTicket: commandScript('createTicket'),
  updateTicket: commandScript('updateTicket'),
  escalateTicket: commandScript('escalateTicket'),
  snapshot: commandScript('snapshot'),
  unitSnapshot: commandScript('unitSnapshot'),
  boardUnits: commandScript('boardUnits'),
  recordPositions: plainScript('recordPositions'),
  nearestAvailable: plainScript('nearestAvailable'),
  seedUnit: plainScript('seedUnit'),
  createUser: plainScript('createUser'),
  appendAudit: plainScript('appendAudit'),
  commandGate: plainScript('commandGate'),
  setUnitCrew: commandScript('setUnitCrew'),
  trimArchived: plainScript('trimArchived'),
  registerUnit: commandScript('registerUnit'),
  renewLease: plainScript('renewLease'),
  releaseLease: plainScript('releaseLease'),
} as const;
