import { readFileSync } from 'node:fs';
import { LuaScript } from './luaScript.ts';

const read = (file: string): string => readFileSync(new URL(`./scripts/${file}`, import.meta.url), 'utf8');
const common = read('common.lua');

/** Every atomic script of the live store; each command script starts with the shared Lua helpers and has a deadline (OPS10). */
export const SCRIPTS = {
  createIncident: new LuaScript('createIncident', common + read('createIncident.lua'), true),
  assignUnits: new LuaScript('assignUnits', common + read('assignUnits.lua'), true),
  setUnitStatus: new LuaScript('setUnitStatus', common + read('setUnitStatus.lua'), true),
  closeIncident: new LuaScript('closeIncident', common + read('closeIncident.lua'), true),
  recordCall: new LuaScript('recordCall', common + read('recordCall.lua'), true),
  linkCaller: new LuaScript('linkCaller', common + read('linkCaller.lua'), true),
  updateIncident: new LuaScript('updateIncident', common + read('updateIncident.lua'), true),
  reopenIncident: new LuaScript('reopenIncident', common + read('reopenIncident.lua'), true),
  reclassifyIncident: new LuaScript('reclassifyIncident', common + read('reclassifyIncident.lua'), true),
  divertUnit: new LuaScript('divertUnit', common + read('divertUnit.lua'), true),
  createTicket: new LuaScript('createTicket', common + read('createTicket.lua'), true),
  updateTicket: new LuaScript('updateTicket', common + read('updateTicket.lua'), true),
  escalateTicket: new LuaScript('escalateTicket', common + read('escalateTicket.lua'), true),
  snapshot: new LuaScript('snapshot', common + read('snapshot.lua'), true),
  unitSnapshot: new LuaScript('unitSnapshot', common + read('unitSnapshot.lua'), true),
  recordPosition: new LuaScript('recordPosition', read('recordPosition.lua')),
  seedUnit: new LuaScript('seedUnit', read('seedUnit.lua')),
  createUser: new LuaScript('createUser', read('createUser.lua')),
  appendAudit: new LuaScript('appendAudit', read('appendAudit.lua')),
  setUnitCrew: new LuaScript('setUnitCrew', common + read('setUnitCrew.lua'), true),
  trimArchived: new LuaScript('trimArchived', read('trimArchived.lua')),
  registerUnit: new LuaScript('registerUnit', common + read('registerUnit.lua'), true),
} as const;
