-- KEYS: cmd, incident, journal, version, callerCalls
-- ARGV: command, expectedRev, newDoc, at, actor, callRecord
-- [DU2] Adds a caller to an existing incident: nothing new is created, both callers are kept.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local incident = redis.call('HMGET', KEYS[2], 'doc', 'rev')
if not incident[1] then return refuse(KEYS[1], ARGV[1], 'incident_not_found', 'no such incident') end
if incident[2] ~= ARGV[2] then return RETRY end

redis.call('HSET', KEYS[2], 'doc', ARGV[3], 'rev', tonumber(incident[2]) + 1)
remember_call(KEYS[5], ARGV[4], ARGV[6])
return commit(KEYS[1], ARGV[1], KEYS[3], KEYS[4], 'incident:caller_linked', ARGV[4], ARGV[5],
  '[' .. ARGV[3] .. ']', '[]', '{"incident":' .. incident[1] .. ',"units":[]}', '[' .. ARGV[6] .. ']')
