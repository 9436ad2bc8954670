-- KEYS: cmd, incident, openIncidents, openIncidentLocations, journal, version
-- ARGV: command, expectedRev, newDoc, at, actor, incidentId, queueScore, lng, lat
-- [LC3] Puts an incident back in the open queue and the open locations (duplicate detection) with its new
-- document, in one step with its journal entry. An incident awaiting close is still in both: ZADD and
-- GEOADD then only rewrite what is there.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local incident, early = incident_at_rev(KEYS[1], ARGV[1], KEYS[2], ARGV[2])
if not incident then return early end

redis.call('HSET', KEYS[2], 'doc', ARGV[3], 'rev', tonumber(incident[2]) + 1)
redis.call('ZADD', KEYS[3], ARGV[7], ARGV[6])
redis.call('GEOADD', KEYS[4], ARGV[8], ARGV[9], ARGV[6])
return commit(KEYS[1], ARGV[1], KEYS[5], KEYS[6], 'incident:reopened', ARGV[4], ARGV[5],
  '[' .. ARGV[3] .. ']', '[]', '{"incident":' .. incident[1] .. ',"units":[]}')
