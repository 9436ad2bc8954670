-- KEYS: cmd, incident, openIncidents, openIncidentLocations, journal, version
-- ARGV: command, expectedRev, newDoc, at, actor, incidentId
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local incident, early = incident_at_rev(KEYS[1], ARGV[1], KEYS[2], ARGV[2])
if not incident then return early end

redis.call('HSET', KEYS[2], 'doc', ARGV[3], 'rev', tonumber(incident[2]) + 1)
redis.call('ZREM', KEYS[3], ARGV[6])
redis.call('ZREM', KEYS[4], ARGV[6])
return commit(KEYS[1], ARGV[1], KEYS[5], KEYS[6], 'incident:closed', ARGV[4], ARGV[5],
  '[' .. ARGV[3] .. ']', '[]', '{"incident":' .. incident[1] .. ',"units":[]}')
