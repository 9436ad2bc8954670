import { readFileSync } from 'node:fs';
import { LuaScript } from './luaScript.ts';

const read = (file: string): string => readFileSync(new URL(`./scripts/${file}`, import.meta.url), 'utf8');
const common = read('common.lua');

/** Every atomic script of the live store; each command script starts with the shared Lua helpers. */
export const SCRIPTS = {
  createIncident: new LuaScript('createIncident', common + read('createIncident.lua')),
  assignUnits: new LuaScript('assignUnits', common + read('assignUnits.lua')),
  setUnitStatus: new LuaScript('setUnitStatus', common + read('setUnitStatus.lua')),
  closeIncident: new LuaScript('closeIncident', common + read('closeIncident.lua')),
  recordCall: new LuaScript('recordCall', common + read('recordCall.lua')),
  linkCaller: new LuaScript('linkCaller', common + read('linkCaller.lua')),
  updateIncident: new LuaScript('updateIncident', common + read('updateIncident.lua')),
  reopenIncident: new LuaScript('reopenIncident', common + read('reopenIncident.lua')),
  reclassifyIncident: new LuaScript('reclassifyIncident', common + read('reclassifyIncident.lua')),
  divertUnit: new LuaScript('divertUnit', common + read('divertUnit.lua')),
  createTicket: new LuaScript('createTicket', common + read('createTicket.lua')),
  updateTicket: new LuaScript('updateTicket', common + read('updateTicket.lua')),
  escalateTicket: new LuaScript('escalateTicket', common + read('escalateTicket.lua')),
  snapshot: new LuaScript('snapshot', common + read('snapshot.lua')),
  recordPosition: new LuaScript('recordPosition', read('recordPosition.lua')),
  seedUnit: new LuaScript('seedUnit', read('seedUnit.lua')),
  createUser: new LuaScript('createUser', read('createUser.lua')),
  appendAudit: new LuaScript('appendAudit', read('appendAudit.lua')),
  setUnitCrew: new LuaScript('setUnitCrew', common + read('setUnitCrew.lua')),
  trimArchived: new LuaScript('trimArchived', read('trimArchived.lua')),
  registerUnit: new LuaScript('registerUnit', common + read('registerUnit.lua')),
} as const;
