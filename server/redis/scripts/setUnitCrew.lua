-- KEYS: cmd, unit, journal, version, user [, previous unit]
-- ARGV: command, unitId, userId, name, at, actor, mode ('on' | 'off')
-- [CR2] Signs a crew member on to a vehicle (off any other first) or off the vehicle they are on,
-- keeping the vehicle's crew list and the user's binding in step, and journals the change.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end
if redis.call('EXISTS', KEYS[2]) == 0 then return refuse(KEYS[1], ARGV[1], 'unit_not_found', 'no unit ' .. ARGV[2], ARGV[2]) end

local function crew_without(unit_key, user_id)
  local raw = redis.call('HGET', unit_key, 'crew')
  local list = {}
  if raw and raw ~= '' then
    for _, member in ipairs(cjson.decode(raw)) do
      if member.userId ~= user_id then list[#list + 1] = member end
    end
  end
  return list
end

-- cjson writes an empty table as {}: an empty crew is written as [] explicitly.
local function store_crew(unit_key, list)
  if #list == 0 then redis.call('HSET', unit_key, 'crew', '[]') else redis.call('HSET', unit_key, 'crew', cjson.encode(list)) end
end

local units = {}
if #KEYS >= 6 and KEYS[6] ~= KEYS[2] then
  store_crew(KEYS[6], crew_without(KEYS[6], ARGV[3]))
  units[#units + 1] = unit_json(KEYS[6])
end
local list = crew_without(KEYS[2], ARGV[3])
if ARGV[7] == 'on' then
  list[#list + 1] = { userId = ARGV[3], name = ARGV[4], since = tonumber(ARGV[5]) }
  redis.call('HSET', KEYS[5], 'unitId', ARGV[2])
else
  redis.call('HSET', KEYS[5], 'unitId', '')
end
store_crew(KEYS[2], list)
units[#units + 1] = unit_json(KEYS[2])
return commit(KEYS[1], ARGV[1], KEYS[3], KEYS[4], 'unit:crew_changed', ARGV[5], ARGV[6], '[]', '[' .. table.concat(units, ',') .. ']', '{}')
