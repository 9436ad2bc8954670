-- KEYS: cmd, incident, openIncidents, journal, version
-- ARGV: command, expectedRev, newDoc, at, actor, incidentId, queueScore
-- [LC6] A new type or priority: the document and, while the incident is open, its place in the queue
-- (the score is priority then age) change together with the journal entry.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local incident, early = incident_at_rev(KEYS[1], ARGV[1], KEYS[2], ARGV[2])
if not incident then return early end

redis.call('HSET', KEYS[2], 'doc', ARGV[3], 'rev', tonumber(incident[2]) + 1)
redis.call('ZADD', KEYS[3], 'XX', ARGV[7], ARGV[6])
return commit(KEYS[1], ARGV[1], KEYS[4], KEYS[5], 'incident:updated', ARGV[4], ARGV[5],
  '[' .. ARGV[3] .. ']', '[]', '{"incident":' .. incident[1] .. ',"units":[]}')
