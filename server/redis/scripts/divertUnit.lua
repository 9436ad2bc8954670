-- KEYS: cmd, unit, fromIncident, toIncident, journal, version
-- ARGV: command, expectedStatus, fromIncidentId, fromRev, fromDoc, toRev, toDoc, at, actor, unitId, toIncidentId
-- [DV1] Moves a committed unit from one incident to another in one step: the unit is never free and never on
-- both. The caller built both documents from what it read; this commits only if the unit and both incidents
-- are still exactly as read, otherwise the caller reads again and retries (and then sees, say, an assign
-- that got there first).
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local state = redis.call('HMGET', KEYS[2], 'status', 'incidentId')
if not state[1] then return refuse(KEYS[1], ARGV[1], 'unit_not_found', 'no unit ' .. ARGV[10], ARGV[10]) end
if state[1] ~= ARGV[2] or state[2] ~= ARGV[3] then return RETRY end

local from = redis.call('HMGET', KEYS[3], 'doc', 'rev')
local to = redis.call('HMGET', KEYS[4], 'doc', 'rev')
if not from[1] or not to[1] then return RETRY end
if from[2] ~= ARGV[4] or to[2] ~= ARGV[6] then return RETRY end

local before_unit = unit_json(KEYS[2])
redis.call('HSET', KEYS[3], 'doc', ARGV[5], 'rev', tonumber(from[2]) + 1)
redis.call('HSET', KEYS[4], 'doc', ARGV[7], 'rev', tonumber(to[2]) + 1)
-- Dispatched again, to the new incident: its crew acknowledges the new job. [AK1]
redis.call('HSET', KEYS[2], 'status', 'dispatched', 'statusAt', ARGV[8], 'incidentId', ARGV[11], 'destinationId', '')

local before_json = '{"incidents":[' .. from[1] .. ',' .. to[1] .. '],"units":[' .. before_unit .. ']}'
return commit(KEYS[1], ARGV[1], KEYS[5], KEYS[6], 'dispatch:diverted', ARGV[8], ARGV[9],
  '[' .. ARGV[5] .. ',' .. ARGV[7] .. ']', '[' .. unit_json(KEYS[2]) .. ']', before_json)
