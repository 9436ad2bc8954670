-- KEYS: cmd, incident, journal, version, callerCalls
-- ARGV: command, expectedRev, newDoc, at, actor, callRecord, hasNumber
-- [DU2] Adds a caller to an existing incident: nothing new is created, both callers are kept.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local incident, early = incident_at_rev(KEYS[1], ARGV[1], KEYS[2], ARGV[2])
if not incident then return early end

redis.call('HSET', KEYS[2], 'doc', ARGV[3], 'rev', tonumber(incident[2]) + 1)
remember_call(KEYS[5], ARGV[4], ARGV[6], ARGV[7])
return commit(KEYS[1], ARGV[1], KEYS[3], KEYS[4], 'incident:caller_linked', ARGV[4], ARGV[5],
  '[' .. ARGV[3] .. ']', '[]', '{"incident":' .. incident[1] .. ',"units":[]}', '[' .. ARGV[6] .. ']')
