-- KEYS: cmd, incident, journal, version, unit_1..unit_n, available_1..available_n
-- ARGV: command, expectedRev, newDoc, at, actor, incidentId, unitId_1..unitId_n
-- [DS2] Commits every unit or none: each must still be available at this instant.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local n = #ARGV - 6
local incident, early = incident_at_rev(KEYS[1], ARGV[1], KEYS[2], ARGV[2])
if not incident then return early end

local before = {}
for i = 1, n do
  local unit_key = KEYS[4 + i]
  local unit_id = ARGV[6 + i]
  local state = redis.call('HMGET', unit_key, 'status', 'callSign')
  if not state[1] then
    return refuse(KEYS[1], ARGV[1], 'unit_not_found', 'no unit ' .. unit_id, unit_id)
  end
  if state[1] ~= 'available' then
    return refuse(KEYS[1], ARGV[1], 'unit_not_available', state[2] .. ' is no longer available (' .. state[1] .. ')', unit_id)
  end
  before[i] = unit_json(unit_key)
end

local after = {}
for i = 1, n do
  local unit_key = KEYS[4 + i]
  redis.call('HSET', unit_key, 'status', 'dispatched', 'statusAt', ARGV[4], 'incidentId', ARGV[6])
  redis.call('ZREM', KEYS[4 + n + i], ARGV[6 + i])
  after[i] = unit_json(unit_key)
end
redis.call('HSET', KEYS[2], 'doc', ARGV[3], 'rev', tonumber(incident[2]) + 1)

local before_json = '{"incident":' .. incident[1] .. ',"units":[' .. table.concat(before, ',') .. ']}'
return commit(KEYS[1], ARGV[1], KEYS[3], KEYS[4], 'dispatch:assigned', ARGV[4], ARGV[5],
  '[' .. ARGV[3] .. ']', '[' .. table.concat(after, ',') .. ']', before_json)
