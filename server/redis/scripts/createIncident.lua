-- KEYS: cmd, referenceCounter, openIncidents, openIncidentLocations, journal, version, callerCalls
-- ARGV: command, incidentPrefix, yymmdd, docTemplate, queueScore, lng, lat, at, actor, callRecordTemplate, hasNumber
-- Issues the next reference of the day, stores the incident and journals it in one step. [IC1][IC2]
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

-- Luhn check digit: the same rule as shared/incidents/referenceNumber.ts (a test compares them).
local reference = next_reference(KEYS[2], 'EC', '', ARGV[3])
-- The template's first two placeholders are `id` and `reference`, written before any caller text.
local doc = string.gsub(ARGV[4], '__REFERENCE__', reference, 2)

redis.call('HSET', ARGV[2] .. reference, 'doc', doc, 'rev', 1)
redis.call('ZADD', KEYS[3], ARGV[5], reference)
redis.call('GEOADD', KEYS[4], ARGV[6], ARGV[7], reference)
-- The call record's first two placeholders are its `id` and `incidentId`, before any caller text.
local call = string.gsub(ARGV[10], '__REFERENCE__', reference, 2)
remember_call(KEYS[7], ARGV[8], call, ARGV[11])
return commit(KEYS[1], ARGV[1], KEYS[5], KEYS[6], 'incident:created', ARGV[8], ARGV[9], '[' .. doc .. ']', '[]', 'null', '[' .. call .. ']')
