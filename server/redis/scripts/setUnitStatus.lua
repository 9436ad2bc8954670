-- KEYS: cmd, unit, availableOfKind, journal, version [, incident]
-- ARGV: command, expectedStatus, expectedIncidentId, newStatus, at, actor, unitId, expectedRev, newDoc, destinationId, unansweredAt [, fact]
-- The fact is `unit:status_changed` unless given: a desk's release [LC4] is the same clearing step under its own fact.
-- [US1] The caller checked the transition against what it read; this script commits only if the
-- unit (and its incident) are still exactly as read, otherwise the caller reads again and retries.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local state = redis.call('HMGET', KEYS[2], 'status', 'incidentId', 'lng', 'lat')
if not state[1] then return refuse(KEYS[1], ARGV[1], 'unit_not_found', 'no unit ' .. ARGV[7], ARGV[7]) end
if state[1] ~= ARGV[2] or state[2] ~= ARGV[3] then return RETRY end

-- KEYS[6] with an empty newDoc: the unit stays committed; its incident is read (not changed) so that
-- every desk that sees the incident sees the unit's change. [DK4]
local has_incident = #KEYS >= 6 and ARGV[9] ~= ''
local shows_incident = #KEYS >= 6 and ARGV[9] == ''
local before_incident = 'null'
if has_incident then
  local incident = redis.call('HMGET', KEYS[6], 'doc', 'rev')
  if incident[2] ~= ARGV[8] then return RETRY end
  before_incident = incident[1]
  redis.call('HSET', KEYS[6], 'doc', ARGV[9], 'rev', tonumber(incident[2]) + 1)
end

local before_unit = unit_json(KEYS[2])
local new_status = ARGV[4]
redis.call('HSET', KEYS[2], 'status', new_status, 'statusAt', ARGV[5], 'destinationId', ARGV[10])
if ARGV[11] ~= '' then redis.call('HSET', KEYS[2], 'unansweredAt', ARGV[11]) end
if new_status == 'available' or new_status == 'out_of_service' then
  redis.call('HSET', KEYS[2], 'incidentId', '')
end
-- The available set of the unit's kind holds exactly the units whose status is `available`.
if new_status == 'available' then
  redis.call('GEOADD', KEYS[3], state[3], state[4], ARGV[7])
else
  redis.call('ZREM', KEYS[3], ARGV[7])
end

local incidents_json = '[]'
if has_incident then incidents_json = '[' .. ARGV[9] .. ']' end
if shows_incident then
  local doc = redis.call('HGET', KEYS[6], 'doc')
  if doc then incidents_json = '[' .. doc .. ']' end
end
local before_json = '{"incident":' .. before_incident .. ',"units":[' .. before_unit .. ']}'
return commit(KEYS[1], ARGV[1], KEYS[4], KEYS[5], ARGV[12] or 'unit:status_changed', ARGV[5], ARGV[6],
  incidents_json, '[' .. unit_json(KEYS[2]) .. ']', before_json)
